package dev.sqllint.extract.jdbi;

import dev.sqllint.extract.jdbi.templates.TemplateExpressions;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.util.List;

/**
 * The statements a StringTemplate 4 SQL template (Jdbi {@code @UseStringTemplateEngine},
 * {@code @UseStringTemplateSqlLocator}) can produce: {@code <if(x)>A<endif>} with and without A,
 * {@code <if(x)>A<elseif(y)>B<else>C<endif>} one per branch; every other expression ({@code <name>},
 * {@code <ids; separator=", ">}, {@code <cols:{c | <c>}>}) becomes an identifier placeholder; comments
 * {@code <! ... !>} are removed and {@code \<} is a plain {@code <}. A {@code <} followed by a blank or an
 * operator is SQL's less-than.
 */
final class StringTemplateVariants {

    private StringTemplateVariants() {
    }

    static List<SqlText> expand(SqlText template) {
        String s = template.text();
        if (s.indexOf('<') < 0) return List.of(template);
        TemplateSections sections = new TemplateSections();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '<' || s.charAt(i + 1) == '>')) {
                sections.fixed(i, i + 1, ""); // the escape goes, the bracket stays
                i += 2;
                continue;
            }
            if (c != '<') {
                i++;
                continue;
            }
            if (s.startsWith("<!", i)) {
                int close = s.indexOf("!>", i + 2);
                int end = close < 0 ? s.length() : close + 2;
                sections.fixed(i, end, "");
                i = end;
                continue;
            }
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            if (!(Character.isJavaIdentifierStart(next) || next == '(' || next == '{')) {
                i++; // a less-than: a < b, a <= b, a <> b
                continue;
            }
            int end = TemplateExpressions.end(s, i);
            String inner = s.substring(i + 1, Math.max(i + 1, end - 1)).strip();
            if (inner.startsWith("if(") || inner.startsWith("if (")) {
                sections.open(i, end, true);
            } else if (inner.startsWith("elseif(") || inner.startsWith("elseif (")) {
                sections.branch(i, end, false);
            } else if (inner.equals("else")) {
                sections.branch(i, end, true);
            } else if (inner.equals("endif")) {
                sections.close(i, end);
            } else {
                sections.fixed(i, end, Placeholders.DYNAMIC);
            }
            i = end;
        }
        return TemplateBranches.apply(template, sections.finish(s.length()));
    }
}
