package dev.sqllint.mybatis;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.function.IntFunction;

/**
 * Maps the characters a parser reports (entities decoded, CDATA unwrapped, line breaks normalised) back to
 * the characters written in the source, by walking both in step: {@code &lt;} is one reported character at
 * the {@code &}, {@code <![CDATA[} and {@code ]]>} report none, {@code \r\n} reports one {@code \n}. When the
 * two disagree (which a conforming parser never makes them do) the character keeps the current position
 * rather than failing.
 */
final class RawAlignment {

    private static final String CDATA_OPEN = "<![CDATA[";
    private static final String CDATA_CLOSE = "]]>";

    private RawAlignment() {
    }

    /** Character data reported by the parser, written from {@code from} on. */
    static SqlText text(String decoded, String raw, int from, IntFunction<Origin> originAt) {
        return align(decoded, raw, from, originAt, false);
    }

    /** An attribute value, written from {@code from} (just after its opening quote) on. */
    static SqlText attribute(String decoded, String raw, int from, IntFunction<Origin> originAt) {
        return align(decoded, raw, from, originAt, true);
    }

    private static SqlText align(String decoded, String raw, int from, IntFunction<Origin> originAt, boolean attribute) {
        if (decoded.isEmpty()) return SqlText.empty();
        Origin[] origins = new Origin[decoded.length()];
        int p = Math.max(0, Math.min(from, raw.length()));
        boolean cdata = false;
        int i = 0;
        while (i < decoded.length()) {
            if (!attribute) {
                if (!cdata && raw.startsWith(CDATA_OPEN, p)) {
                    cdata = true;
                    p += CDATA_OPEN.length();
                    continue;
                }
                if (cdata && raw.startsWith(CDATA_CLOSE, p)) {
                    cdata = false;
                    p += CDATA_CLOSE.length();
                    continue;
                }
            }
            char c = decoded.charAt(i);
            Origin at = originAt.apply(Math.min(p, Math.max(0, raw.length() - 1)));
            if (p >= raw.length()) {
                origins[i++] = at;
                continue;
            }
            char r = raw.charAt(p);
            if (r == '&' && !cdata) {
                int semi = raw.indexOf(';', p);
                int n = semi < 0 ? 1 : decodedLength(raw.substring(p + 1, semi));
                for (int k = 0; k < n && i < decoded.length(); k++) origins[i++] = at;
                p = semi < 0 ? p + 1 : semi + 1;
            } else if (r == '\r' && (c == '\n' || (attribute && c == ' '))) {
                origins[i++] = at;
                p += p + 1 < raw.length() && raw.charAt(p + 1) == '\n' ? 2 : 1;
            } else if (r == c || (attribute && c == ' ' && Character.isWhitespace(r))) {
                origins[i++] = at;
                p++;
            } else {
                origins[i++] = at; // out of step: keep the position
            }
        }
        return SqlText.of(decoded, origins);
    }

    /** How many characters an entity reference decodes to: two for a character beyond the BMP. */
    private static int decodedLength(String name) {
        if (!name.startsWith("#")) return 1;
        try {
            int code = name.startsWith("#x") || name.startsWith("#X")
                    ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            return Character.charCount(code);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
