package dev.sqllint.rules;

import dev.sqllint.extract.LoopContext;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.ParsedSql;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.update.Update;

@RuleInfo(
        name = "QueryInLoop",
        title = "Query in a loop over query rows",
        summary = "A query issued once per row of another query (N+1): one round trip per row where one query for all "
                + "the rows, or a join, does the work",
        severity = Severity.WARNING,
        exampleLanguage = "java",
        explanation = "A loop over the rows of one query that issues another query per row (through JDBC, "
                + "JdbcTemplate, EntityManager, Jdbi, a MyBatis mapper or a Spring Data repository method such as "
                + "findById) makes N+1 queries, each a round trip of its own: the page slows with every row. In a "
                + "production incident an endpoint averaged over 12 seconds issuing hundreds of lookups in a loop. The "
                + "rule reads the Java: the loop (for, while over rs.next(), a forEach or stream lambda) must iterate "
                + "rows a query call of the same method returned, directly or through a local. A project method the "
                + "loop calls that issues a query is reported at the call, as info. Quiet for loops over anything else "
                + "(a literal list, enum values, a parameter or field it cannot trace) and for batch calls (addBatch, "
                + "batchUpdate, saveAll, @SqlBatch).",
        incident = "An education web application's dashboard endpoint loaded a list of students and then, in a loop, "
                + "looked up each student's activity sessions with a query of its own: hundreds of statements per "
                + "request and an average response time of over 12 seconds. The fix replaced the per-student queries "
                + "with one query for all the students, grouped in the application.",
        incidentSource = "https://github.com/empirical-org/Empirical-Core/pull/5713",
        before = """
                List<Long> topicIds = jdbc.queryForList(
                    "SELECT tu.topic_id FROM topic_users tu WHERE tu.user_id = ?", Long.class, userId);
                for (Long topicId : topicIds) {
                  titles.addAll(jdbc.queryForList("SELECT t.title FROM topics t WHERE t.id = ?", String.class, topicId));
                }""",
        after = """
                titles.addAll(jdbc.queryForList("SELECT t.title FROM topics t"
                    + " JOIN topic_users tu ON tu.topic_id = t.id WHERE tu.user_id = ?", String.class, userId));""",
        fix = "read the rows of every key in one query (WHERE key = ANY(?) / IN (...), a repository's findAllById), or "
                + "join the second table to the first query")
public final class QueryInLoop implements Rule {

    /** The incident's evidence, quoted in every message. */
    private static final String NUMBERS = "hundreds of lookups in a loop, one per student, made an endpoint average over 12 s";

    @Override
    public List<Violation> check(Query query) {
        LoopContext loop = query.loop();
        if (loop == null) return List.of();
        ParsedSql sql = query.sql();
        Statement statement = sql.statement();
        String inner = Advice.sql(statement, 160);
        Column key = perRowKey(statement);
        String advice;
        if (loop.batchFix() != null) {
            advice = Advice.forDatabase(query.dialect(), "send them as one batch (" + loop.batchFix() + "), or better one "
                    + "statement for all the rows.");
        } else if (key != null) {
            String column = Advice.column(key);
            String join = ", or join " + tableOf(statement) + " to the outer query on " + column + ".";
            advice = Advice.forDatabase(query.dialect(),
                    "read every row's in one query: " + column + " = ANY(?) with the keys of all the outer rows as one array"
                            + join,
                    "read every row's in one query: " + column + " IN (...) with the keys of all the outer rows" + join,
                    "read every row's in one query: " + column + " IN (...) with the keys of all the outer rows (or a "
                            + "table-valued parameter)" + join);
        } else {
            advice = Advice.forDatabase(query.dialect(), "fold it into the outer query with a join, or issue it once for "
                    + "all the rows (a batch for writes).");
        }
        return List.of(new Violation(0, diagnosis(inner, loop) + advice, true));
    }

    @Override
    public List<Violation> checkLoopCall(LoopContext loop, Dialect dialect) {
        String fix;
        if (loop.write() && loop.batchFix() == null) {
            fix = "write them together: one statement for all the rows (a multi-row INSERT ... VALUES (...), (...), or "
                    + "UPDATE/DELETE ... WHERE key IN (...)), or one batch (JDBC addBatch/executeBatch, MyBatis "
                    + "ExecutorType.BATCH, saveAll).";
        } else if (loop.batchFix() != null) {
            fix = "load them in one call: " + loop.batchFix() + " with the keys of all the outer rows, or join them in the "
                    + "outer query.";
        } else {
            fix = "read what every row needs in one query (a method taking all the keys: ...In(ids), WHERE key = ANY(?) / "
                    + "IN (...)), or join it in the outer query.";
        }
        String inner = loop.oneCallAway() ? "this call reaches " + loop.via() + ", which issues " + loop.inner() + ";"
                : loop.inner();
        String message = diagnosis(inner, loop) + Advice.forDatabase(dialect, fix);
        return List.of(new Violation(0, message, true, loop.oneCallAway() ? Severity.INFO : null));
    }

    private static String diagnosis(String inner, LoopContext loop) {
        return inner + " runs once per row of " + loop.outer() + " (the loop at line " + loop.loopLine() + "): N+1 "
                + "queries, one round trip each, growing with the rows " + Advice.incident(NUMBERS) + ". ";
    }

    /** The column of the first {@code column = ?} of the statement's WHERE: the key the loop passes per row. */
    private static Column perRowKey(Statement statement) {
        Expression where = statement instanceof PlainSelect s ? s.getWhere()
                : statement instanceof Update u ? u.getWhere() : statement instanceof Delete d ? d.getWhere() : null;
        if (where == null) return null;
        for (Expression c : Expressions.conjuncts(where)) {
            if (!(Expressions.unwrap(c) instanceof EqualsTo eq)) continue;
            Column left = Expressions.column(eq.getLeftExpression());
            Column right = Expressions.column(eq.getRightExpression());
            if (left != null && right == null && Expressions.isValue(eq.getRightExpression())) return left;
            if (right != null && left == null && Expressions.isValue(eq.getLeftExpression())) return right;
        }
        return null;
    }

    private static String tableOf(Statement statement) {
        if (statement instanceof PlainSelect s && s.getFromItem() != null) return Advice.withoutUnknownPieces(s.getFromItem().toString());
        if (statement instanceof Update u && u.getTable() != null) return u.getTable().toString();
        if (statement instanceof Delete d && d.getTable() != null) return d.getTable().toString();
        return "its table";
    }
}
