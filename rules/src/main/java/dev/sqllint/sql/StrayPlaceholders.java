package dev.sqllint.sql;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A placeholder the grammar cannot take where it stands is a whole clause, not a name: code like
 * {@code "... where status = ?" + sqlGenerator.limit(100)} or {@code " order by " + column + " " + direction}
 * folds to {@code where status = ? sqllint_dyn} or {@code order by sqllint_dyn sqllint_dyn}, which no SQL
 * grammar accepts because the unknown part brought its own keywords. When the parser stops exactly on a
 * placeholder, it is blanked (spaces of the same length, so offsets and origins do not move) and the
 * statement is parsed again: the known SQL is analysed, the unknown clause is left out, as it would be if
 * it were empty.
 */
final class StrayPlaceholders {

    static final int MAX_REPAIRS = 4;
    private static final Pattern AT = Pattern.compile("at line (\\d+), column (\\d+)");

    private StrayPlaceholders() {
    }

    /** The text with the placeholder the failure points at blanked, or empty when it points at something else. */
    static Optional<SqlText> blankAt(SqlText sql, String failure) {
        if (failure == null) return Optional.empty();
        Matcher m = AT.matcher(failure);
        if (!m.find()) return Optional.empty();
        int offset = offset(sql.text(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        String token = Placeholders.DYNAMIC;
        if (offset < 0 || !sql.text().startsWith(token, offset)) return Optional.empty();
        return Optional.of(sql.replace(offset, offset + token.length(), " ".repeat(token.length())));
    }

    static int offset(String s, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            int nl = s.indexOf('\n', at);
            if (nl < 0) return -1;
            at = nl + 1;
        }
        int offset = at + column - 1;
        return offset >= 0 && offset < s.length() ? offset : -1;
    }
}
