package dev.sqllint.rules;

import dev.sqllint.extract.Language;
import dev.sqllint.schema.KeyModel;
import dev.sqllint.sql.ParsedSql;

/** What a rule sees: one parsed statement, its language, and the key model to judge cardinality by. */
public record Query(ParsedSql sql, Language language, KeyModel keys) {
}
