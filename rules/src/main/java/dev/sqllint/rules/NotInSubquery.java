package dev.sqllint.rules;

import dev.sqllint.schema.KeyModel.Evidence;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.ParsedSql;
import dev.sqllint.sql.SqlKeywords;
import dev.sqllint.sql.SqlTree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.update.Update;

@RuleInfo(
        name = "NotInSubquery",
        title = "NOT IN over a subquery",
        summary = "NOT IN (SELECT ...): the planner cannot make it an anti-join, and one NULL in the subquery makes it "
                + "match no rows",
        severity = Severity.WARNING,
        explanation = "x NOT IN (SELECT y FROM ...) is not the same as NOT EXISTS: if any y is NULL, the comparison is "
                + "unknown for every row, and the query silently matches nothing. Because of that NULL rule PostgreSQL "
                + "cannot turn NOT IN into an anti-join: it hashes the subquery's rows (a hashed subplan) while they fit "
                + "in work_mem and otherwise loops over them once per outer row; in a production incident the planner "
                + "estimated 45 million for the NOT IN against 20 thousand for the same query with NOT EXISTS. "
                + "NOT EXISTS (SELECT 1 FROM ... WHERE sub.y = outer.x) says what is meant and is planned as a hash or "
                + "merge anti-join. NOT IN over a list of literals or parameters is fine. Where the schema proves the "
                + "subquery's column NOT NULL (a primary key column) the message leaves the NULL trap out.",
        incident = "A platform's resource registry synchronised organisations with a query that kept the organisations "
                + "whose id was NOT IN (SELECT object_id FROM the registry WHERE content_type = ...). With 50 thousand "
                + "organisations it was fast while the registry's ids fitted in work_mem (a hashed subplan, 21 ms); "
                + "on the larger installation, with fresh statistics and less memory, PostgreSQL switched to a "
                + "materialised subplan scanned for every organisation, an estimated cost of 45 million. The same query "
                + "written with NOT EXISTS was planned as a hash anti-join, estimated at 20 thousand, 18 ms.",
        incidentSource = "https://github.com/ansible/django-ansible-base/pull/1094",
        before = "SELECT c.id, c.name FROM customers c\n"
                + "WHERE c.id NOT IN (SELECT o.customer_id FROM orders o WHERE o.placed_at > ?)",
        after = "SELECT c.id, c.name FROM customers c\n"
                + "WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.placed_at > ? AND o.customer_id = c.id)",
        fix = "write NOT EXISTS (SELECT 1 FROM ... WHERE sub.column = outer.column): an anti-join, and no NULL trap")
public final class NotInSubquery implements Rule {

    /** The incident's evidence, quoted in every message. */
    private static final String COST = "an estimated cost of 45 million, against 20 thousand with NOT EXISTS";

    @Override
    public List<Violation> check(Query query) {
        List<Violation> out = new ArrayList<>();
        ParsedSql sql = query.sql();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        // every WHERE, HAVING and JOIN ... ON of the statement: top level, subqueries, CTEs, UPDATE and DELETE
        for (Object owner : sql.tree().all(Object.class)) {
            for (Expression clause : clauses(owner)) {
                for (Expression e : SqlTree.within(clause, Expression.class, Select.class)) {
                    InExpression in = notInSubquery(e);
                    if (in == null || seen.put(in, Boolean.TRUE) != null) continue;
                    if (fewRows(in, sql, query)) continue;
                    out.add(violation(e, in, owner, query));
                }
            }
        }
        return out;
    }

    /**
     * A subquery with nothing to plan: one row pinned by a key ({@code NOT IN (SELECT value_ FROM act_ge_property p
     * WHERE p.name_ = ?)}), or no table at all but a function over the row's own values ({@code r.from_id NOT IN
     * (SELECT * FROM unnest(re.path))}, a recursive query's cycle check over an array).
     */
    private static boolean fewRows(InExpression in, ParsedSql sql, Query query) {
        if (!(in.getRightExpression() instanceof ParenthesedSelect ps) || ps.getPlainSelect() == null) return false;
        PlainSelect sub = ps.getPlainSelect();
        boolean readsTable = sub.getFromItem() instanceof Table
                || sub.getJoins() != null && sub.getJoins().stream().anyMatch(j -> j.getFromItem() instanceof Table);
        return !readsTable || PinnedRows.atMostOneRow(sub, sql, query);
    }

