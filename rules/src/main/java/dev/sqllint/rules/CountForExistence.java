package dev.sqllint.rules;

import dev.sqllint.schema.Schema;
import dev.sqllint.sql.CatalogTables;
import dev.sqllint.sql.ParsedSql;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

@RuleInfo(
        name = "CountForExistence",
        title = "Count only to test existence",
        summary = "count(*) whose result the Java only compares with 0: the database counts every matching row to "
                + "answer yes or no",
        severity = Severity.WARNING,
        explanation = "SELECT count(*) FROM ... WHERE ... followed, in the Java, by count > 0 (or == 0, >= 1, != 0) "
                + "asks the database for a number nobody reads: to produce it, it visits every matching row, where "
                + "EXISTS (or LIMIT 1) stops at the first. On a production incident's table of about 8 million rows the "
                + "count took 3.04 s and the LIMIT 1 query returned at once. The rule needs the Java around the call: "
                + "the query's result compared with 0 right where it is returned, or kept in a local variable that is "
                + "only compared with 0 (null checks aside). A count that is returned, added, passed on or shown is "
                + "used as a number, and the rule stays quiet; so does a count with GROUP BY. A Spring Data repository "
                + "method named count... (derived from its name, or its @Query) is judged at each call that only "
                + "compares its result with 0.",
        incident = "A PHP web framework implemented its exists() check as select count(*) followed by a comparison "
                + "with 0 in the application. On a MySQL table of about 8 million cities, the count for a condition "
                + "that matched 7.1 million rows took 3.04 s; select 1 from the same table with the same condition and "
                + "limit 1 returned in under 10 ms. The framework switched exists() to the LIMIT 1 query.",
        incidentSource = "https://github.com/laravel/framework/pull/9627",
        before = "SELECT count(*) FROM orders o WHERE o.customer_id = ? AND o.status = 'open'\n"
                + "-- Java: jdbc.queryForObject(SQL, Integer.class, customerId) > 0",
        after = "SELECT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = ? AND o.status = 'open')\n"
                + "-- Java: jdbc.queryForObject(SQL, Boolean.class, customerId)",
        fix = "ask for existence: SELECT EXISTS (SELECT 1 FROM ... WHERE ...), or SELECT 1 ... LIMIT 1 (TOP 1 on SQL Server)")
public final class CountForExistence implements Rule {

    /** The incident's evidence, quoted in every message. */
    private static final String NUMBERS = "a count over 8 million rows took 3.04 s, LIMIT 1 under 10 ms";

    @Override
    public List<Violation> check(Query query) {
        List<Violation> out = new ArrayList<>();
        if (query.zeroTest() == null) return out;
        if (!(query.sql().statement() instanceof PlainSelect select)) return out;
        Function count = countOnly(select);
        if (count == null) return out;
        ParsedSql sql = query.sql();
        // pinned to one row by a key (WHERE username = ?, a unique key): counting it costs what EXISTS does
        if (PinnedRows.atMostOneRow(select, sql, query) || readsCatalog(select)) return out;
        String counted = Advice.sql(count, 40);
        String rows = tables(select, sql);
        String from = rest(select);
        String message = String.format("%s is only compared with 0 in the Java (%s): the database reads and counts every "
                        + "matching row of %s to answer yes or no %s. %s",
                counted, query.zeroTest(), rows, Advice.incident(NUMBERS), Advice.forDatabase(query.dialect(),
                        "ask for existence: SELECT EXISTS (SELECT 1 " + from + ") and read it as a Boolean; it stops at "
                                + "the first row.",
                        "ask for existence: SELECT 1 " + from + " LIMIT 1 and test whether a row came back (or SELECT "
                                + "EXISTS (SELECT 1 " + from + ")); it stops at the first row.",
                        "ask for existence: SELECT TOP 1 1 " + from + " and test whether a row came back (or SELECT CASE "
                                + "WHEN EXISTS (SELECT 1 " + from + ") THEN 1 ELSE 0 END); it stops at the first row."));
        String call = query.jpa().repositoryCall();
        String method = call == null ? null : call.substring(call.lastIndexOf('.') + 1);
        if (method != null && method.startsWith("countBy")) {
            // Spring Data writes the existence query itself: a sibling existsBy... method stops at the first row
            message += " With Spring Data: declare " + "existsBy" + method.substring("countBy".length()) + "(...) in "
                    + call.substring(0, call.lastIndexOf('.')) + " (it runs the same WHERE with a row limit of 1) and call "
                    + "it here.";
        }
        out.add(new Violation(Math.max(0, sql.earliestStart(count)), message, true));
        return out;
    }

    /** The statement's only select item when it is count(*), count(1) or count(x), without GROUP BY; else null. */
    private static Function countOnly(PlainSelect select) {
        if (select.getGroupBy() != null || select.getHaving() != null || select.getFromItem() == null
                || select.getSelectItems() == null || select.getSelectItems().size() != 1) {
            return null;
        }
        Expression e = Expressions.unwrap(((SelectItem<?>) select.getSelectItems().get(0)).getExpression());
        if (!(e instanceof Function f) || f.getName() == null || !f.getName().equalsIgnoreCase("count")) return null;
        if (f.getKeep() != null) return null;
        return f;
    }

    private static String tables(PlainSelect select, ParsedSql sql) {
        SelectScope scope = SelectScope.of(select, sql.tree());
        List<String> names = new ArrayList<>();
        for (TableRef t : scope.tables) if (t.name() != null) names.add(Advice.table(t));
        return names.isEmpty() ? "the query" : String.join(" joined with ", names);
    }

    /** {@code FROM orders o WHERE o.customer_id = ?}: the count's FROM, joins and WHERE as written. */
    private static String rest(PlainSelect select) {
        StringBuilder sb = new StringBuilder("FROM ").append(Advice.withoutUnknownPieces(select.getFromItem().toString()));
        if (select.getJoins() != null) for (Join j : select.getJoins()) sb.append(' ').append(Advice.withoutUnknownPieces(j.toString()));
        if (select.getWhere() != null) {
            Expression w = select.getWhere();
            sb.append(" WHERE ").append(Advice.sql(w, 200));
        }
        String all = sb.toString().replaceAll("\\s+", " ");
        return all.length() <= 260 ? all : all.substring(0, 259) + "…";
    }

    /**
     * A count over the database's own catalog (information_schema.table_constraints WHERE constraint_name = ...): a
     * handful of rows about the schema, named uniquely; there is nothing to save.
     */
    private static boolean readsCatalog(PlainSelect select) {
        return select.getFromItem() instanceof Table t && t.getName() != null
                && CatalogTables.isCatalog(t.getFullyQualifiedName(), Schema.normalize(t.getName()));
    }
}
