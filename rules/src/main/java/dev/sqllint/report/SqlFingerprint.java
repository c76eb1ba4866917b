package dev.sqllint.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short hash of a statement that stays the same when only its layout changes. A baseline entry names its
 * statement by this hash, not by a line number, so inserting code above a query, re-indenting it or
 * re-wrapping the Java string it is built from does not turn an accepted finding into a new one.
 *
 * <p>Normalisation, outside quoted text only: case is folded (SQL keywords and unquoted identifiers are
 * case-insensitive), runs of whitespace become one space, and spaces next to {@code ( ) ,} are dropped.
 * String literals and quoted identifiers are kept as written: {@code 'Active'} and {@code 'active'} are
 * different queries.
 */
public final class SqlFingerprint {

    /** Hex digits kept of the SHA-256: 64 bits, plenty to tell the statements of one method apart. */
    static final int HASH_LENGTH = 16;

    private SqlFingerprint() {
    }

    /** The first {@value #HASH_LENGTH} hex digits of the SHA-256 of the {@link #normalize normalised} SQL. */
    public static String of(String sql) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalize(sql).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The statement as the hash sees it. */
    static String normalize(String sql) {
        if (sql == null) return "";
        StringBuilder out = new StringBuilder(sql.length());
        char quote = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == quote) quote = 0;
                continue;
            }
            if (Character.isWhitespace(c)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && !out.isEmpty() && !isTight(c) && !isTight(out.charAt(out.length() - 1))) {
                out.append(' ');
            }
            pendingSpace = false;
            if (c == '\'' || c == '"' || c == '`') quote = c;
            out.append(quote != 0 ? c : Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** Punctuation that needs no space around it: {@code count (*)} and {@code count(*)} are one query. */
    private static boolean isTight(char c) {
        return c == '(' || c == ')' || c == ',';
    }
}