    private static List<Expression> clauses(Object owner) {
        List<Expression> out = new ArrayList<>();
        if (owner instanceof PlainSelect s) {
            add(out, s.getWhere());
            add(out, s.getHaving());
            if (s.getJoins() != null) for (Join j : s.getJoins()) if (j.getOnExpressions() != null) out.addAll(j.getOnExpressions());
        } else if (owner instanceof Update u) {
            add(out, u.getWhere());
        } else if (owner instanceof Delete d) {
            add(out, d.getWhere());
        }
        return out;
    }

    private static void add(List<Expression> out, Expression e) {
        if (e != null) out.add(e);
    }

    /** {@code x NOT IN (SELECT ...)} or {@code NOT (x IN (SELECT ...))}: the IN, else null. */
    private static InExpression notInSubquery(Expression e) {
        if (e instanceof InExpression in && in.isNot() && in.getRightExpression() instanceof Select) return in;
        if (e instanceof NotExpression not && Expressions.unwrap(not.getExpression()) instanceof InExpression in
                && !in.isNot() && in.getRightExpression() instanceof Select) {
            return in;
        }
        return null;
    }

    private static Violation violation(Expression node, InExpression in, Object owner, Query query) {
        ParsedSql sql = query.sql();
        SelectScope outer = owner instanceof PlainSelect s ? SelectScope.of(s, sql.tree())
                : SelectScope.enclosing(in, sql.tree());
        PlainSelect sub = in.getRightExpression() instanceof ParenthesedSelect ps ? ps.getPlainSelect() : null;
        SelectScope inner = sub == null ? null : SelectScope.of(sub, sql.tree());
        Column subColumn = sub == null || sub.getSelectItems() == null || sub.getSelectItems().size() != 1 ? null
                : Expressions.column(((SelectItem<?>) sub.getSelectItems().get(0)).getExpression());
        Optional<Evidence> neverNull = neverNull(subColumn, inner, query);
        String outerTable = outer == null ? "the outer table" : tables(outer);
        String what = Advice.sql(node, 90);
        String plan = planWording(query.dialect(), outerTable);
        String nulls = neverNull.map(e -> "")
                .orElse(" And if " + (subColumn == null ? "the subquery's column" : Advice.column(subColumn))
                        + " is ever NULL, NOT IN is never true and the " + (owner instanceof PlainSelect ? "query returns" : "statement matches")
                        + " no rows.");
        String rewrite = rewrite(in, sub, subColumn, outer, inner);
        String advice = Advice.forDatabase(query.dialect(), "write " + rewrite + " instead (an anti-join"
                + (neverNull.isPresent() ? "" : ", and NULLs cannot hide every row") + ").");
        String message = what + ": " + plan + " " + Advice.incident(COST) + "." + nulls + " " + advice;
        // the plan claim rests on the SQL alone and the NULL trap is said as a condition: nothing here is guessed
        return new Violation(notKeyword(node, in, sql), message, true);
    }

    private static String planWording(Dialect dialect, String outerTable) {
        Dialect d = dialect == null ? Dialect.POSTGRESQL : dialect;
        return switch (d) {
            case MYSQL, MARIADB -> "MySQL runs NOT IN (subquery) as an anti-join only from 8.0.17 on, and only when "
                    + "neither side can be NULL; otherwise it probes the subquery once per row of " + outerTable;
            case SQLSERVER -> "SQL Server must also prove the subquery holds no NULL, which adds a second probe of the "
                    + "subquery (a row count spool) for every row of " + outerTable;
            default -> "PostgreSQL cannot plan NOT IN (subquery) as an anti-join: it hashes the subquery's rows (a hashed "
                    + "subplan) while they fit in work_mem, and otherwise scans them once per row of " + outerTable;
        };
    }

    /** The tables the outer query reads, as it names them. */
    private static String tables(SelectScope scope) {
        List<String> names = new ArrayList<>();
        for (TableRef t : scope.tables) if (t.name() != null) names.add(Advice.table(t));
        return names.isEmpty() ? "the outer query" : names.size() == 1 ? names.get(0) : String.join(" joined with ", names);
    }

