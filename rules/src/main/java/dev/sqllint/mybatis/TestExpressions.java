package dev.sqllint.mybatis;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code <if test>} or {@code <when test>} says, as far as it can be told without the parameter object:
 * <ul>
 *   <li>a test of {@code _databaseId} alone is decided by the project's database
 *       ({@code _databaseId == 'oracle'}, {@code _databaseId != 'mysql' and _databaseId != 'mariadb'});</li>
 *   <li>tests that are each other's negation are one decision taken two ways, so MyBatis never issues both bodies:
 *       {@code parent != null} / {@code parent == null}, {@code type == 'A'} / {@code type != 'A'},
 *       {@code flag} / {@code !flag} / {@code not flag} / {@code flag == false}.</li>
 * </ul>
 */
final class TestExpressions {

    /** A test as a question and the answer under which it holds: {@code parent != null} is ("parent == null", false). */
    record Decision(String question, boolean holdsWhenYes) {
    }

    private static final Pattern COMPARISON = Pattern.compile("^(.+?)\\s*(==|!=|\\beq\\b|\\bneq\\b)\\s*(.+)$");
    private static final Pattern DATABASE_ID = Pattern.compile(
            "^_databaseId\\s*(==|!=|\\beq\\b|\\bneq\\b)\\s*(?:'([^']*)'|\"([^\"]*)\")$");
    private static final Pattern CONNECTIVE = Pattern.compile("\\s+(?:and|or)\\s+|&&|\\|\\|");

    private TestExpressions() {
    }

    /** The test as a decision, so negations share one; a test it cannot take apart is its own question. */
    static Decision decision(String test) {
        String t = normalize(test);
        boolean compound = CONNECTIVE.matcher(t).find();
        if (!compound) {
            Matcher m = COMPARISON.matcher(t);
            if (m.matches()) {
                String left = m.group(1).strip();
                String right = m.group(3).strip();
                boolean equals = m.group(2).equals("==") || m.group(2).equals("eq");
                if (right.equals("false") || right.equals("true")) {
                    return new Decision(left, equals == right.equals("true"));
                }
                if (left.equals("null")) {
                    left = right;
                    right = "null";
                }
                return new Decision(left + " == " + right, equals);
            }
            if (t.startsWith("!") && !t.startsWith("!=")) return new Decision(normalize(t.substring(1)), false);
            if (t.startsWith("not ")) return new Decision(normalize(t.substring(4)), false);
        }
        return new Decision(t, true);
    }

    /**
     * Whether a test of {@code _databaseId} alone holds for the project's database; empty when the test reads
     * anything else (then it is a choice like any other).
     */
    static Optional<Boolean> onDatabase(String test, DatabaseIds ids) {
        String t = normalize(test);
        if (!t.contains("_databaseId")) return Optional.empty();
        boolean and = t.contains(" and ") || t.contains("&&");
        boolean or = t.contains(" or ") || t.contains("||");
        if (and && or) return Optional.empty();
        Boolean result = null;
        for (String part : CONNECTIVE.split(t)) {
            Matcher m = DATABASE_ID.matcher(normalize(part));
            if (!m.matches()) return Optional.empty();
            String id = m.group(2) != null ? m.group(2) : m.group(3);
            boolean equals = m.group(1).equals("==") || m.group(1).equals("eq");
            boolean holds = ids.ours(id) == equals;
            result = result == null ? holds : (and ? result && holds : result || holds);
        }
        return Optional.ofNullable(result);
    }

    /** Whitespace collapsed, outer parentheses removed. */
    private static String normalize(String test) {
        String t = test == null ? "" : test.replaceAll("\\s+", " ").strip();
        while (t.startsWith("(") && t.endsWith(")") && balanced(t.substring(1, t.length() - 1))) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '(') depth++;
            else if (s.charAt(i) == ')' && --depth < 0) return false;
        }
        return depth == 0;
    }
}
