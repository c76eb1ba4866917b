package dev.sqllint.fuzz;

import dev.sqllint.schema.ForeignKey;
import dev.sqllint.schema.Key;
import dev.sqllint.schema.KeyModel;
import dev.sqllint.schema.NamingConventions;
import dev.sqllint.schema.Schema;
import dev.sqllint.schema.SchemaKeyModel;
import dev.sqllint.schema.SchemaProblems;
import dev.sqllint.schema.Table;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** What a schema read from migrations must hold, whatever the scripts said; and where problems may be reported. */
final class SchemaChecks {

    private SchemaChecks() {
    }

    /**
     * Problems are at a line the file has (0: the file as a whole), with a reason. A changelog may include any
     * file, as Liquibase would; lines are checked in {@code files}, the ones the test wrote.
     */
    static SchemaProblems problemsIn(Map<Path, FuzzChecks.TextBounds> files) {
        return (file, line, reason) -> {
            FuzzChecks.TextBounds bounds = files.getOrDefault(file, FuzzChecks.TextBounds.UNKNOWN);
            FuzzChecks.check(line >= 0 && line <= bounds.lines(), "problem at line " + line + " of a "
                    + bounds.lines() + "-line file: " + reason);
            FuzzChecks.check(reason != null && !reason.isBlank(), "problem without a reason");
        };
    }

    /**
     * Every table has a name and its keys name columns; the key model built on it answers for every table,
     * and a declared primary or unique key covers its own columns.
     */
    static void check(Schema schema) {
        KeyModel keys = new SchemaKeyModel(schema, new NamingConventions(), List.of("*_history"));
        for (Table t : schema.tables()) {
            FuzzChecks.check(t.name() != null && !t.name().isBlank(), "a table without a name");
            t.primaryKey().ifPresent(k -> checkKey(keys, t, k));
            t.uniqueKeys().forEach(k -> checkKey(keys, t, k));
            for (ForeignKey fk : t.foreignKeys()) {
                FuzzChecks.check(!fk.columns().isEmpty(), t.name() + ": a foreign key without columns");
                FuzzChecks.check(fk.referencedTable() != null, t.name() + ": a foreign key to no table");
            }
            // a column may be named by a blank quoted identifier (`` ` ` ``, Postgres "" ""): odd, but no harm
            for (String column : t.columns()) keys.isTimestamp(t.name(), column);
            keys.historyTable(t.name());
        }
    }

    private static void checkKey(KeyModel keys, Table t, Key k) {
        FuzzChecks.check(!k.columns().isEmpty(), t.name() + ": key " + k.name() + " without columns");
        // a table whose key DDL did not parse has unknown keys: the rules then judge it by conventions, by design
        if (!t.keysKnown()) return;
        FuzzChecks.check(keys.uniqueKeyCovered(t.name(), new HashSet<>(k.columns())).isPresent(),
                t.name() + ": key " + k.columns() + " does not cover itself");
    }
}
