package dev.sqllint.rules;

import dev.sqllint.extract.Language;
import dev.sqllint.extract.LoopContext;
import dev.sqllint.extract.Paging;
import dev.sqllint.schema.KeyModel;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.ParsedSql;

/**
 * What a rule sees: one parsed statement, its language, the key model to judge cardinality by, and the database
 * the project's SQL is written for (its advice is worded for that database, see {@link Advice}); for a JPA query,
 * also the query as written and how the Java pages it ({@link Jpa}); from the Java around the call, whether its
 * result is only tested against zero ({@code zeroTest}) and whether it runs once per row of another query
 * ({@code loop}, null when not).
 */
public record Query(ParsedSql sql, Language language, KeyModel keys, Dialect dialect, String zeroTest, Jpa jpa,
                    LoopContext loop) {

    public Query {
        if (dialect == null) dialect = Dialect.POSTGRESQL;
        if (jpa == null) jpa = Jpa.NONE;
    }

    /**
     * What JPA adds to a statement: the JPQL as written ({@code join fetch o.items}, before it was read as the SQL its
     * mapping runs; null for SQL), the entity the site's repository manages (null when none), the paging and entity
     * graph the Java around it applies, and, for a derived query method judged where it is called, that method
     * ({@code OrderRepository.countByStatus}; else null).
     */
    public record Jpa(ParsedSql written, String entity, Paging paging, String repositoryCall) {
        public static final Jpa NONE = new Jpa(null, null, Paging.NONE, null);

        public Jpa {
            if (paging == null) paging = Paging.NONE;
        }

        public Jpa(ParsedSql written, String entity, Paging paging) {
            this(written, entity, paging, null);
        }
    }

    public Query(ParsedSql sql, Language language, KeyModel keys, Dialect dialect, String zeroTest, Jpa jpa) {
        this(sql, language, keys, dialect, zeroTest, jpa, null);
    }

    public Query(ParsedSql sql, Language language, KeyModel keys, Dialect dialect, String zeroTest) {
        this(sql, language, keys, dialect, zeroTest, Jpa.NONE);
    }

    /**
     * A query whose result the Java uses in any way; {@code zeroTest}, when not null, is the only use the Java makes of
     * it: a test against zero, as written with its line ({@code `count > 0` (line 12)}).
     */
    public Query(ParsedSql sql, Language language, KeyModel keys, Dialect dialect) {
        this(sql, language, keys, dialect, null);
    }

    /** A query of a PostgreSQL project, the default when nothing names the database. */
    public Query(ParsedSql sql, Language language, KeyModel keys) {
        this(sql, language, keys, Dialect.POSTGRESQL);
    }
}
