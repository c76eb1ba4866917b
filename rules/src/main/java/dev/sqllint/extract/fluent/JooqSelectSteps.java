package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.sqllint.extract.fluent.JooqValue.Cond;
import dev.sqllint.extract.fluent.JooqValue.Field;
import dev.sqllint.extract.fluent.JooqValue.Table;
import dev.sqllint.extract.fluent.JooqValue.TableRef;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The steps of a select chain after {@code select(...)}: {@code from}, joins and their {@code on}/{@code onKey},
 * {@code where} and the {@code and}/{@code or}/{@code andExists}... that extend the last condition clause
 * (the ON of the last join, WHERE, or HAVING, as in jOOQ), {@code distinctOn}, {@code groupBy},
 * {@code having}, {@code orderBy}, {@code limit}, {@code offset}, set operations, and the select used as a
 * table or a field. Steps sqllint does not model (hints, {@code seek}, {@code qualify}) leave the select as it
 * was.
 */
final class JooqSelectSteps {

    private static final Map<String, String> SET_OPERATIONS = Map.of("union", "UNION", "unionAll", "UNION ALL",
            "except", "EXCEPT", "exceptAll", "EXCEPT ALL", "intersect", "INTERSECT", "intersectAll", "INTERSECT ALL");

    private final JooqEvaluator ev;

    JooqSelectSteps(JooqEvaluator ev) {
        this.ev = ev;
    }

    JooqValue apply(JooqQuery before, MethodCallExpr m) {
        String name = m.getNameAsString();
        Origin at = ev.cx.nameOrigin(m);
        int args = m.getArguments().size();
        JooqQuery q = before.copy();
        String join = JooqTables.JOINS.get(name);
        if (join != null && args == 1) {
            Table right = ev.table(ev.eval(m.getArgument(0)), m.getArgument(0));
            if (q.from.isEmpty()) {
                q.from = List.of(right);
                q.fromOrigin = at;
            } else {
                replaceLast(q, ev.tables.join(last(q), join, right, at));
            }
            q.target = JooqQuery.Target.ON;
            return q;
        }
        String setOperation = SET_OPERATIONS.get(name);
        if (setOperation != null && args == 1) {
            JooqValue other = ev.eval(m.getArgument(0));
            if (!(other instanceof JooqQuery o)) return before;
            JooqQuery compound = new JooqQuery(before.selectOrigin);
            compound.compound = before.renderOperand().append(SqlText.of(" " + setOperation + " ", at)).append(o.renderOperand());
            return compound;
        }
        switch (name) {
            case "distinctOn":
                return distinctOn(q, m, at);
            case "on":
                if (q.from.isEmpty() && q.distinctOrigin != null) return distinctOn(q, m, at); // selectDistinct(...).on(...)
                return joinCondition(q, m);
            case "onKey":
            case "using":
                return joinCondition(q, m);
            case "from": {
                List<Table> from = new ArrayList<>(q.from);
                for (Expression a : m.getArguments()) {
                    JooqValue v = ev.eval(a);
                    if (v instanceof JooqValue.ListOf l) {
                        for (JooqValue item : l.items()) from.add(ev.table(item, a));
                    } else {
                        from.add(ev.table(v, a));
                    }
                }
                q.from = List.copyOf(from);
                if (q.fromOrigin == null) q.fromOrigin = at;
                q.target = JooqQuery.Target.WHERE;
                return q;
            }
            case "where":
            case "having": {
                boolean where = name.equals("where");
                Cond c = ev.fields.conditionArguments(m);
                if (where) {
                    q.where = Cond.and(q.where, c, at);
                    if (q.whereOrigin == null) q.whereOrigin = at;
                    q.target = JooqQuery.Target.WHERE;
                } else {
                    q.having = Cond.and(q.having, c, at);
                    if (q.havingOrigin == null) q.havingOrigin = at;
                    q.target = JooqQuery.Target.HAVING;
                }
                return q;
            }
            case "whereExists":
            case "whereNotExists":
                if (args != 1) return before;
                q.where = Cond.and(q.where, ev.dsl.existsCondition(ev.eval(m.getArgument(0)), name.equals("whereNotExists"), at), at);
                if (q.whereOrigin == null) q.whereOrigin = at;
                q.target = JooqQuery.Target.WHERE;
                return q;
            case "and":
            case "or":
            case "andNot":
            case "orNot":
            case "andExists":
            case "orExists":
            case "andNotExists":
            case "orNotExists":
                return connective(q, m, name, at);
            case "groupBy":
                q.groupBy = values(m);
                q.groupByOrigin = at;
                return q;
            case "orderBy":
                q.orderBy = values(m);
                q.orderByOrigin = at;
                return q;
            case "limit":
                if (args == 1) q.limit = SqlText.of(" LIMIT ", at).append(value(m.getArgument(0)));
                if (args == 2) {
                    q.limit = SqlText.of(" LIMIT ", at).append(value(m.getArgument(1)));
                    q.offset = SqlText.of(" OFFSET ", at).append(value(m.getArgument(0)));
                }
                return q;
            case "offset":
                if (args == 1) q.offset = SqlText.of(" OFFSET ", at).append(value(m.getArgument(0)));
                return q;
            case "forUpdate":
                q.forUpdate = SqlText.of(" FOR UPDATE", at);
                return q;
            case "forShare":
                q.forUpdate = SqlText.of(" FOR SHARE", at);
                return q;
            case "asTable":
            case "as": {
                String alias = args >= 1 ? ev.text(m.getArgument(0)) : "q";
                alias = alias == null ? "q" : JooqNames.alias(alias);
                SqlText sql = JooqEvaluator.parenthesised(before.render()).append(SqlText.of(" AS " + alias, at));
                return new Table(new TableRef(null, alias, sql));
            }
            case "asField":
                return new Field(JooqEvaluator.parenthesised(before.render()));
            default:
                return before;
        }
    }

