package dev.sqllint.rules;

import dev.sqllint.extract.Language;
import dev.sqllint.schema.KeyModel;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.ParsedSql;

/**
 * What a rule sees: one parsed statement, its language, the key model to judge cardinality by, and the database
 * the project's SQL is written for (its advice is worded for that database, see {@link Advice}).
 */
public record Query(ParsedSql sql, Language language, KeyModel keys, Dialect dialect, String zeroTest) {

    public Query {
        if (dialect == null) dialect = Dialect.POSTGRESQL;
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
