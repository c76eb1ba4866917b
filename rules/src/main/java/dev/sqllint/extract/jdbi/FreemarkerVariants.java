package dev.sqllint.extract.jdbi;

import dev.sqllint.sql.SqlText;
import java.util.List;

/**
 * The statements a FreeMarker SQL template (Jdbi {@code @UseFreemarkerEngine}) can produce:
 * {@code <#if c>A</#if>} with and without A, {@code <#if c>A<#elseif d>B<#else>C</#if>} one per branch,
 * {@code <#list xs as x>...<#sep>, </#list>} printed once without its separator, comments and other
 * directives ({@code <#assign>}, macros) removed. {@code ${name}} is left for
 * {@link dev.sqllint.sql.PlaceholderNormalizer}, which turns it into an identifier placeholder.
 */
final class FreemarkerVariants {

    private FreemarkerVariants() {
    }

    static List<SqlText> expand(SqlText template) {
        String s = template.text();
        if (!s.contains("<#") && !s.contains("</#") && !s.contains("<@")) return List.of(template);
        TemplateSections sections = new TemplateSections();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("<#--", i)) {
                int close = s.indexOf("-->", i + 4);
                int end = close < 0 ? s.length() : close + 3;
                sections.fixed(i, end, "");
                i = end;
                continue;
            }
            boolean closing = s.startsWith("</#", i) || s.startsWith("</@", i);
            if (!closing && !s.startsWith("<#", i) && !s.startsWith("<@", i)) {
                i++;
                continue;
            }
            int end = tagEnd(s, i);
            String name = name(s, i + (closing ? 3 : 2));
            if (!closing && name.equals("sep")) {
                int sepEnd = separatorEnd(s, end);
                boolean ownClose = s.startsWith("</#sep>", sepEnd);
                sections.fixed(i, ownClose ? sepEnd + "</#sep>".length() : sepEnd, "");
                i = ownClose ? sepEnd + "</#sep>".length() : sepEnd;
                continue;
            }
            if (!closing && (name.equals("if") || name.equals("list"))) {
                sections.open(i, end, name.equals("if"));
            } else if (!closing && (name.equals("elseif") || name.equals("else")) && sections.inSection()) {
                sections.branch(i, end, name.equals("else"));
            } else if (closing && (name.equals("if") || name.equals("list"))) {
                sections.close(i, end);
            } else {
                sections.fixed(i, end, ""); // <#assign>, <#items>, </#items>, <@macro/>: no text of their own
            }
            i = end;
        }
        return TemplateBranches.apply(template, sections.finish(s.length()));
    }

    /** Just past the {@code >} that ends the tag at {@code start}: not inside quotes or parentheses. */
    private static int tagEnd(String s, int start) {
        int depth = 0;
        for (int j = start + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '"' || c == '\'') {
                int close = s.indexOf(c, j + 1);
                if (close < 0) return s.length();
                j = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == '>' && depth == 0) {
                return j + 1;
            }
        }
        return s.length();
    }

    private static String name(String s, int from) {
        int j = from;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '.')) j++;
        return s.substring(from, j);
    }

    /** A separator runs to {@code </#sep>}, or to the end of the list or items body. */
    private static int separatorEnd(String s, int from) {
        int best = s.length();
        for (String end : List.of("</#sep>", "</#list>", "</#items>", "<#else>")) {
            int at = s.indexOf(end, from);
            if (at >= 0 && at < best) best = at;
        }
        return best;
    }
}
