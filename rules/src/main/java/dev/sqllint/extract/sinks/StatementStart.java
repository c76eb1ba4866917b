package dev.sqllint.extract.sinks;

import dev.sqllint.extract.Language;
import dev.sqllint.extract.UnresolvedSite;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a variant says which statement it is. {@code sqlGenerator.buildSelect(columns) + " " + from + where}
 * folds to {@code sqllint_dyn FROM ... WHERE ...}, and a helper that returns {@code ""} when it has no
 * columns to {@code FROM ... WHERE ...}: the statement's start is decided at run time, so the text is not a
 * statement sqllint has read, and counting it as one the parser rejected would measure the folding, not
 * the SQL. Such variants are left out; a site left with none is reported as unresolved
 * ({@link UnresolvedSite#STATEMENT_START_DYNAMIC}).
 */
public final class StatementStart {

    /** Words a clause starts with, never a statement (FROM starts an HQL query, so only for SQL). */
    private static final Set<String> CLAUSES = Set.of("where", "and", "or", "order", "group", "having", "limit", "offset",
            "join", "inner", "left", "right", "outer", "cross", "on", "union");

    private StatementStart() {
    }

    /** The variants whose start is known. */
    public static List<SqlText> known(List<SqlText> variants, Language language) {
        List<SqlText> out = new ArrayList<>();
        for (SqlText v : variants) if (isKnown(v.text(), language)) out.add(v);
        return out;
    }

    /** Whether the text starts like a statement, not like a clause or an unknown part. */
    public static boolean isKnown(String text, Language language) {
        String first = firstWord(text);
        if (first.isEmpty()) return true; // punctuation first ("{call ...}", "? = call"): not ours to judge
        String w = first.toLowerCase(Locale.ROOT);
        if (w.equals(Placeholders.DYNAMIC)) return false;
        if (language == Language.SQL && w.equals("from")) return false;
        return !CLAUSES.contains(w);
    }

    /** The first word, past spaces, comments and opening parentheses; empty when something else comes first. */
    private static String firstWord(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (text.startsWith("--", i)) {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
        return text.substring(start, i);
    }
}
