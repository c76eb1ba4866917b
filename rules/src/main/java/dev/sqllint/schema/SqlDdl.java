package dev.sqllint.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.ForeignKeyReference;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.create.table.NamedConstraint;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.drop.Drop;

/**
 * Replays SQL DDL into a {@link Schema}: the tables, keys, unique keys, foreign keys and indexes that
 * {@code CREATE TABLE}, {@code ALTER TABLE}, {@code CREATE INDEX}, {@code DROP} and {@code RENAME} declare,
 * each with the file and line that declared it as its source. Statements that change no key (DML,
 * functions, triggers, views, grants) are ignored. A schema-changing statement JSqlParser rejects is
 * reported and skipped; the rest of the script still counts, and nothing here throws.
 */
public final class SqlDdl {

    /** Per statement; a pathological statement must not stall the build. */
    static final int PARSE_TIMEOUT_MS = 2000;

    /** What would change keys if it parsed: only these are worth a problem report when JSqlParser rejects them. */
    private static final Pattern SCHEMA_CHANGE = Pattern.compile("(?is)(?:CREATE\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE"
            + "|CREATE\\s+(?:UNIQUE\\s+)?(?:(?:CLUSTERED|NONCLUSTERED)\\s+)?INDEX"
            + "|ALTER\\s+TABLE\\b.*\\b(?:ADD|DROP|RENAME|CHANGE|MODIFY)"
            + "|CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:MATERIALIZED\\s+)?VIEW"
            + "|DROP\\s+(?:TABLE|INDEX)|RENAME\\s+TABLE)\\b.*");
    /** A statement that reads or writes rows, by its first word. */
    private static final Pattern DATA = Pattern.compile("(?i)\\s*(?:INSERT|UPDATE|DELETE|MERGE|SELECT)\\b");
    private static final Pattern ALTER_INDEX_RENAME = Pattern.compile(
            "(?is)ALTER\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?(\\S+)\\s+RENAME\\s+TO\\s+(\\S+)\\s*");
    /** Flyway and Liquibase placeholders; replaced by their name so {@code ${schema}.accounts} still parses. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\s]*)}");
    private static final Pattern REFERENCES = Pattern.compile("(?is)REFERENCES\\s+([^\\s(]+)\\s*(?:\\(([^)]*)\\))?.*");
    /** {@code Encountered: <S_IDENTIFIER> / "INITIALLY", at line 2, column 48}: the token and its line in the statement. */
    private static final Pattern PARSER_ERROR = Pattern.compile("Encountered: <[^>]*> / \"(.*?)\", at line (\\d+)");

    private final Path file;
    private final String sourceSuffix;
    private final Schema schema;
    private final SchemaProblems problems;
    private ExecutorService parserThread;

    private SqlDdl(Path file, String sourceSuffix, Schema schema, SchemaProblems problems) {
        this.file = file;
        this.sourceSuffix = sourceSuffix;
        this.schema = schema;
        this.problems = problems;
    }

    /**
     * Replays {@code sql}, the text of {@code file} from line {@code firstLine} on, into {@code schema}.
     * Sources read {@code V2__add_account_no.sql:14}: the file name and the line of the statement.
     */
    public static void apply(String sql, Path file, int firstLine, Schema schema, SchemaProblems problems) {
        apply(sql, file, firstLine, "", schema, problems);
    }

    /** Replays a whole script file; an unreadable one is reported. */
    public static void applyFile(Path file, Schema schema, SchemaProblems problems) {
        ScriptFiles.text(file, problems).ifPresent(sql -> apply(sql, file, 1, schema, problems));
    }

    /** As above, with {@code sourceSuffix} after each source ({@code " (changeSet 7)"} for Liquibase). */
    static void apply(String sql, Path file, int firstLine, String sourceSuffix, Schema schema,
                      SchemaProblems problems) {
        SqlDdl ddl = new SqlDdl(file, sourceSuffix, schema, problems);
        try {
            for (SqlScript.Statement statement : SqlScript.split(sql, firstLine)) ddl.replay(statement);
        } finally {
            if (ddl.parserThread != null) ddl.parserThread.shutdownNow();
        }
    }

