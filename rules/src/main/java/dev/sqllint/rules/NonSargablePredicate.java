package dev.sqllint.rules;

import dev.sqllint.schema.KeyModel;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.ParsedSql;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.schema.Column;

@RuleInfo(
        name = "NonSargablePredicate",
        title = "Function over an indexed column",
        summary = "A function, cast or arithmetic over an indexed column (or a LIKE with a leading wildcard) in WHERE or "
                + "JOIN ON: the index on that column cannot be used",
        severity = Severity.WARNING,
        explanation = "An index on email is ordered by email, not by lower(email): WHERE lower(u.email) = ? makes the "
                + "database compute lower() for every row and compare, a full scan, although the schema declares an "
                + "index led by that column. The same holds for CAST(placed_at AS DATE) = ?, date(created_at) = ?, "
                + "amount + 1 > ? and LIKE '%' || ? (a pattern that starts with a wildcard has no prefix to seek). In a "
                + "production incident a cast over an indexed column kept the database at 99 % CPU until the cast moved "
                + "to the other side of the comparison. The rule fires only where the schema declares an index (or a "
                + "primary or unique key) led by the column and no expression index on the same expression; a leading "
                + "wildcard is fine where a trigram index (gin/gist with *_trgm_ops) is declared. With no declared index "
                + "it stays quiet.",
        incident = "A service registry's scheduler looked up pending tasks with a NOT IN subquery over "
                + "type_id::uuid, a cast of the tasks table's indexed text column to compare it with uuid ids. The "
                + "cast applied to every row hid the unique (type_id, type) index, each run read the whole table, and "
                + "the database sat at about 99 % CPU. The fix cast the other side instead (the uuid to text), so "
                + "PostgreSQL could seek the existing index, one lookup per id.",
        incidentSource = "https://github.com/apicollective/apibuilder/pull/972",
        exampleSchema = "CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(320) NOT NULL);\n"
                + "CREATE INDEX users_email_idx ON users (email);",
        before = "SELECT u.id FROM users u WHERE lower(u.email) = ?",
        after = "SELECT u.id FROM users u WHERE u.email = ?  -- the value lower-cased in Java, emails stored lower-case\n"
                + "-- or keep the query and declare: CREATE INDEX users_email_lower_idx ON users ((lower(email)))",
        fix = "compare the bare column (move the function, cast or arithmetic to the value side), or declare an index on "
                + "the same expression")
public final class NonSargablePredicate implements Rule {

    /** The incident's evidence, quoted in every message. */
    private static final String CPU = "a cast over an indexed column kept the database at 99 % CPU";

