package dev.sqllint.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the change types of one Liquibase changeSet to a {@link Schema}: the ones that create, alter or
 * drop tables, keys and indexes, plus {@code sql} and {@code sqlFile}, whose SQL goes through
 * {@link SqlDdl}. Other change types (inserts, views, procedures, tags) change no key and are passed over.
 * Sources read {@code db.changelog-1.0.xml:23 (changeSet 7)}: the line of the element that declares the key
 * (a column's {@code constraints} for an inline key).
 */
final class LiquibaseChanges {

    private static final Pattern REFERENCES = Pattern.compile("\\s*([^\\s(]+)\\s*(?:\\(([^)]*)\\))?\\s*");

    private final Schema schema;
    private final SchemaProblems problems;
    /** Finds an {@code sqlFile}'s path: (path, relativeToChangelogFile) → file. */
    private final BiFunction<String, Boolean, Optional<Path>> sqlFiles;
    private final Path file;
    private String changeSet;

    LiquibaseChanges(Schema schema, SchemaProblems problems, Path file,
                     BiFunction<String, Boolean, Optional<Path>> sqlFiles) {
        this.schema = schema;
        this.problems = problems;
        this.file = file;
        this.sqlFiles = sqlFiles;
    }

    void applyChangeSet(ChangeNode set) {
        changeSet = set.attribute("id") == null ? "?" : set.attribute("id");
        List<ChangeNode> changes = set.child("changes").map(ChangeNode::children).orElse(set.children());
        for (ChangeNode change : changes) {
            try {
                apply(change);
            } catch (RuntimeException e) {
                problems.report(file, change.line(), change.name() + " skipped, it could not be applied: " + e);
            }
        }
    }

    private String source(ChangeNode node) {
        String at = node.line() > 0 ? ":" + node.line() : "";
        return file.getFileName() + at + " (changeSet " + changeSet + ")";
    }

    private void apply(ChangeNode c) {
        switch (c.name()) {
            case "createTable" -> required(c, "tableName").ifPresent(t -> {
                columns(schema.replaceTable(t, source(c)), c);
            });
            case "addColumn" -> required(c, "tableName").ifPresent(t -> columns(table(t, c), c));
            case "addPrimaryKey" -> required(c, "tableName").ifPresent(t -> requiredNames(c, "columnNames").ifPresent(
                    columns -> table(t, c).setPrimaryKey(new Key(c.attribute("constraintName"), columns, true, source(c)))));
            case "addUniqueConstraint" -> required(c, "tableName").ifPresent(t -> requiredNames(c, "columnNames").ifPresent(
                    columns -> table(t, c).addUniqueKey(new Key(c.attribute("constraintName"), columns, true, source(c)))));
            case "addForeignKeyConstraint" -> required(c, "baseTableName").ifPresent(t -> {
                String target = c.attribute("referencedTableName");
                if (target == null) {
                    missing(c, "referencedTableName");
                    return;
                }
                requiredNames(c, "baseColumnNames").ifPresent(columns -> table(t, c).addForeignKey(SqlDdl.foreignKey(
                        schema, c.attribute("constraintName"), columns, target, names(c.attribute("referencedColumnNames")),
                        source(c))));
            });
            case "createIndex" -> required(c, "tableName").ifPresent(t -> {
                List<String> columns = new ArrayList<>();
                for (ChangeNode column : c.children("column", "columns")) {
                    String name = column.attribute("name");
                    if (name != null) columns.add(column.flag("computed") ? name.replaceAll("\\s+", "") : name);
                }
                table(t, c).addIndex(new Key(c.attribute("indexName"), columns, c.flag("unique"), source(c)));
            });
            case "dropTable" -> required(c, "tableName").ifPresent(schema::dropTable);
            case "renameTable" -> required(c, "oldTableName").ifPresent(t ->
                    required(c, "newTableName").ifPresent(n -> schema.renameTable(t, n)));
            case "renameColumn" -> required(c, "tableName").ifPresent(t -> required(c, "oldColumnName").ifPresent(o ->
                    required(c, "newColumnName").ifPresent(n -> schema.renameColumn(t, o, n))));
            case "dropColumn" -> required(c, "tableName").ifPresent(t -> schema.table(t).ifPresent(table -> {
                if (c.attribute("columnName") != null) table.dropColumn(c.attribute("columnName"));
                for (ChangeNode column : c.children("column", "columns")) {
                    if (column.attribute("name") != null) table.dropColumn(column.attribute("name"));
                }
            }));
            case "modifyDataType" -> required(c, "tableName").ifPresent(t -> schema.table(t).ifPresent(table -> {
                String column = c.attribute("columnName");
                if (column != null && table.hasColumn(column)) table.addColumn(column, c.attribute("newDataType"));
            }));
            case "dropIndex" -> required(c, "indexName").ifPresent(i -> {
                String t = c.attribute("tableName");
                if (t == null) {
                    ConstraintNames.dropIndex(schema, i);
                } else {
                    schema.table(t).ifPresent(table -> ConstraintNames.drop(table, i));
                }
            });
            case "dropUniqueConstraint" -> required(c, "tableName").ifPresent(t ->
                    required(c, "constraintName").ifPresent(n -> schema.table(t).ifPresent(table -> ConstraintNames.drop(table, n))));
            case "dropForeignKeyConstraint" -> required(c, "baseTableName").ifPresent(t ->
                    required(c, "constraintName").ifPresent(n -> schema.table(t).ifPresent(table -> ConstraintNames.drop(table, n))));
            case "dropPrimaryKey" -> required(c, "tableName").ifPresent(t -> schema.table(t).ifPresent(Table::dropPrimaryKey));
            case "sql" -> c.body().ifPresent(sql -> SqlDdl.apply(sql, file, c.textLine() > 0 ? c.textLine() : c.line(),
                    " (changeSet " + changeSet + ")", schema, problems));
            case "sqlFile" -> required(c, "path").ifPresent(path -> {
                Optional<Path> sqlFile = sqlFiles.apply(path, c.flag("relativeToChangelogFile"));
                if (sqlFile.isEmpty()) {
                    problems.report(file, c.line(), "sqlFile " + path + " not found");
                    return;
                }
                ScriptFiles.text(sqlFile.get(), problems).ifPresent(sql -> SqlDdl.apply(sql, sqlFile.get(), 1,
                        " (changeSet " + changeSet + ")", schema, problems));
            });
            default -> { } // inserts, views, procedures, tags, comments, rollback, preConditions: no key changes
        }
    }

    /**
     * Columns of {@code createTable} or {@code addColumn}, with what their {@code constraints} declare. All
     * columns marked {@code primaryKey} form one primary key, as Liquibase builds it.
     */
    private void columns(Table table, ChangeNode change) {
        List<String> primaryKey = new ArrayList<>();
        String primaryKeyName = null;
        String primaryKeySource = null;
        for (ChangeNode column : change.children("column", "columns")) {
            String name = column.attribute("name");
            if (name == null) continue;
            table.addColumn(name, column.attribute("type"));
            ChangeNode constraints = column.child("constraints").orElse(null);
            if (constraints == null) continue;
            String source = source(constraints);
            if (constraints.flag("primaryKey")) {
                primaryKey.add(name);
                if (primaryKeyName == null) primaryKeyName = constraints.attribute("primaryKeyName");
                if (primaryKeySource == null) primaryKeySource = source;
            }
            if (constraints.flag("unique")) {
                table.addUniqueKey(new Key(constraints.attribute("uniqueConstraintName"), List.of(name), true, source));
            }
            reference(table, name, constraints, source);
        }
        if (!primaryKey.isEmpty()) table.setPrimaryKey(new Key(primaryKeyName, primaryKey, true, primaryKeySource));
    }

    /** {@code references="customers(customer_no)"}, or {@code referencedTableName} and {@code referencedColumnNames}. */
    private void reference(Table table, String column, ChangeNode constraints, String source) {
        String target = constraints.attribute("referencedTableName");
        List<String> targetColumns = names(constraints.attribute("referencedColumnNames"));
        String references = constraints.attribute("references");
        if (target == null && references != null) {
            Matcher m = REFERENCES.matcher(references);
            if (!m.matches()) return;
            target = m.group(1);
            targetColumns = names(m.group(2));
        }
        if (target == null) return;
        table.addForeignKey(SqlDdl.foreignKey(schema, constraints.attribute("foreignKeyName"), List.of(column), target,
                targetColumns, source));
    }

    /** A change on a table no changelog created still declares real keys: the table is recorded there. */
    private Table table(String name, ChangeNode change) {
        return schema.table(name).orElseGet(() -> schema.createTable(name, source(change)));
    }

    private Optional<String> required(ChangeNode c, String attribute) {
        String value = c.attribute(attribute);
        if (value == null) missing(c, attribute);
        return Optional.ofNullable(value);
    }

    /**
     * A column list Liquibase requires: without it a key would cover nothing (a primary key replaced by an
     * empty one, a foreign key jOOQ's {@code onKey()} joins on nothing), so the change is reported and skipped.
     */
    private Optional<List<String>> requiredNames(ChangeNode c, String attribute) {
        List<String> names = names(c.attribute(attribute));
        if (names.isEmpty()) missing(c, attribute);
        return names.isEmpty() ? Optional.empty() : Optional.of(names);
    }

    private void missing(ChangeNode c, String attribute) {
        problems.report(file, c.line(), c.name() + " without " + attribute + " skipped (changeSet " + changeSet + ")");
    }

    private static List<String> names(String commaSeparated) {
        if (commaSeparated == null) return List.of();
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
