package dev.sqllint.rules;

import dev.sqllint.extract.Language;
import dev.sqllint.schema.KeyModel;
import dev.sqllint.sql.ParsedSql;
import dev.sqllint.sql.SqlKeywords;
import dev.sqllint.sql.SqlTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

@RuleInfo(
        name = "DistinctOverFanOutJoin",
        title = "DISTINCT to undo a to-many join",
        summary = "JOIN to a to-many relation, then DISTINCT (or COUNT(DISTINCT), or COUNT over a DISTINCT subquery) "
                + "to remove the duplicates the join made: use EXISTS",
        severity = Severity.WARNING,
        explanation = "Joining review_requests to review_request_target_groups (many rows per request) only to filter "
                + "multiplies every request by its matches; DISTINCT then sorts or hashes the whole multiplied set to "
                + "undo it. Under COUNT(*) over the DISTINCT subquery the database materialises that set first (in a "
                + "production incident MySQL built temporary tables with full scans). EXISTS asks the same question without "
                + "producing duplicates, stops at the first match, and lets the outer COUNT(*) be a plain count. This "
                + "is the mirror of ExistsWhereJoinFits: when the joined key is unique (a to-one join) DISTINCT is not "
                + "undoing a fan-out and this rule stays quiet.",
        incident = "A code-review server (Review Board) listed the review requests a user may see by LEFT OUTER "
                + "JOINs to to-many relations: the review groups a request targets, the people it names. A request "
                + "matched through several of them came back once per match, so the queries carried DISTINCT; to count "
                + "the results the ORM wrapped the DISTINCT query in COUNT(*), and on MySQL that built a temporary table "
                + "with a full scan. The developers replaced the joins with EXISTS subqueries and dropped DISTINCT; on a "
                + "database of 500,000 review requests the new queries were never slower than the old ones on MySQL "
                + "or PostgreSQL, and often much faster.",
        incidentSource = "https://reviews.reviewboard.org/r/13435/",
        before = "SELECT COUNT(*) FROM (\n"
                + "  SELECT DISTINCT rr.id FROM review_requests rr\n"
                + "  LEFT JOIN review_request_target_groups tg ON tg.review_request_id = rr.id\n"
                + "  WHERE tg.group_id IN (?)) visible",
        after = "SELECT COUNT(*) FROM review_requests rr\n"
                + "WHERE EXISTS (SELECT 1 FROM review_request_target_groups tg\n"
                + "              WHERE tg.review_request_id = rr.id AND tg.group_id IN (?))",
        fix = "filter through the to-many table with EXISTS (SELECT 1 ... WHERE fk = outer.id AND ...) and drop DISTINCT")
