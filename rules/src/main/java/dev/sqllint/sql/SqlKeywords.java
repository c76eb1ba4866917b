package dev.sqllint.sql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

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

    /**
     * Offset of the nearest whole word of {@code words} (lower case) before {@code at} at the same parenthesis depth,
     * or -1: the clause {@code at} stands in ({@code GROUP BY}, {@code WHERE}). A parenthesis still open at {@code at}
     * bounds the search, and literals and comments are skipped.
     */
    public static int nearestBefore(String sql, int at, Set<String> words) {
        Deque<Integer> outer = new ArrayDeque<>(); // the nearest word found at each enclosing depth
        int nearest = -1;
        int end = Math.min(at, sql.length());
        int i = 0;
        while (i < end) {
            char c = sql.charAt(i);
            int past = pastLiteralOrComment(sql, i);
            if (past > i) {
                i = past;
            } else if (c == '(') {
                outer.push(nearest);
                nearest = -1;
                i++;
            } else if (c == ')') {
                nearest = outer.isEmpty() ? -1 : outer.pop();
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) j++;
                if (j <= end && words.contains(sql.substring(i, j).toLowerCase(Locale.ROOT))) nearest = i;
                i = j;
            } else {
                i++;
            }
        }
        return nearest;
    }

    private static int[] scan(String sql, String keyword, int from, int to, boolean keepLast) {
        String kw = keyword.toUpperCase(Locale.ROOT);
        int result = -1;
        int end = Math.min(to, sql.length());
        int i = Math.max(0, from);
        while (i < end) {
            char c = sql.charAt(i);
            int past = pastLiteralOrComment(sql, i);
            if (past > i) {
                i = past;
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

    /** Where the literal or comment starting at {@code i} ends; {@code i} itself when none starts there. */
    private static int pastLiteralOrComment(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || c == '`') return PlaceholderNormalizer.skipQuoted(sql, i, c);
        if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
            int nl = sql.indexOf('\n', i);
            return nl < 0 ? sql.length() : nl;
        }
        if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
            int close = sql.indexOf("*/", i + 2);
            return close < 0 ? sql.length() : close + 2;
        }
        return i;
    }
}
