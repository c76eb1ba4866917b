package dev.sqllint.sql;

import java.util.Locale;

/**
 * Finds keywords in SQL text while skipping string literals, quoted identifiers and comments. Rules use it
 * to point at a keyword (OR, EXISTS, DISTINCT) that JSqlParser keeps no position for, searching between
 * the positions of the nodes around it.
 */
public final class SqlKeywords {

    private SqlKeywords() {
    }

    /** Offset of the first whole-word {@code keyword} in {@code [from, to)}, or -1. */
    public static int first(String sql, String keyword, int from, int to) {
        int[] found = scan(sql, keyword, from, to, false);
        return found[0];
    }

    /** Offset of the last whole-word {@code keyword} in {@code [from, to)}, or -1. */
    public static int last(String sql, String keyword, int from, int to) {
        int[] found = scan(sql, keyword, from, to, true);
        return found[0];
    }

    private static int[] scan(String sql, String keyword, int from, int to, boolean keepLast) {
        String kw = keyword.toUpperCase(Locale.ROOT);
        int result = -1;
        int end = Math.min(to, sql.length());
        int i = Math.max(0, from);
        while (i < end) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = PlaceholderNormalizer.skipQuoted(sql, i, c);
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? sql.length() : nl;
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? sql.length() : close + 2;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) j++;
                if (j - i == kw.length() && sql.substring(i, j).toUpperCase(Locale.ROOT).equals(kw) && j <= end) {
                    result = i;
                    if (!keepLast) return new int[] {result};
                }
                i = j;
            } else {
                i++;
            }
        }
        return new int[] {result};
    }
}