public final class DistinctOverFanOutJoin implements Rule {

    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "array_agg",
            "string_agg", "group_concat", "listagg", "json_agg", "jsonb_agg", "bool_and", "bool_or", "every",
            "stddev", "variance", "bit_and", "bit_or");

    @Override
    public List<Violation> check(Query query) {
        List<Violation> out = new ArrayList<>();
        ParsedSql sql = query.sql();
        for (PlainSelect select : sql.tree().all(PlainSelect.class)) {
            if (select.getJoins() == null || select.getJoins().isEmpty()) continue;
            if (select.getGroupBy() != null) continue; // GROUP BY/HAVING count the fan-out on purpose
            Trigger trigger = trigger(select, sql);
            if (trigger == null) continue;
            SelectScope scope = SelectScope.of(select, sql.tree());
            Bindings bindings = Bindings.of(scope, scope.conditions());
            // DISTINCT over columns that repeat across the driving table's own rows removes duplicates no join made
            if (!distinctPerDrivingRow(trigger, scope, bindings, query)) continue;
            Set<TableRef> selected = selectedTables(select, scope);
            List<TableRef> toMany = new ArrayList<>();
            List<KeyModel.Evidence> reasons = new ArrayList<>();
            Set<TableRef> earlier = new HashSet<>();
            for (TableRef t : scope.tables) {
                Set<TableRef> before = Set.copyOf(earlier);
                earlier.add(t);
                // JOIN FETCH loads the collection: its rows are the point, DISTINCT only folds the parents
                if (t.join() == null || selected.contains(t) || t.join().isFetch()) continue;
                if (isAntiJoin(t, select, scope, bindings, before, query)) continue;
                fanOut(t, before, bindings, query).ifPresent(why -> {
                    toMany.add(t);
                    reasons.add(why);
                });
            }
            if (toMany.isEmpty()) continue;
            boolean proved = reasons.stream().allMatch(KeyModel.Evidence::proved);
            out.add(new Violation(trigger.at(), message(select, scope, toMany, reasons, bindings, query), proved));
        }
        return out;
    }

    /** Where the DISTINCT is and the expressions it makes distinct. */
    private record Trigger(int at, List<Expression> over) {
    }

    /**
     * {@code SELECT DISTINCT} over its non-aggregate items, or else {@code COUNT(DISTINCT ...)} over its arguments;
     * null when there is neither ({@code SELECT DISTINCT count(*)} is one row: DISTINCT removes nothing).
     */
    private static Trigger trigger(PlainSelect select, ParsedSql sql) {
        int start = sql.start(select);
        if (start < 0) return null;
        if (select.getDistinct() != null && select.getDistinct().getOnSelectItems() == null) {
            List<Expression> over = new ArrayList<>();
            for (SelectItem<?> item : select.getSelectItems()) {
                if (!isAggregate(item.getExpression())) over.add(item.getExpression());
            }
            if (!over.isEmpty()) {
                int at = SqlKeywords.first(sql.sql(), "DISTINCT", start, sql.sql().length());
                return at < 0 ? null : new Trigger(at, over);
            }
        }
        for (SelectItem<?> item : select.getSelectItems()) {
            if (item.getExpression() instanceof Function f && f.isDistinct() && f.getParameters() != null) {
                int at = SqlKeywords.first(sql.sql(), "DISTINCT", Math.max(start, sql.start(f)), sql.sql().length());
                if (at >= 0) return new Trigger(at, new ArrayList<>(f.getParameters()));
            }
        }
        return null;
    }

    private static boolean isAggregate(Expression e) {
        return Expressions.unwrap(e) instanceof Function f && f.getName() != null
                && AGGREGATES.contains(f.getName().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the distinct values are one per row of the driving (first) table: they cover a key of it, with its
     * columns fixed by equalities, or are the whole row ({@code d.*}, a JPQL entity). Only then are the
     * duplicates the joins' doing.
     */
    private static boolean distinctPerDrivingRow(Trigger trigger, SelectScope scope, Bindings bindings, Query query) {
        TableRef driving = scope.tables.get(0);
        if (driving.name() == null) return false; // a derived table: its keys are unknown
        Set<String> columns = new HashSet<>();
        for (Expression e : trigger.over()) {
            if (e instanceof AllColumns) return true;
            if (e instanceof AllTableColumns all) {
                if (scope.local(new Column(all.getTable(), "x")) == driving) return true;
                continue;
            }
            Column whole = Expressions.column(e);
            if (whole != null && Expressions.qualifier(whole) == null && Expressions.columnName(whole).equals(driving.key())
                    && scope.tables.size() > 1) {
                return true; // JPQL: select distinct o from Order o
            }
            for (Column c : SqlTree.within(e, Column.class, Select.class)) {
                if (scope.local(c) == driving) columns.add(Expressions.columnName(c));
            }
        }
        columns.addAll(bindings.fixedColumns(driving, bindings.columnsInEqualities(driving)));
        return query.keys().uniqueKeyCovered(driving.name(), columns).isPresent();
    }

    /**
     * {@code LEFT JOIN t ... WHERE t.k IS NULL} with {@code k} a join column or key of {@code t}: the rows kept are
     * those without a match, one each; the join multiplies nothing.
     */
    private static boolean isAntiJoin(TableRef t, PlainSelect select, SelectScope scope, Bindings bindings,
                                      Set<TableRef> before, Query query) {
        if (!t.join().isLeft() || select.getWhere() == null) return false;
        Set<String> joined = bindings.columnsEquatedTo(t, before);
        for (Expression term : Expressions.conjuncts(select.getWhere())) {
            if (!(term instanceof IsNullExpression isNull) || isNull.isNot()) continue;
            Column c = Expressions.column(isNull.getLeftExpression());
            if (c == null || scope.local(c) != t) continue;
            String name = Expressions.columnName(c);
            if (joined.contains(name) || query.keys().uniqueKeyCovered(t.name(), Set.of(name)).isPresent()) return true;
        }
        return false;
    }

    /**
     * Why joining {@code t} yields several rows per outer row, or empty when it is to-one or nothing proves it:
     * the schema's keys, or a convention strong enough ({@code order_lines.order_id = orders.id}).
     */
    private static Optional<KeyModel.Evidence> fanOut(TableRef t, Set<TableRef> before, Bindings bindings, Query query) {
        if (t.isAssociationPath()) {
            // JPQL: JOIN o.items i; a plural property is a collection
            return t.name().endsWith("s") && query.language() == Language.JPQL
                    ? Optional.of(KeyModel.Evidence.convention(t.writtenPath().split(" ")[0] + " is a collection"))
                    : Optional.empty();
        }
        if (t.table() == null) return Optional.empty();
        List<Bindings.Link> equated = bindings.links(t, before);
        if (equated.isEmpty()) return Optional.empty(); // no equi-join: not a relation we can judge
        Set<String> bound = new HashSet<>();
        List<KeyModel.Link> links = new ArrayList<>();
        for (Bindings.Link l : equated) {
            bound.add(l.column());
            String other = l.other().name();
            if (other == null) continue;
            boolean otherKey = query.keys().uniqueKeyCovered(other, Set.of(l.otherColumn())).isPresent();
            links.add(new KeyModel.Link(l.column(), other, l.otherColumn(), otherKey));
        }
        bound.addAll(bindings.fixedColumns(t, bindings.columnsInEqualities(t)));
        return query.keys().manyRowsPer(t.name(), bound, links).map(e -> new KeyModel.Evidence(
                Advice.table(t) + " joined on " + String.join(", ", new TreeSet<>(bound.stream()
                        .filter(c -> equated.stream().anyMatch(l -> l.column().equals(c))).toList()))
                        + ": " + e.reason(), e.proved()));
    }

    /** Tables whose columns the select list returns: DISTINCT over them is not only undoing a fan-out. */
    private static Set<TableRef> selectedTables(PlainSelect select, SelectScope scope) {
        Set<TableRef> out = new HashSet<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression e = item.getExpression();
            if (e instanceof AllTableColumns all) {
                TableRef t = scope.local(new Column(all.getTable(), "x"));
                if (t != null) out.add(t);
                continue;
            }
            if (e instanceof AllColumns) {
                out.addAll(scope.tables);
                continue;
            }
            if (e instanceof Function f && f.isDistinct()) continue; // COUNT(DISTINCT x): the trigger, not output
            for (Column c : SqlTree.within(e, Column.class, Select.class)) {
                TableRef t = scope.local(c);
                if (t != null) out.add(t);
                else if (Expressions.qualifier(c) != null) {
                    // JPQL: SELECT o FROM Order o (an alias as a column)
                    for (TableRef r : scope.tables) if (Expressions.columnName(c).equals(r.key())) out.add(r);
                }
            }
        }
        for (SelectItem<?> item : select.getSelectItems()) {
            Column c = Expressions.column(item.getExpression());
            if (c != null && Expressions.qualifier(c) == null) {
                for (TableRef r : scope.tables) if (Expressions.columnName(c).equals(r.key())) out.add(r);
            }
        }
        return out;
    }

    private static String message(PlainSelect select, SelectScope scope, List<TableRef> toMany,
                                  List<KeyModel.Evidence> reasons, Bindings bindings, Query query) {
        ParsedSql sql = query.sql();
        List<String> names = toMany.stream().map(Advice::table).toList();
        String why = String.join("; ", reasons.stream().map(KeyModel.Evidence::reason).toList());
        boolean countedOutside = sql.tree().parent(select) instanceof ParenthesedSelect ps
                && sql.tree().parent(ps) instanceof PlainSelect outer
                && outer.getFromItem() == ps
                && outer.getSelectItems().stream().anyMatch(i -> i.getExpression() instanceof Function f
                        && f.getName() != null && f.getName().equalsIgnoreCase("count"));
        String joins = names.size() == 1 ? "a JOIN to " + names.get(0) + ", which is to-many"
                : "JOINs to " + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1)
                        + (names.size() == 2 ? ", both to-many" : ", all to-many");
        return String.format(
                "DISTINCT%s over %s (%s): the join%s multipl%s rows and DISTINCT sorts or hashes them all to undo it%s %s. %s",
                countedOutside ? " under an outer COUNT" : "", joins, why, names.size() == 1 ? "" : "s",
                names.size() == 1 ? "ies" : "y",
                countedOutside ? ", and the outer COUNT materialises the whole distinct set first" : "",
                Advice.incident("temporary tables and full scans"),
                Advice.forDatabase(query.dialect(), rewrite(toMany, select, scope, Expressions.conditionsPartlyUnknown(select, query.sql())) + "."));
    }

    /**
     * The EXISTS that replace the joins, in the query's own names. Every multiplying join moves inside one, with
     * its conditions, the WHERE terms on it and the joins that hang off it (a lookup joined to the to-many table);
     * joins chained by their ON conditions share one EXISTS, the others each have their own. A WHERE term that
     * ORs tests of two of them ({@code g.id IN (?) OR p.user_id = ?}) becomes an OR of two EXISTS; a LEFT JOIN
     * nothing filters is dropped, not turned into an EXISTS.
     */
    private static String rewrite(List<TableRef> toMany, PlainSelect select, SelectScope scope, boolean unknownWhere) {
        if (toMany.stream().anyMatch(TableRef::isAssociationPath)) {
            TableRef t = toMany.get(0);
            return "filter with EXISTS and drop DISTINCT: WHERE EXISTS (SELECT 1 FROM " + t.writtenPath() + " WHERE ...)";
        }
        List<TableRef> moved = new ArrayList<>(toMany);
        Set<TableRef> selected = selectedTables(select, scope);
        for (TableRef t : scope.tables) {
            if (t.join() == null || moved.contains(t) || selected.contains(t)) continue;
            if (joinTerms(t, scope).stream().anyMatch(term -> touches(term, moved, scope))) moved.add(t);
        }
        moved.sort(Comparator.comparingInt(scope.tables::indexOf));
        // groups: tables an ON condition chains together move into the same EXISTS
        List<Group> groups = new ArrayList<>();
        for (TableRef t : moved) {
            List<Group> tied = groups.stream().filter(g -> joinTerms(t, scope).stream()
                    .anyMatch(term -> touches(term, g.tables, scope))).toList();
            Group into = tied.isEmpty() ? new Group() : tied.get(0);
            if (tied.isEmpty()) groups.add(into);
            for (Group other : tied.subList(Math.min(1, tied.size()), tied.size())) {
                into.tables.addAll(other.tables);
                into.terms.addAll(other.terms);
                groups.remove(other);
            }
            into.tables.add(t);
        }
        List<Expression> ors = new ArrayList<>();
        List<Expression> where = select.getWhere() == null ? List.of() : Expressions.conjuncts(select.getWhere());
        // unknownWhere: a condition built at run time may test the joined tables, so a LEFT JOIN is not known to
        // filter nothing
        for (Expression term : where) {
            List<Group> touched = groups.stream().filter(g -> touches(term, g.tables, scope)).toList();
            if (touched.size() == 1) {
                touched.get(0).terms.add(term);
            } else if (touched.size() > 1 && eachDisjunctInOneGroup(term, groups, scope)) {
                ors.add(term);
            } else if (touched.size() > 1) {
                for (Group other : touched.subList(1, touched.size())) {
                    touched.get(0).tables.addAll(other.tables);
                    touched.get(0).terms.addAll(other.terms);
                    groups.remove(other);
                }
                touched.get(0).terms.add(term);
            }
        }
        List<String> out = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Group g : groups) g.tables.sort(Comparator.comparingInt(scope.tables::indexOf));
        Optional<String> absence = absenceTest(groups, ors, scope);
        if (absence.isPresent()) {
            // g.name IS NULL after a LEFT JOIN asks for rows without a match: inside EXISTS it would ask the opposite
            return "filter with EXISTS and drop DISTINCT; " + absence.get() + " tests that the LEFT JOIN found no row, "
                    + "so it becomes a NOT EXISTS over the same tables, beside the EXISTS for the other conditions";
        }
        for (Group g : groups) {
            boolean inOr = ors.stream().anyMatch(term -> touches(term, g.tables, scope));
            // an inner join keeps only rows with a match, whatever the WHERE says (one inner join in a LEFT-joined
            // chain too); a LEFT JOIN only through its terms
            boolean outer = g.tables.stream().allMatch(t -> t.join().isLeft());
            if (unknownWhere && !inOr) out.add(withRunTimeConditions(existsOf(g, List.of(), scope), g));
            else if (!g.terms.isEmpty() || !outer) out.add(existsOf(g, List.of(), scope));
            else if (!inOr) dropped.add(Advice.table(g.tables.get(0)));
        }
        for (Expression term : ors) {
            List<String> either = new ArrayList<>();
            for (Expression d : Expressions.disjuncts(term)) {
                Group g = groups.stream().filter(x -> touches(d, x.tables, scope)).findFirst().orElse(null);
                either.add(g == null ? Advice.sql(d, 120) : existsOf(g, List.of(d), scope));
            }
            out.add("(" + String.join(" OR ", either) + ")");
        }
        String drop = dropped.isEmpty() ? "" : " the LEFT JOIN to " + String.join(", ", dropped) + " (it filters nothing)";
        if (out.isEmpty()) return "drop DISTINCT and" + drop;
        return withTableNames("filter with EXISTS and drop DISTINCT" + (drop.isEmpty() ? "" : " and" + drop) + ": WHERE "
                + String.join(" AND ", out), scope);
    }

    /**
     * A WHERE term testing for NULL a column of a group the query enters by a LEFT JOIN (a row without a match), as
     * written; else empty.
     */
    private static Optional<String> absenceTest(List<Group> groups, List<Expression> ors, SelectScope scope) {
        List<Expression> terms = new ArrayList<>(ors);
        for (Group g : groups) terms.addAll(g.terms);
        for (Expression term : terms) {
            for (IsNullExpression isNull : SqlTree.within(term, IsNullExpression.class, Select.class)) {
                Column c = isNull.isNot() ? null : Expressions.column(isNull.getLeftExpression());
                TableRef t = c == null ? null : scope.local(c);
                // only a group entered by a LEFT JOIN: inside the EXISTS that replaces it, the row without a match is
                // gone (a LEFT JOIN hanging off an inner-joined table moves in whole, and its anti-join with it)
                if (t != null && groups.stream().anyMatch(g -> g.tables.contains(t) && g.tables.get(0).join().isLeft())) {
                    return Optional.of(Advice.sql(isNull, 80));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A link table the JPQL translation joined has a made-up alias, which {@link TableRef#display()} leaves out:
     * its columns are named by the table instead, so the rewrite reads as the user's own tables.
     */
    private static String withTableNames(String advice, SelectScope scope) {
        String out = advice;
        for (TableRef t : scope.tables) {
            if (t.key() != null && t.key().startsWith("sqllint_") && t.name() != null) {
                out = out.replace(t.key() + ".", t.name() + ".");
            }
        }
        return out;
    }

    /** The EXISTS of a group the WHERE built at run time may test: those tests go inside it. */
    private static String withRunTimeConditions(String exists, Group g) {
        String tables = g.tables.stream().map(t -> t.key().startsWith("sqllint_") ? t.name() : t.key()).collect(java.util.stream.Collectors.joining(", "));
        return exists.substring(0, exists.length() - 1) + " AND <the run-time conditions on " + tables + ">)";
    }

    /** Tables that move into one EXISTS, and the WHERE terms that go with them. */
    private static final class Group {
        final List<TableRef> tables = new ArrayList<>();
        final List<Expression> terms = new ArrayList<>();
    }

    /** {@code EXISTS (SELECT 1 FROM first JOIN next ON ... WHERE <first's join> AND <terms> AND <extra>)}. */
    private static String existsOf(Group g, List<Expression> extra, SelectScope scope) {
        TableRef first = g.tables.get(0);
        StringBuilder from = new StringBuilder(Advice.table(first));
        for (TableRef t : g.tables.subList(1, g.tables.size())) {
            List<Expression> on = joinTerms(t, scope);
            from.append(t.join().isLeft() ? " LEFT JOIN " : " JOIN ").append(Advice.table(t)).append(" ON ")
                    .append(on.isEmpty() ? "<join condition>" : String.join(" AND ", terms(on)));
        }
        List<Expression> all = new ArrayList<>(joinTerms(first, scope));
        all.addAll(g.terms);
        all.addAll(extra);
        String condition = all.isEmpty() ? "<join condition>" : String.join(" AND ", terms(all));
        String text = "EXISTS (SELECT 1 FROM " + from + " WHERE " + condition + ")";
        // room for a real one whole (a to-many chain with an anti-join hanging off it is ~330 characters): a cut
        // rewrite cannot be pasted back
        return text.length() <= 480 ? text : text.substring(0, 478) + "…)";
    }

    /** An OR whose every side reads at most one group's tables: each side can be its own EXISTS. */
    private static boolean eachDisjunctInOneGroup(Expression term, List<Group> groups, SelectScope scope) {
        List<Expression> sides = Expressions.disjuncts(term);
        if (sides.size() < 2) return false;
        for (Expression d : sides) {
            if (groups.stream().filter(g -> touches(d, g.tables, scope)).count() > 1) return false;
        }
        return true;
    }

    /** The conditions that join {@code t}: its ON terms, or the equalities its USING columns stand for. */
    private static List<Expression> joinTerms(TableRef t, SelectScope scope) {
        List<Expression> out = new ArrayList<>();
        if (t.join().getOnExpressions() != null) {
            for (Expression on : t.join().getOnExpressions()) out.addAll(Expressions.conjuncts(on));
        }
        if (t.join().getUsingColumns() != null) {
            out.addAll(scope.usingEqualities(scope.tables.indexOf(t), t.join().getUsingColumns()));
        }
        return out;
    }

    /** The terms as the query writes them, an OR in parentheses so that it stays one term among ANDs. */
    private static List<String> terms(List<Expression> terms) {
        return terms.stream().map(term -> Expressions.unwrap(term) instanceof OrExpression
                ? "(" + Advice.sql(Expressions.unwrap(term), 118) + ")" : Advice.sql(term, 120)).toList();
    }

    /** Whether the condition reads a column of one of the tables. */
    private static boolean touches(Expression term, List<TableRef> tables, SelectScope scope) {
        for (Column c : SqlTree.within(term, Column.class, Select.class)) {
            if (tables.contains(scope.local(c))) return true;
        }
        return false;
    }
}
