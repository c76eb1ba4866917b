package dev.sqllint.mybatis;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringTokenizer;

/**
 * MyBatis's {@code TrimSqlNode}, on positioned text: the content is trimmed; when nothing is left, nothing is
 * written (so {@code <where>} over no condition adds no WHERE); otherwise the first matching prefix override
 * is removed, the prefix and a space put in front, the first matching suffix override removed and a space and
 * the suffix put behind. {@code <where>} and {@code <set>} are trims with fixed settings.
 */
final class Trim {

    /** {@code <where>}: a leading AND or OR goes, whatever whitespace follows it. */
    static final List<String> WHERE_OVERRIDES = List.of("AND ", "OR ", "AND\n", "OR\n", "AND\r", "OR\r", "AND\t", "OR\t");
    /** {@code <set>}: a leading or trailing comma goes. */
    static final List<String> COMMA = List.of(",");

    private Trim() {
    }

    /** {@code prefix} and {@code suffix} may be null (none); {@code at} places the space put after a prefix. */
    static SqlText apply(SqlText content, SqlText prefix, SqlText suffix, List<String> prefixOverrides,
                         List<String> suffixOverrides, Origin at) {
        SqlText sql = strip(content);
        if (sql.length() == 0) return sql;
        String upper = sql.text().toUpperCase(Locale.ENGLISH);
        for (String remove : prefixOverrides) {
            if (upper.startsWith(remove)) {
                sql = slice(sql, remove.trim().length(), sql.length());
                break;
            }
        }
        if (prefix != null) sql = prefix.append(SqlText.of(" ", at)).append(sql);
        for (String remove : suffixOverrides) {
            if (upper.endsWith(remove) || upper.endsWith(remove.trim())) {
                sql = slice(sql, 0, sql.length() - remove.trim().length());
                break;
            }
        }
        if (suffix != null) sql = sql.append(SqlText.of(" ", at)).append(suffix);
        return sql;
    }

    /** {@code prefixOverrides="AND |OR "}: split on {@code |}, upper-cased, spaces kept (they are part of the match). */
    static List<String> overrides(String attribute) {
        List<String> out = new ArrayList<>();
        if (attribute == null) return out;
        StringTokenizer parts = new StringTokenizer(attribute, "|", false);
        while (parts.hasMoreTokens()) out.add(parts.nextToken().toUpperCase(Locale.ENGLISH));
        return out;
    }

    /** Without leading and trailing whitespace (and control characters), as {@link String#trim()}. */
    static SqlText strip(SqlText t) {
        String s = t.text();
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') start++;
        while (end > start && s.charAt(end - 1) <= ' ') end--;
        return slice(t, start, end);
    }

    /** Characters {@code [start, end)}, with their origins. */
    static SqlText slice(SqlText t, int start, int end) {
        if (start >= end) return SqlText.empty();
        SqlText out = t;
        if (end < out.length()) out = out.replace(end, out.length(), "");
        if (start > 0) out = out.replace(0, start, "");
        return out;
    }
}
