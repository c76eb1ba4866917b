package dev.sqllint.rules;

import dev.sqllint.sql.ParsedSql;
import java.util.HashSet;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * Whether a SELECT reads at most one row because its WHERE binds a declared unique key of its one table to values
 * ({@code FROM m_appuser WHERE username = ?}, {@code FROM act_ge_property p WHERE p.name_ = ?}). Counting such a
 * row costs what EXISTS does, and a NOT IN over it hashes one row: the rules about many rows stay quiet there.
 */
final class PinnedRows {

    private PinnedRows() {
    }

    static boolean atMostOneRow(PlainSelect select, ParsedSql sql, Query query) {
        if (select.getJoins() != null && !select.getJoins().isEmpty() || select.getWhere() == null) return false;
        SelectScope scope = SelectScope.of(select, sql.tree());
        if (scope.tables.size() != 1 || scope.tables.get(0).name() == null) return false;
        Set<String> bound = new HashSet<>();
        for (Expression term : Expressions.conjuncts(select.getWhere())) {
            if (!(term instanceof EqualsTo eq)) continue;
            Column l = Expressions.column(eq.getLeftExpression());
            Column r = Expressions.column(eq.getRightExpression());
            if (l != null && Expressions.isValue(eq.getRightExpression()) && scope.local(l) != null) bound.add(Expressions.columnName(l));
            if (r != null && Expressions.isValue(eq.getLeftExpression()) && scope.local(r) != null) bound.add(Expressions.columnName(r));
        }
        return !bound.isEmpty() && query.keys().uniqueKeyCovered(scope.tables.get(0).name(), bound).isPresent();
    }
}
