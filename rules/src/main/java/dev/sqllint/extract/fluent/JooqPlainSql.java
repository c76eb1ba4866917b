package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.sqllint.extract.java.StringFolder;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * jOOQ's plain-SQL entry points ({@code dsl.fetch(String)}, {@code resultQuery}, {@code DSL.condition},
 * {@code DSL.field}, {@code DSL.table}, {@code .where(String)}): the string is folded by {@link StringFolder}
 * like any other SQL string, and jOOQ's template arguments {@code {0}}, {@code {1}} are replaced by the SQL of
 * the matching argument ({@code ?} for a bind value), so the text parses and a column passed as
 * {@code BOOK.ID} is a column.
 */
final class JooqPlainSql {

    private final JooqEvaluator ev;

    JooqPlainSql(JooqEvaluator ev) {
        this.ev = ev;
    }

    /** Every variant of the SQL string argument {@code index} of {@code m}, the arguments after it as template parts. */
    List<SqlText> variants(MethodCallExpr m, int index) {
        List<SqlText> parts = new ArrayList<>();
        for (int i = index + 1; i < m.getArguments().size(); i++) {
            Expression a = m.getArgument(i);
            parts.add(ev.value(ev.eval(a), a));
        }
        List<SqlText> out = new ArrayList<>();
        for (SqlText v : ev.cx.folder.fold(m.getArgument(index))) out.add(substitute(v, parts));
        return out;
    }

    /** The first variant (the one with the most branches taken), for plain SQL inside a chain. */
    SqlText first(MethodCallExpr m, int index) {
        List<SqlText> all = variants(m, index);
        return all.isEmpty() ? SqlText.placeholder(ev.cx.origin(m)) : all.get(0);
    }

    /** {@code {n}} outside quotes becomes the text of template part n, or {@code ?} when there is none. */
    static SqlText substitute(SqlText sql, List<SqlText> parts) {
        SqlText out = sql;
        String s = out.text();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int close = s.indexOf(c, i + 1);
                i = close < 0 ? s.length() : close + 1;
                continue;
            }
            if (c == '{') {
                int j = i + 1;
                while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                if (j > i + 1 && j < s.length() && s.charAt(j) == '}') {
                    int n = Integer.parseInt(s.substring(i + 1, j));
                    String replacement = n < parts.size() ? parts.get(n).text() : "?";
                    out = out.replace(i, j + 1, replacement);
                    s = out.text();
                    i += replacement.length();
                    continue;
                }
            }
            i++;
        }
        return out;
    }
}