    private static Optional<Evidence> neverNull(Column c, SelectScope inner, Query query) {
        if (c == null || inner == null) return Optional.empty();
        TableRef t = inner.local(c);
        if (t == null || t.name() == null) return Optional.empty();
        return query.keys().neverNull(t.name(), Expressions.columnName(c));
    }

    /**
     * {@code NOT EXISTS (SELECT 1 FROM orders o WHERE o.placed_at > ? AND o.customer_id = c.id)} in the user's names;
     * a description when the subquery is not one plain SELECT of one column.
     */
    private static String rewrite(InExpression in, PlainSelect sub, Column subColumn, SelectScope outer, SelectScope inner) {
        Column left = Expressions.column(in.getLeftExpression());
        boolean plain = sub != null && subColumn != null && left != null && sub.getFromItem() != null
                && sub.getGroupBy() == null && sub.getLimit() == null && sub.getFetch() == null && sub.getTop() == null;
        if (!plain) {
            return "NOT EXISTS (SELECT 1 FROM ... WHERE <the subquery's column> = " + Advice.sql(in.getLeftExpression(), 60)
                    + ")";
        }
        String outerSide = qualified(left, outer);
        String innerSide = qualified(subColumn, inner);
        StringBuilder from = new StringBuilder(Advice.withoutUnknownPieces(sub.getFromItem().toString()));
        if (sub.getJoins() != null) for (Join j : sub.getJoins()) from.append(' ').append(Advice.withoutUnknownPieces(j.toString()));
        String where = "";
        if (sub.getWhere() != null) {
            Expression w = Expressions.unwrap(sub.getWhere());
            String text = Advice.sql(w, 160);
            where = (w instanceof OrExpression ? "(" + text + ")" : text) + " AND ";
        }
        String inside = "FROM " + from.toString().replaceAll("\\s+", " ") + " WHERE " + where + innerSide;
        String innerQualifier = innerSide.substring(0, Math.max(0, innerSide.lastIndexOf('.')));
        String outerQualifier = outerSide.substring(0, Math.max(0, outerSide.lastIndexOf('.')));
        if (!innerQualifier.isEmpty() && innerQualifier.equalsIgnoreCase(outerQualifier)) {
            // the subquery reuses the outer name (lp ... NOT IN (SELECT lp.id FROM m_product_loan lp ...)): inside
            // NOT EXISTS it would shadow the outer row, so the rewrite renames the inner one
            String q = java.util.regex.Pattern.quote(innerQualifier);
            String renamed = java.util.regex.Matcher.quoteReplacement(innerQualifier + "2");
            inside = inside.replaceAll("(?i)(?<![\\w.])" + q + "(?=\\.)", renamed);
            TableRef t = inner.local(subColumn);
            boolean aliased = t != null && t.alias() != null && !t.alias().equals(t.name());
            inside = aliased ? inside.replaceAll("(?i)(?<![\\w.])" + q + "(?![\\w.])", renamed)
                    : inside.replaceFirst("(?i)(?<![\\w.])" + q + "(?![\\w.])", java.util.regex.Matcher.quoteReplacement(innerQualifier) + " " + renamed);
        }
        String all = "NOT EXISTS (SELECT 1 " + inside + " = " + outerSide + ")";
        return all.length() <= 300 ? all : all.substring(0, 299) + "…";
    }

    /** The column with its qualifier: as written, else the only table of its scope ({@code customer_id} → {@code orders.customer_id}). */
    private static String qualified(Column c, SelectScope scope) {
        if (Expressions.qualifier(c) != null || scope == null) return Advice.column(c);
        TableRef t = scope.local(c);
        if (t == null) return Advice.column(c);
        String q = t.alias() != null ? t.alias() : t.table() != null ? t.table().getName() : t.name();
        return Advice.withoutUnknownPieces(q) + "." + c.getColumnName();
    }

    /** The NOT of {@code NOT IN}, where the finding points. */
    private static int notKeyword(Expression node, InExpression in, ParsedSql sql) {
        int start = Math.max(0, sql.earliestStart(node));
        if (node != in) return start;
        int from = Math.max(start, sql.end(in.getLeftExpression()));
        int to = sql.earliestStart(in.getRightExpression());
        int at = SqlKeywords.first(sql.sql(), "NOT", from, to < 0 ? sql.sql().length() : to);
        return at >= 0 ? at : start;
    }
}
