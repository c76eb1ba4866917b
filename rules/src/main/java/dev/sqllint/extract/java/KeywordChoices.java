package dev.sqllint.extract.java;

import dev.sqllint.sql.SqlKeywords;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keywords a project helper chooses at run time: a {@code SqlHelper} whose {@code whereAnd()} returns "where" the
 * first time and "and" after folds to both texts at every call, so a builder with two conditions reads as four
 * statements, two of which ({@code ... where a = ? where b = ?}, {@code ... from t and a = ?}) no caller can
 * produce. A variant is kept only where each keyword such a method returned fits where it stands: WHERE opens the
 * conditions of a clause that has none yet, AND and OR continue conditions already opened (WHERE or HAVING before
 * them at the same depth; a join's ON is not what such helpers continue). Text the project writes itself is never judged; when no variant fits, all stay.
 */
public final class KeywordChoices {

    private static final Set<String> CHOSEN = Set.of("where", "and", "or");
    /** The words that open conditions (WHERE, ON, HAVING) or another clause, where a search for the clause stops. */
    private static final Set<String> CLAUSE_WORDS = Set.of("where", "on", "having", "select", "from", "join", "set",
            "update", "delete", "by");

    private KeywordChoices() {
    }

    /** The variants in which every keyword returned by a project method fits; all of them when none does. */
    public static List<SqlText> fitting(List<SqlText> variants) {
        if (variants.size() < 2) return variants;
        List<SqlText> out = new ArrayList<>();
        for (SqlText v : variants) if (fits(v)) out.add(v);
        return out.isEmpty() || out.size() == variants.size() ? variants : List.copyOf(out);
    }

    private static boolean fits(SqlText v) {
        String text = v.text();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetter(text.charAt(i)) || (i > 0 && isWordChar(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && isWordChar(text.charAt(end))) end++;
            String word = text.substring(i, end).toLowerCase(Locale.ROOT);
            if (CHOSEN.contains(word) && returnedAlone(v, i, end) && !fitsAt(text, i, word)) return false;
            i = end;
        }
        return true;
    }

    /**
     * The word is all a project method returned ({@code SqlHelper.whereAnd()} giving {@code " and "}), not part of
     * a longer text a method returned (a join condition's {@code and}) nor text the call site wrote.
     */
    private static boolean returnedAlone(SqlText v, int start, int end) {
        String label = v.originAt(start).viaConstant();
        if (label == null || !label.endsWith("()")) return false;
        // alone: the method's text around the word is blank. Looked at outward only while it is: a method that returned
        // a whole 9 KB statement was walked end to end for each of its ANDs
        String text = v.text();
        for (int from = start - 1; from >= 0 && label.equals(v.originAt(from).viaConstant()); from--) {
            if (!Character.isWhitespace(text.charAt(from))) return false;
        }
        for (int to = end; to < v.length() && label.equals(v.originAt(to).viaConstant()); to++) {
            if (!Character.isWhitespace(text.charAt(to))) return false;
        }
        return true;
    }

    /** Whether {@code word} at {@code at} fits after the clause word nearest before it at the same depth. */
    private static boolean fitsAt(String text, int at, String word) {
        // a join's ON counts as a clause word but not as conditions a helper continues: such helpers build WHERE
        String before = nearestClauseWord(text, at);
        boolean conditionsOpen = before != null && (before.equals("where") || before.equals("having"));
        return word.equals("where") ? !conditionsOpen : conditionsOpen;
    }

    /** The nearest WHERE/ON/HAVING or clause-opening word before {@code at}, at the same parenthesis depth; null if none. */
    private static String nearestClauseWord(String text, int at) {
        int found = SqlKeywords.nearestBefore(text, at, CLAUSE_WORDS);
        if (found < 0) return null;
        int end = found;
        while (end < text.length() && isWordChar(text.charAt(end))) end++;
        return text.substring(found, end).toLowerCase(Locale.ROOT);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
