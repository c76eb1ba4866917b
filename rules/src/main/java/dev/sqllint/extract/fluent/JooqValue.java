package dev.sqllint.extract.fluent;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Java expression of a jOOQ chain stands for, as far as the SQL it renders goes. The translation
 * evaluates a chain step by step over these values ({@code BOOK} is a table, {@code BOOK.ID} a field,
 * {@code BOOK.ID.eq(id)} a condition, {@code id} a bind value), so a condition built in a local or a helper
 * method is the same value as one written inline. Every piece of SQL text keeps the origin of the Java call
 * that produced it.
 */
interface JooqValue {

    /** A {@code DSLContext}: {@code dsl}, {@code DSL.using(...)}, {@code configuration.dsl()}. Selects start on it. */
    record Dsl() implements JooqValue {
    }

    /** A Java value jOOQ sends as a bind parameter; {@code literal} is its text when it is a number literal. */
    record Bind(Origin origin, String literal) implements JooqValue {
        SqlText sql() {
            return SqlText.of(literal != null ? literal : "?", origin);
        }
    }

    /** What cannot be read (a {@code Condition} parameter, an unknown method): a placeholder keeps the SQL parseable. */
    record Unknown(Origin origin) implements JooqValue {
        SqlText sql() {
            return SqlText.placeholder(origin);
        }
    }

    /** A column or any other field expression; {@code alias} is what {@code .as("x")} named it, or null. */
    record Field(SqlText sql, SqlText alias) implements JooqValue {
        Field(SqlText sql) {
            this(sql, null);
        }
    }

    /** {@code field.desc()}: an ORDER BY item. */
    record Sort(SqlText sql) implements JooqValue {
    }

    /** {@code field.between(low)}, waiting for its {@code .and(high)}. */
    record Between(SqlText field, SqlText low, boolean not, Origin origin) implements JooqValue {
    }

    /** Several values: varargs, {@code List.of(...)}, a list local that conditions are added to. */
    record ListOf(List<JooqValue> items) implements JooqValue {
        ListOf with(JooqValue item) {
            List<JooqValue> out = new ArrayList<>(items);
            out.add(item);
            return new ListOf(List.copyOf(out));
        }
    }

    /**
     * A condition. {@code precedence} is that of its top operator, so combining conditions adds parentheses
     * only where jOOQ's left-to-right building needs them: {@code a.or(b).and(c)} is {@code (a OR b) AND c}.
     */
    record Cond(SqlText sql, int precedence) implements JooqValue {
        static final int ATOM = 0;
        static final int AND = 1;
        static final int OR = 2;
        /** {@code DSL.noCondition()}: disappears when combined. */
        static final Cond NONE = new Cond(SqlText.empty(), -1);

        boolean isNone() {
            return precedence < 0;
        }

        static Cond and(Cond a, Cond b, Origin keyword) {
            if (a.isNone()) return b;
            if (b.isNone()) return a;
            return new Cond(a.wrappedIfOr().append(SqlText.of(" AND ", keyword)).append(b.wrappedIfOr()), AND);
        }

        static Cond or(Cond a, Cond b, Origin keyword) {
            if (a.isNone()) return b;
            if (b.isNone()) return a;
            return new Cond(a.sql.append(SqlText.of(" OR ", keyword)).append(b.sql), OR);
        }

        static Cond not(Cond a, Origin keyword) {
            if (a.isNone()) return a;
            if (a.sql.text().startsWith("EXISTS ")) return new Cond(SqlText.of("NOT ", keyword).append(a.sql), ATOM);
            return new Cond(SqlText.of("NOT (", keyword).append(a.sql).append(SqlText.of(")", keyword)), ATOM);
        }

        private SqlText wrappedIfOr() {
            if (precedence != OR) return sql;
            Origin o = sql.originAt(0);
            return SqlText.of("(", o).append(sql).append(SqlText.of(")", o));
        }
    }

    /**
     * One table of a FROM clause: the SQL table {@code name} (null for a derived or plain-SQL table), its
     * {@code alias} (null when none), and how it renders in FROM ({@code book}, {@code book AS b},
     * {@code (SELECT ...) AS t}).
     */
    record TableRef(String name, String alias, SqlText sql) {
        /** How its columns are qualified: the alias, else the table name. */
        String qualifier() {
            return alias != null ? alias : name != null ? name : "sqllint_dyn";
        }
    }

    /** A join of {@code right}; {@code on} is null until {@code .on(...)}, {@code .onKey()} or {@code .using(...)}. */
    record Join(String keyword, Origin origin, Table right, Cond on, SqlText using) {
        Join withOn(Cond c) {
            return new Join(keyword, origin, right, c, using);
        }

        Join withUsing(SqlText u) {
            return new Join(keyword, origin, right, on, u);
        }
    }

    /** A table, and the tables joined to it ({@code BOOK.join(AUTHOR).on(...)}, or a select's FROM item). */
    record Table(TableRef base, List<Join> joins) implements JooqValue {
        Table(TableRef base) {
            this(base, List.of());
        }

        Table withJoin(Join j) {
            List<Join> out = new ArrayList<>(joins);
            out.add(j);
            return new Table(base, List.copyOf(out));
        }

        Table withLastJoin(Join j) {
            List<Join> out = new ArrayList<>(joins);
            out.set(out.size() - 1, j);
            return new Table(base, List.copyOf(out));
        }

        Join lastJoin() {
            return joins.isEmpty() ? null : joins.get(joins.size() - 1);
        }

        /** Every table reference in it, in FROM order (for {@code onKey()}). */
        List<TableRef> refs() {
            List<TableRef> out = new ArrayList<>();
            out.add(base);
            for (Join j : joins) out.addAll(j.right().refs());
            return out;
        }
    }
}