    private JooqQuery distinctOn(JooqQuery q, MethodCallExpr m, Origin at) {
        if (q.distinctOrigin == null) q.distinctOrigin = at; // select(...).distinctOn(...)
        q.distinctOn = values(m);
        q.distinctOnOrigin = at;
        return q;
    }

    /** {@code .on(...)}, {@code .onKey()}, {@code .using(...)} of the last join. */
    private JooqValue joinCondition(JooqQuery q, MethodCallExpr m) {
        if (q.from.isEmpty() || last(q).lastJoin() == null) return q;
        Table last = last(q);
        List<TableRef> all = q.tableRefs();
        List<TableRef> earlier = all.subList(0, all.size() - last.lastJoin().right().refs().size());
        replaceLast(q, ev.tables.condition(last, m, List.copyOf(earlier)));
        q.target = JooqQuery.Target.ON;
        return q;
    }

    /** {@code .and(c)}, {@code .or(c)}, ... of the clause the chain is in: the last join's ON, WHERE, or HAVING. */
    private JooqValue connective(JooqQuery q, MethodCallExpr m, String name, Origin at) {
        if (q.target == JooqQuery.Target.ON && !q.from.isEmpty() && last(q).lastJoin() != null) return joinCondition(q, m);
        Cond other = ev.fields.connectiveArgument(name, m, at);
        if (other == null) return q;
        boolean and = name.startsWith("and");
        if (q.target == JooqQuery.Target.HAVING) {
            q.having = and ? Cond.and(q.having, other, at) : Cond.or(q.having, other, at);
        } else {
            q.where = and ? Cond.and(q.where, other, at) : Cond.or(q.where, other, at);
            if (q.whereOrigin == null) q.whereOrigin = at;
        }
        return q;
    }

    private List<SqlText> values(MethodCallExpr m) {
        List<SqlText> out = new ArrayList<>();
        for (JooqValue v : ev.arguments(m)) out.add(ev.value(v, m));
        return out;
    }

    private SqlText value(Expression e) {
        return ev.value(ev.eval(e), e);
    }

    private static Table last(JooqQuery q) {
        return q.from.get(q.from.size() - 1);
    }

    private static void replaceLast(JooqQuery q, Table t) {
        List<Table> from = new ArrayList<>(q.from);
        from.set(from.size() - 1, t);
        q.from = List.copyOf(from);
    }
}