    @Override
    public List<Violation> check(Query query) {
        List<Violation> out = new ArrayList<>();
        ParsedSql sql = query.sql();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        for (SelectScope scope : scopes(sql)) {
            for (Expression term : scope.conditions()) {
                if (seen.put(term, Boolean.TRUE) != null) continue;
                check(term, scope, query).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Every SELECT, UPDATE and DELETE with a WHERE, and every SELECT with a JOIN ... ON. */
    private static List<SelectScope> scopes(ParsedSql sql) {
        List<SelectScope> out = new ArrayList<>(SelectScope.withWhere(sql.tree()));
        for (net.sf.jsqlparser.statement.select.PlainSelect s : sql.tree().all(net.sf.jsqlparser.statement.select.PlainSelect.class)) {
            if (s.getWhere() == null && s.getJoins() != null && !s.getJoins().isEmpty()) out.add(SelectScope.of(s, sql.tree()));
        }
        return out;
    }

    private Optional<Violation> check(Expression term, SelectScope scope, Query query) {
        term = Expressions.unwrap(term);
        if (term instanceof LikeExpression like) return leadingWildcard(like, scope, query);
        Expression[] sides;
        if (term instanceof ComparisonOperator cmp && !(term instanceof NotEqualsTo)) {
            sides = new Expression[] {cmp.getLeftExpression(), cmp.getRightExpression()};
        } else if (term instanceof Between b && !b.isNot()) {
            if (!Expressions.isValue(b.getBetweenExpressionStart()) || !Expressions.isValue(b.getBetweenExpressionEnd())) {
                return Optional.empty();
            }
            sides = new Expression[] {b.getLeftExpression(), b.getBetweenExpressionStart()};
        } else {
            return Optional.empty();
        }
        for (int i = 0; i < 2; i++) {
            Expression wrapped = Expressions.unwrap(sides[i]);
            Expression other = Expressions.unwrap(sides[1 - i]);
            Column c = wrappedColumn(wrapped);
            if (c == null || !comparable(other, c, scope)) continue;
            TableRef t = scope.local(c);
            if (t == null || t.name() == null) continue;
            KeyModel keys = query.keys();
            String column = Expressions.columnName(c);
            Optional<String> index = keys.indexOn(t.name(), column);
            if (index.isEmpty()) continue;
            if (keys.expressionIndexOn(t.name(), wrapped.toString()).isPresent()) continue;
            return Optional.of(new Violation(Math.max(0, query.sql().earliestStart(wrapped)),
                    message(term, wrapped, c, t, index.get(), query.dialect()), true));
        }
        return Optional.empty();
    }

    /** The other side is a value, or (in a join) a column of another table. */
    private static boolean comparable(Expression other, Column c, SelectScope scope) {
        if (Expressions.isValue(other)) return true;
        Column o = Expressions.column(other);
        if (o == null && wrappedColumn(other) != null) o = wrappedColumn(other);
        if (o == null) return false;
        TableRef mine = scope.local(c);
        TableRef theirs = scope.resolve(o);
        return theirs != null && theirs != mine;
    }

    /** The column under a function, cast or arithmetic with values ({@code lower(u.email)}, {@code amount + 1}); else null. */
    private static Column wrappedColumn(Expression e) {
        if (e instanceof CastExpression cast) return Expressions.column(cast.getLeftExpression());
        if (e instanceof Function f) {
            if (f.getName() == null || f.getParameters() == null || f.getName().equalsIgnoreCase("ANY")
                    || f.getName().equalsIgnoreCase("ALL")) {
                return null;
            }
            Column found = null;
            for (Object p : f.getParameters()) {
                if (!(p instanceof Expression)) return null;
                Expression arg = (Expression) p;
                Column c = Expressions.column(arg);
                if (c != null) {
                    if (found != null) return null; // over two columns: no single-column index was meant
                    found = c;
                } else if (!Expressions.isValue(arg) && !(arg instanceof Column)) {
                    return null; // nested expressions: leave them
                }
            }
            return found;
        }
        if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication || e instanceof Division) {
            BinaryExpression b = (BinaryExpression) e;
            Column l = Expressions.column(b.getLeftExpression());
            Column r = Expressions.column(b.getRightExpression());
            if (l != null && Expressions.isValue(b.getRightExpression())) return l;
            if (r != null && Expressions.isValue(b.getLeftExpression())) return r;
        }
        return null;
    }

    private static String message(Expression term, Expression wrapped, Column c, TableRef t, String index, Dialect dialect) {
        String col = Advice.column(c);
        String what = wrapped instanceof CastExpression ? "the cast" : wrapped instanceof Function f ? f.getName() + "()"
                : "the arithmetic";
        String diagnosis = String.format("%s: %s over %s hides it from %s, so the database computes it for every row of %s "
                        + "instead of seeking the index %s.",
                Advice.sql(term, 90), what, col, index, Advice.table(t), Advice.incident(CPU));
        String bare = Expressions.columnName(c);
        String exprIndex = "CREATE INDEX ON " + t.name() + " ((" + Advice.sql(wrapped, 80).replace(col, bare) + "))";
        String moved = wrapped instanceof CastExpression || isDateFunction(wrapped)
                ? "compare " + col + " itself with a range of values (" + col + " >= ? AND " + col + " < ?, the day and the next)"
                : wrapped instanceof Function ? "compare " + col + " itself with the value prepared in Java"
                : "move the arithmetic to the value side (" + col + " compared with the value worked out the other way)";
        String advice = Advice.forDatabase(dialect,
                moved + ", or declare an expression index: " + exprIndex + ".",
                moved + ", or (MySQL 8.0.13+) declare a functional index: " + exprIndex + ".",
                moved + ", or index a computed column holding the expression.");
        return diagnosis + " " + advice;
    }

    private static boolean isDateFunction(Expression e) {
        return e instanceof Function f && f.getName() != null
                && f.getName().toLowerCase(java.util.Locale.ROOT).matches("date|trunc|date_trunc|to_char|to_date|year|month|day");
    }

    /** {@code col LIKE '%x'}, {@code col LIKE '%' || ?}, {@code col LIKE CONCAT('%', ?)} on an indexed column. */
    private static Optional<Violation> leadingWildcard(LikeExpression like, SelectScope scope, Query query) {
        if (like.isNot()) return Optional.empty();
        Column c = Expressions.column(like.getLeftExpression());
        if (c == null || !startsWithWildcard(Expressions.unwrap(like.getRightExpression()))) return Optional.empty();
        TableRef t = scope.local(c);
        if (t == null || t.name() == null) return Optional.empty();
        String column = Expressions.columnName(c);
        Optional<String> index = query.keys().indexOn(t.name(), column);
        if (index.isEmpty() || query.keys().trigramIndexOn(t.name(), column).isPresent()) return Optional.empty();
        String col = Advice.column(c);
        String message = String.format("%s: a pattern that starts with a wildcard has no prefix to seek in %s, so the "
                        + "database reads every row of %s and matches each %s. %s",
                Advice.sql(like, 90), index.get(), Advice.table(t), Advice.incident(CPU),
                Advice.forDatabase(query.dialect(),
                        "match a prefix (" + col + " LIKE ? || '%'), or declare a trigram index: CREATE INDEX ON " + t.name()
                                + " USING gin (" + column + " gin_trgm_ops) (extension pg_trgm).",
                        "match a prefix (" + col + " LIKE CONCAT(?, '%')), or use a FULLTEXT index with MATCH ... AGAINST.",
                        "match a prefix (" + col + " LIKE ? + '%'), or use a full-text index with CONTAINS."));
        return Optional.of(new Violation(Math.max(0, query.sql().earliestStart(like.getRightExpression())), message, true));
    }

    private static boolean startsWithWildcard(Expression e) {
        if (e instanceof StringValue s) return s.getValue().startsWith("%");
        if (e instanceof Concat concat) return startsWithWildcard(Expressions.unwrap(concat.getLeftExpression()));
        if (e instanceof Function f && f.getName() != null && f.getName().equalsIgnoreCase("concat")
                && f.getParameters() != null && !f.getParameters().isEmpty()) {
            Object first = f.getParameters().get(0);
            return first instanceof Expression e0 && startsWithWildcard(Expressions.unwrap(e0));
        }
        return false;
    }
}