    private void replay(SqlScript.Statement statement) {
        String text = placeholders(statement.text());
        // rows, not schema: nothing below takes anything from an INSERT, parsed or not, and a dump's INSERTs are
        // its largest statements (Fineract's sample data: 1.4 MB in ten that JSqlParser rejects, each then
        // respelled and parsed again, most of a cold run's schema phase)
        if (DATA.matcher(text).lookingAt()) return;
        Statement parsed;
        try {
            parsed = parse(text);
            if (parsed instanceof UnsupportedStatement && SCHEMA_CHANGE.matcher(text).matches()) {
                Optional<String> respelled = DdlSpellings.respell(text);
                if (respelled.isPresent()) {
                    Statement again = parseQuietly(respelled.get());
                    if (again != null && !(again instanceof UnsupportedStatement)) parsed = again;
                }
            }
        } catch (Exception | StackOverflowError e) {
            if (timedOut(e)) {
                parserThread.shutdownNow();
                parserThread = null;
                rejected(statement, text, e);
                return;
            }
            // dumps and other databases' spellings JSqlParser rejects, retried as the spelling it reads
            Statement again = DdlSpellings.respell(text).map(this::parseQuietly).orElse(null);
            if (again == null) {
                String source = file.getFileName() + ":" + statement.line() + sourceSuffix;
                if (!Views.declareUnparsed(schema, text, source)) keysNowUnknown(text, source);
                rejected(statement, text, e);
                return;
            }
            parsed = again;
        }
        String source = file.getFileName() + ":" + statement.line() + sourceSuffix;
        try {
            apply(parsed, text, source, statement);
        } catch (RuntimeException e) {
            problems.report(file, statement.line(), "statement skipped, it could not be applied: " + e);
        }
    }

    private void apply(Statement parsed, String text, String source, SqlScript.Statement statement) {
        if (parsed instanceof CreateTable create) {
            createTable(create, source);
        } else if (parsed instanceof Alter alter) {
            alter(alter, source);
        } else if (parsed instanceof CreateIndex index) {
            createIndex(index, source);
        } else if (parsed instanceof CreateView view) {
            Views.create(schema, view, source);
        } else if (parsed instanceof Drop drop) {
            drop(drop);
        } else if (parsed instanceof RenameTableStatement rename) {
            rename.getTableNames().forEach(e -> schema.renameTable(e.getKey().getName(), e.getValue().getName()));
        } else if (parsed instanceof UnsupportedStatement) {
            Matcher m = ALTER_INDEX_RENAME.matcher(text);
            if (m.matches()) {
                ConstraintNames.renameIndex(schema, m.group(1), m.group(2));
            } else if (SCHEMA_CHANGE.matcher(text).matches()) {
                problems.report(file, statement.line(), "statement skipped, JSqlParser does not support it: "
                        + SqlScript.head(text, 8));
            }
        }
    }

    private static final Pattern CREATE_TABLE_NAME = Pattern.compile("(?is)\\s*CREATE\\s+(?:[A-Z]+\\s+){0,3}?TABLE\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?([^\\s(]+).*");
    private static final Pattern KEY_CHANGE = Pattern.compile("(?is)\\s*(?:ALTER\\s+TABLE\\s+(?:ONLY\\s+)?(?:IF\\s+EXISTS\\s+)?([^\\s(]+)"
            + ".*\\b(?:PRIMARY|UNIQUE)\\b.*|CREATE\\s+UNIQUE\\s+.*?\\bINDEX\\b.*?\\bON\\s+(?:ONLY\\s+)?([^\\s(]+).*)");

    /**
     * A statement that would declare a table or a key did not parse: the table's keys are no longer known (a table
     * without its primary key would otherwise prove joins to-many).
     */
    private void keysNowUnknown(String text, String source) {
        Matcher create = CREATE_TABLE_NAME.matcher(text);
        if (create.matches()) {
            schema.replaceTable(create.group(1), source).keysUnknown();
            return;
        }
        Matcher key = KEY_CHANGE.matcher(text);
        if (key.matches()) {
            String name = key.group(1) != null ? key.group(1) : key.group(2);
            schema.table(name).ifPresent(Table::keysUnknown);
        }
    }

    private Statement parse(String text) throws Exception {
        return CCJSqlParserUtil.parse(text, parserThread(), p -> p.withTimeOut(PARSE_TIMEOUT_MS));
    }

