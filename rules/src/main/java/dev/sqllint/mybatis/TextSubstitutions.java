package dev.sqllint.mybatis;

import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;

/**
 * Where a {@code ${...}} text substitution stands for more than an identifier, the two forms mappers use
 * most, read so the statement around them parses (elsewhere the normaliser makes {@code ${...}} an
 * identifier placeholder):
 * <ul>
 *   <li>a column and its operator, directly followed by a bind parameter: MyBatis Generator's
 *       {@code Example_Where_Clause}, in a great many mappers, writes {@code and ${criterion.condition} #{criterion.value}}
 *       with conditions such as {@code "id ="} or {@code "name like"}. It is read as {@code ${...} = #{...}}: an
 *       unknown column compared with a parameter, which is what it is;</li>
 *   <li>a clause appended after a complete condition, such as the data-scope filter of RuoYi and its many
 *       forks ({@code WHERE u.del_flag = '0' <if>...</if> ${params.dataScope} ORDER BY ...}): after a value (a
 *       quote, a closing parenthesis, a number or a {@code #{...}}) no operand can follow, so it is a condition of
 *       its own, unknown, and is left out, with {@link Placeholders#ELIDED} where it stood.</li>
 * </ul>
 */
final class TextSubstitutions {

    private TextSubstitutions() {
    }

    static SqlText apply(SqlText sql) {
        SqlText out = sql;
        int from = 0;
        while (true) {
            String s = out.text();
            int open = s.indexOf("${", from);
            if (open < 0) return out;
            int close = s.indexOf('}', open + 2);
            if (close < 0) return out;
            int next = close + 1;
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) next++;
            if (afterValue(s, open)) {
                // left out, with a mark that a condition stood here (rules must not claim the WHERE is all there is)
                boolean marked = s.substring(0, open).stripTrailing().endsWith(Placeholders.ELIDED);
                out = out.replace(open, close + 1, marked ? "" : " " + Placeholders.ELIDED + " ");
                from = open;
            } else if (s.startsWith("#{", next) && !gluedToName(s, open)) {
                out = out.replace(close + 1, close + 1, " =");
                from = close + 3;
            } else {
                from = close + 1;
            }
        }
    }

    /** {@code RES.PERMS_${op}#{p}}: a substitution right after a name is an operator on it, not a column of its own. */
    private static boolean gluedToName(String s, int open) {
        return open > 0 && (Character.isLetterOrDigit(s.charAt(open - 1)) || s.charAt(open - 1) == '_');
    }

    /** Whether the text before {@code at} ends with a complete value: {@code '...'}, {@code )}, a number, {@code #{...}}. */
    private static boolean afterValue(String s, int at) {
        int p = at - 1;
        while (p >= 0 && Character.isWhitespace(s.charAt(p))) p--;
        // a clause left out just before ({@code ${orderBy} ${limitAfter}}) stands where the value ended
        if (p >= 0 && s.startsWith(Placeholders.ELIDED, p + 1 - Placeholders.ELIDED.length())) {
            return afterValue(s, p + 1 - Placeholders.ELIDED.length());
        }
        if (p < 0) return false;
        char c = s.charAt(p);
        if (c == '\'' || c == ')') return true;
        if (Character.isDigit(c)) {
            int q = p;
            while (q >= 0 && (Character.isDigit(s.charAt(q)) || s.charAt(q) == '.')) q--;
            return q < 0 || !(Character.isLetter(s.charAt(q)) || s.charAt(q) == '_'); // 10, not t1
        }
        if (c == '}') {
            int brace = s.lastIndexOf('{', p);
            return brace > 0 && s.charAt(brace - 1) == '#';
        }
        return false;
    }
}
