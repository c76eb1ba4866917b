package dev.sqllint.extract.fluent;

import dev.sqllint.extract.fluent.JooqValue.Cond;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Java expression of a JPA Criteria query stands for, as far as the JPQL it builds goes: the
 * {@code CriteriaBuilder}, a query ({@link CriteriaSelect}), a root or join ({@link CriteriaFrom}), a path or
 * other expression, a predicate, an ORDER BY item, a Java value bound as a parameter. Unlike jOOQ's, the
 * Criteria API is mutable ({@code cq.where(...)} changes {@code cq}), so queries, lists of predicates and typed
 * queries are objects that the interpreter changes statement by statement. Every piece of text keeps the
 * origin of the Java call that produced it.
 */
interface CriteriaValue {

    /** A {@code CriteriaBuilder}: {@code em.getCriteriaBuilder()}, or a field, local or parameter of that type. */
    record Builder() implements CriteriaValue {
    }

    /** What cannot be read (a predicate from an unknown method): a placeholder keeps the JPQL parseable. */
    record Unknown(Origin origin) implements CriteriaValue {
        SqlText sql() {
            return SqlText.placeholder(origin);
        }
    }

    /**
     * A Java value, bound as a parameter ({@code ?}); {@code literal} is its text when it is a number literal,
     * {@code text} the string it holds when it is a known string (an attribute name passed to a helper).
     */
    record Bind(Origin origin, String literal, String text) implements CriteriaValue {
        SqlText sql() {
            return SqlText.of(literal != null ? literal : "?", origin);
        }
    }

    /** A path ({@code r.status}) or any other scalar expression ({@code count(r)}, {@code lower(r.name)}). */
    record Expr(SqlText sql) implements CriteriaValue {
    }

    /** A predicate; {@link Cond} combines them with the parentheses AND and OR need. */
    record Pred(Cond cond) implements CriteriaValue {
    }

    /** {@code cb.desc(x)}: an ORDER BY item. */
    record Order(SqlText sql) implements CriteriaValue {
    }

    /** {@code Track.class}: the entity a root is of, by its class name as written. */
    record EntityClass(String written) implements CriteriaValue {
    }

    /** A metamodel attribute ({@code Track_.owner}): its name. */
    record Attribute(String name) implements CriteriaValue {
    }

    /** A lambda ({@code (root, query, cb) -> ...}, {@code () -> cb.desc(...)}): run when its method is called. */
    record Lambda(com.github.javaparser.ast.expr.LambdaExpr expr) implements CriteriaValue {
    }

    /** {@code JoinType.LEFT}: the JPQL keyword of the join. */
    record JoinKind(String keyword) implements CriteriaValue {
    }

    /** Several values: varargs, {@code List.of(...)}, an array, or a list that predicates are added to. */
    final class Values implements CriteriaValue {
        final List<CriteriaValue> items;

        Values(List<CriteriaValue> items) {
            this.items = new ArrayList<>(items);
        }
    }

    /** {@code cb.in(x)}, to which {@code .value(v)} adds values. */
    final class InValues implements CriteriaValue {
        final SqlText operand;
        final Origin origin;
        final List<SqlText> values = new ArrayList<>();

        InValues(SqlText operand, Origin origin) {
            this.operand = operand;
            this.origin = origin;
        }
    }

    /**
     * {@code em.createQuery(cq)}: the JPQL of the query as it was then (Hibernate copies the criteria), and the
     * {@code LIMIT}/{@code OFFSET} that {@code setMaxResults}/{@code setFirstResult} add afterwards.
     */
    final class Typed implements CriteriaValue {
        final CriteriaSelect query;
        final SqlText jpql;
        SqlText limit;
        SqlText offset;

        Typed(CriteriaSelect query, SqlText jpql) {
            this.query = query;
            this.jpql = jpql;
        }

        SqlText statement() {
            SqlText s = jpql;
            if (limit != null) s = s.append(limit);
            if (offset != null) s = s.append(offset);
            return s;
        }
    }
}