    private Statement parseQuietly(String text) {
        try {
            return parse(text);
        } catch (Exception | StackOverflowError e) {
            if (timedOut(e)) {
                parserThread.shutdownNow();
                parserThread = null;
            }
            return null;
        }
    }

    /**
     * Flyway and Liquibase placeholders become their name, so {@code ${schema}.accounts} still parses; one glued to
     * the name it prefixes ({@code ${prefix}ACT_RU_TASK}) goes, so the table is named as queries name it.
     */
    public static String placeholders(String sql) {
        return PLACEHOLDER.matcher(sql).replaceAll(m -> {
            int end = m.end();
            boolean prefix = end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_');
            return prefix ? "" : Matcher.quoteReplacement(m.group(1).replaceAll("[^A-Za-z0-9_.]", "_"));
        });
    }

    private ExecutorService parserThread() {
        if (parserThread == null) {
            parserThread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "sqllint-ddl-parser");
                t.setDaemon(true);
                return t;
            });
        }
        return parserThread;
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof TimeoutException) return true;
        return false;
    }

    private void rejected(SqlScript.Statement statement, String text, Throwable e) {
        if (!SCHEMA_CHANGE.matcher(text).matches()) return;
        String why;
        if (timedOut(e)) {
            why = "JSqlParser gave up after " + PARSE_TIMEOUT_MS + " ms";
        } else {
            Throwable cause = e;
            while (cause.getCause() != null) cause = cause.getCause();
            String message = String.valueOf(cause.getMessage());
            Matcher m = PARSER_ERROR.matcher(message);
            why = m.find()
                    ? "JSqlParser rejects \"" + m.group(1) + "\" at line " + (statement.line() + Integer.parseInt(m.group(2)) - 1)
                    : "JSqlParser rejects it (" + shorten(message.strip().lines().findFirst().orElse(""), 100) + ")";
        }
        problems.report(file, statement.line(), "statement skipped, " + why + ": " + SqlScript.head(text, 8));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    // ---- CREATE TABLE ----------------------------------------------------------------------------------------

    private void createTable(CreateTable create, String source) {
        String name = create.getTable().getName();
        if (schema.table(name).isPresent() && create.isIfNotExists()) return;
        Table table = schema.replaceTable(name, source);
        for (ColumnDefinition column : nonNull(create.getColumnDefinitions())) column(table, column, source);
        for (Index index : nonNull(create.getIndexes())) constraint(table, index, source);
    }

    /** A column and what its specs declare inline: {@code PRIMARY KEY}, {@code UNIQUE}, {@code REFERENCES t(c)}. */
    private void column(Table table, ColumnDefinition column, String source) {
        String name = column.getColumnName();
        table.addColumn(name, type(column));
        List<String> specs = nonNull(column.getColumnSpecs());
        String constraintName = null;
        for (int i = 0; i < specs.size(); i++) {
            String token = specs.get(i);
            String word = token.toUpperCase(Locale.ROOT);
            if (word.equals("CONSTRAINT") && i + 1 < specs.size()) {
                constraintName = specs.get(++i);
            } else if (word.equals("PRIMARY") && i + 1 < specs.size() && specs.get(i + 1).equalsIgnoreCase("KEY")) {
                table.setPrimaryKey(new Key(constraintName, List.of(name), true, source));
                constraintName = null;
                i++;
            } else if (word.equals("UNIQUE")) {
                table.addUniqueKey(new Key(constraintName, List.of(name), true, source));
                constraintName = null;
            } else if (word.startsWith("REFERENCES")) {
                reference(table, name, constraintName, column.getForeignKeyReference(), token, source);
                constraintName = null;
            }
        }
    }

    private void reference(Table table, String column, String constraintName, ForeignKeyReference reference,
                           String token, String source) {
        String target;
        List<String> targetColumns;
        if (reference != null && reference.getTable() != null) {
            target = reference.getTable().getName();
            targetColumns = nonNull(reference.getReferencedColumnNames());
        } else {
            Matcher m = REFERENCES.matcher(token);
            if (!m.matches()) return;
            target = m.group(1);
            targetColumns = m.group(2) == null ? List.of() : List.of(m.group(2).split("\\s*,\\s*"));
        }
        table.addForeignKey(foreignKey(constraintName, List.of(column), target, targetColumns, source));
    }

    private ForeignKey foreignKey(String name, List<String> columns, String target, List<String> targetColumns,
                                  String source) {
        return foreignKey(schema, name, columns, target, targetColumns, source);
    }

    /** {@code REFERENCES customers} without columns means the referenced table's primary key. */
    static ForeignKey foreignKey(Schema schema, String name, List<String> columns, String target,
                                 List<String> targetColumns, String source) {
        List<String> resolved = targetColumns;
        if (resolved.isEmpty()) {
            resolved = schema.table(target).flatMap(Table::primaryKey).map(Key::columns).orElse(List.of());
        }
        return new ForeignKey(name, columns, target, resolved, source);
    }

    /** Table-level constraints, and the same in {@code ALTER TABLE ... ADD}. */
    private void constraint(Table table, Index index, String source) {
        String name = constraintName(index);
        List<String> columns = columns(index);
        Index.Kind kind = index.getKind();
        if (kind == null) return;
        switch (kind) {
            case PRIMARY_KEY -> table.setPrimaryKey(new Key(name, columns, true, source));
            case UNIQUE -> table.addUniqueKey(new Key(name, columns, true, source));
            case INDEX -> table.addIndex(new Key(name, columns, false, source));
            case FOREIGN_KEY -> {
                if (index instanceof ForeignKeyIndex fk && fk.getTable() != null) {
                    table.addForeignKey(foreignKey(name, columns, fk.getTable().getName(),
                            nonNull(fk.getReferencedColumnNames()), source));
                }
            }
            default -> { } // CHECK, EXCLUDE, FULLTEXT, SPATIAL: no key an equality lookup can use
        }
    }

    /** MySQL's {@code UNIQUE KEY uk_name (col)} keeps its name apart from {@code CONSTRAINT name}. */
    private static String constraintName(Index index) {
        String name = index.getName();
        if ((name == null || name.isBlank()) && index instanceof NamedConstraint named) name = named.getIndexName();
        return name == null || name.isBlank() ? null : name;
    }

    /** Column names in order; an expression keeps its text ({@code lower(email)}), so it never matches a column. */
    private static List<String> columns(Index index) {
        List<String> columns = new ArrayList<>();
        for (Index.ColumnParams c : nonNull(index.getColumns())) {
            // MySQL's prefix length (sku(191)) still indexes the column; any other parameter makes it an expression
            boolean expression = c.isExpression() || nonNull(c.getParams()).stream()
                    .anyMatch(p -> p.startsWith("(") && !p.matches("\\(\\s*\\d+\\s*\\)"));
            if (expression) {
                String text = c.isExpression() ? "(" + c.getExpression() + ")" : c.getColumnName() + String.join("", c.getParams());
                columns.add(text.replaceAll("\\s+", ""));
            } else if (nonNull(c.getParams()).stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).endsWith("_trgm_ops"))) {
                // USING gin (email gin_trgm_ops): a trigram index serves LIKE '%x%', not an ordered lookup of email
                columns.add(c.getColumnName() + " " + String.join(" ", c.getParams()).toLowerCase(Locale.ROOT));
            } else {
                columns.add(c.getColumnName());
            }
        }
        return columns;
    }

    private static String type(ColumnDefinition column) {
        return column.getColDataType() == null ? "" : column.getColDataType().toString().replace(" (", "(");
    }

    // ---- ALTER TABLE -----------------------------------------------------------------------------------------

    private void alter(Alter alter, String source) {
        String current = alter.getTable().getName();
        for (AlterExpression e : nonNull(alter.getAlterExpressions())) {
            if (e.getOperation() == null) continue;
            String name = current;
            Optional<Table> existing = schema.table(name);
            switch (e.getOperation()) {
                case ADD -> add(tableFor(name, source), e, source);
                case MODIFY -> nonNull(e.getColDataTypeList()).forEach(c -> column(tableFor(name, source), c, source));
                case CHANGE -> {
                    List<AlterExpression.ColumnDataType> columns = nonNull(e.getColDataTypeList());
                    String old = e.getColumnOldName() != null ? e.getColumnOldName() : e.getColOldName();
                    if (old != null && !columns.isEmpty()) schema.renameColumn(name, old, columns.get(0).getColumnName());
                    columns.forEach(c -> column(tableFor(name, source), c, source));
                }
                case ALTER -> existing.ifPresent(t -> nonNull(e.getColDataTypeList()).stream()
                        .filter(c -> c.getColDataType() != null && t.hasColumn(c.getColumnName()))
                        .forEach(c -> t.addColumn(c.getColumnName(), type(c))));
                case DROP, DROP_UNIQUE, DROP_FOREIGN_KEY -> existing.ifPresent(t -> drop(t, e));
                case DROP_PRIMARY_KEY -> existing.ifPresent(Table::dropPrimaryKey);
                case RENAME -> {
                    if (e.getColumnOldName() != null && e.getColumnName() != null) {
                        schema.renameColumn(name, e.getColumnOldName(), e.getColumnName());
                    }
                }
                case RENAME_TABLE -> {
                    if (e.getNewTableName() != null) schema.renameTable(name, e.getNewTableName());
                }
                case RENAME_CONSTRAINT, RENAME_INDEX, RENAME_KEY -> existing.ifPresent(t -> {
                    if (e.getOldIndex() != null && e.getIndex() != null) {
                        t.renameConstraint(e.getOldIndex().getName(), e.getIndex().getName());
                    }
                });
                default -> { }
            }
            if (e.getOperation() == AlterOperation.RENAME_TABLE && e.getNewTableName() != null) {
                current = e.getNewTableName();
            }
        }
    }

    private void add(Table table, AlterExpression e, String source) {
        if (e.getIndex() != null) {
            constraint(table, e.getIndex(), source);
        }
        for (AlterExpression.ColumnDataType column : nonNull(e.getColDataTypeList())) column(table, column, source);
    }

    private static void drop(Table table, AlterExpression e) {
        if (e.getColumnName() != null) {
            table.dropColumn(e.getColumnName());
        } else if (e.getConstraintName() != null) {
            ConstraintNames.drop(table, e.getConstraintName());
        } else if (e.getIndex() != null && e.getIndex().getName() != null) {
            ConstraintNames.drop(table, e.getIndex().getName());
        }
    }

    /** An ALTER on a table no script created still declares real keys: the table is recorded where it was altered. */
    private Table tableFor(String name, String source) {
        return schema.table(name).orElseGet(() -> schema.createTable(name, source));
    }

    // ---- CREATE INDEX, DROP ----------------------------------------------------------------------------------

    /** A partial index ({@code WHERE ...}) is an index, but its uniqueness holds only for the rows it covers. */
    private void createIndex(CreateIndex create, String source) {
        Index index = create.getIndex();
        if (index == null || create.getTable() == null) return;
        boolean unique = index.getKind() == Index.Kind.UNIQUE
                || (index.getType() != null && index.getType().toUpperCase(Locale.ROOT).contains("UNIQUE"));
        boolean partial = create.getWhere() != null;
        Table table = tableFor(create.getTable().getName(), source);
        table.addIndex(new Key(constraintName(index), columns(index), unique && !partial, source));
    }

    private void drop(Drop drop) {
        String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
        List<net.sf.jsqlparser.schema.Table> names = drop.getNames() != null && !drop.getNames().isEmpty()
                ? drop.getNames() : drop.getName() == null ? List.of() : List.of(drop.getName());
        if (type.equals("TABLE") || type.endsWith("VIEW")) {
            names.forEach(n -> schema.dropTable(n.getName()));
        } else if (type.equals("INDEX")) {
            List<String> parameters = nonNull(drop.getParameters());
            int on = indexOfIgnoreCase(parameters, "ON");
            for (net.sf.jsqlparser.schema.Table n : names) {
                if (on >= 0 && on + 1 < parameters.size()) {
                    schema.table(parameters.get(on + 1)).ifPresent(t -> ConstraintNames.drop(t, n.getName()));
                } else {
                    ConstraintNames.dropIndex(schema, n.getName());
                }
            }
        }
    }

    private static int indexOfIgnoreCase(List<String> words, String word) {
        for (int i = 0; i < words.size(); i++) if (words.get(i).equalsIgnoreCase(word)) return i;
        return -1;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
