package dev.sqllint.extract.jdbi;

import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;

/**
 * Jdbi 3's default template engine ({@code DefinedAttributeTemplateEngine}): {@code <name>} is replaced by
 * the attribute {@code @Define}d or {@code @BindList}ed under that name, e.g. {@code select * from <table>}
 * or {@code where id in (<ids>)}. Outside quotes and comments, as Jdbi's lexer reads it; here the attribute
 * becomes an identifier placeholder.
 */
final class DefinedAttributes {

    private DefinedAttributes() {
    }

    static SqlText expand(SqlText sql) {
        String s = sql.text();
        if (s.indexOf('<') < 0) return sql;
        SqlText out = sql;
        // right to left, so earlier offsets stay valid
        for (int i = s.length() - 1; i >= 0; i--) {
            if (s.charAt(i) != '<' || insideQuoteOrComment(s, i)) continue;
            int j = i + 1;
            if (j >= s.length() || !Character.isJavaIdentifierStart(s.charAt(j))) continue;
            while (j < s.length() && Character.isJavaIdentifierPart(s.charAt(j))) j++;
            if (j < s.length() && s.charAt(j) == '>') out = out.replace(i, j + 1, Placeholders.DYNAMIC);
        }
        return out;
    }

    private static boolean insideQuoteOrComment(String s, int at) {
        int i = 0;
        while (i < at) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int close = s.indexOf(c, i + 1);
                if (close < 0 || close > at) return true;
                i = close + 1;
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                if (close < 0 || close > at) return true;
                i = close + 2;
            } else {
                i++;
            }
        }
        return false;
    }
}
