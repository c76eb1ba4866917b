package dev.sqllint.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DDL as database dumps and other databases spell it, rewritten to a spelling JSqlParser reads, for a second try
 * after the first parse failed: SQL Server's {@code [dbo].[orders]} and {@code ON [PRIMARY]}, Oracle's storage
 * clauses, PostgreSQL's {@code WITH (fillfactor=...)} and constraint timing, MySQL's prefix lengths. Only what
 * declares no key is dropped; names and key columns are kept as written.
 */
final class DdlSpellings {

    private record Rewrite(Pattern pattern, String replacement) {
    }

    private static final List<Rewrite> REWRITES = List.of(
            // SQL Server: [name] is a quoted identifier; file groups and index options say nothing about keys
            new Rewrite(Pattern.compile("(?i)\\b(?:TEXTIMAGE_ON|ON)\\s+\\[PRIMARY]"), ""),
            new Rewrite(Pattern.compile("\\[([^\\]\\[]+)]"), "\"$1\""),
            new Rewrite(Pattern.compile("(?i)\\bWITH\\s*\\((?:\\s*[A-Z_]+\\s*=\\s*[A-Za-z0-9_]+\\s*,?)+\\)"), ""),
            new Rewrite(Pattern.compile("(?i)\\b(?:NON)?CLUSTERED\\b"), ""),
            // Oracle: storage and logging clauses, ENABLE/DISABLE on constraints
            new Rewrite(Pattern.compile("(?i)\\bUSING\\s+INDEX\\s+(?:TABLESPACE\\s+\\S+)?"), ""),
            new Rewrite(Pattern.compile("(?i)\\bTABLESPACE\\s+[A-Za-z0-9_$\"]+"), ""),
            new Rewrite(Pattern.compile("(?i)\\bSTORAGE\\s*\\([^)]*\\)"), ""),
            new Rewrite(Pattern.compile("(?i)\\b(?:NOLOGGING|LOGGING|NOCOMPRESS|COMPRESS|ENABLE|DISABLE|NOVALIDATE|VALIDATE)\\b(?!\\s*\\()"), ""),
            new Rewrite(Pattern.compile("(?i)\\b(?:PCTFREE|PCTUSED|INITRANS|MAXTRANS)\\s+\\d+"), ""),
            // PostgreSQL: constraint timing and NOT VALID
            new Rewrite(Pattern.compile("(?i)\\b(?:NOT\\s+)?DEFERRABLE(?:\\s+INITIALLY\\s+(?:DEFERRED|IMMEDIATE))?"), ""),
            new Rewrite(Pattern.compile("(?i)\\bNOT\\s+VALID\\b"), ""),
            // MySQL: index prefix lengths (col(191)) and index methods
            new Rewrite(Pattern.compile("(?i)(\\b[A-Za-z_][A-Za-z0-9_]*`?)\\s*\\(\\s*\\d+\\s*\\)(?=\\s*(?:ASC|DESC)?\\s*[,)])"), "$1"),
            new Rewrite(Pattern.compile("(?i)\\bUSING\\s+(?:BTREE|HASH)\\b"), ""),
            // uuid as a column name in a view's select list, which JSqlParser reads as a keyword
            new Rewrite(Pattern.compile("(?i)(?<![\\w\".])uuid(?![\\w\"(])(?=[^()]*\\bFROM\\b)"), "\"uuid\""));

    private DdlSpellings() {
    }

    /** A column definition's name, at the start of the table body or after a comma. */
    private static final Pattern COLUMN_NAME = Pattern.compile("(?i)(?<=[(,])(\\s*)([A-Za-z_][A-Za-z0-9_]*)(?=\\s+([A-Za-z]+))");
    /** Types a column definition starts with, which tell {@code key varchar(250)} from MySQL's {@code KEY idx (col)}. */
    private static final Pattern TYPE = Pattern.compile("(?i)(?:var)?char|n?varchar2?|text|tinytext|mediumtext|longtext|"
            + "(?:tiny|small|medium|big)?int(?:eger)?|serial|bigserial|numeric|number|decimal|float|double|real|bool(?:ean)?|"
            + "bit|date|datetime2?|time|timestamp(?:tz)?|uuid|jsonb?|bytea|blob|clob|longblob|binary|varbinary|tsvector");
    /** A column named after {@code ALTER TABLE ... DROP/ADD/ALTER COLUMN}. */
    private static final Pattern AFTER_COLUMN = Pattern.compile("(?i)(\\bCOLUMN\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?)([A-Za-z_][A-Za-z0-9_]*)\\b");
    /** The table of {@code CREATE TABLE} / {@code ALTER TABLE}, unqualified (a keyword like {@code settings}). */
    private static final Pattern TABLE_NAME = Pattern.compile(
            "(?i)(\\bTABLE\\s+(?:ONLY\\s+)?(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?)([A-Za-z_][A-Za-z0-9_]*)\\b(?![.\"])");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)\\s*CREATE\\b.*?\\bTABLE\\b.*");
    /** Words that start a table constraint or an index, not a column. */
    private static final Set<String> NOT_COLUMNS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "INDEX",
            "KEY", "FULLTEXT", "SPATIAL", "EXCLUDE", "PERIOD", "LIKE");

    /** The statement rewritten, or empty when no rewrite applies. */
    static Optional<String> respell(String statement) {
        String s = statement;
        for (Rewrite r : REWRITES) s = r.pattern.matcher(s).replaceAll(r.replacement);
        // columns named like keywords (key, value, date, offset): quoted, which every database reads as a name
        if (CREATE_TABLE.matcher(s).matches()) {
            s = COLUMN_NAME.matcher(s).replaceAll(m -> NOT_COLUMNS.contains(m.group(2).toUpperCase(Locale.ROOT))
                    && !TYPE.matcher(m.group(3)).matches()
                    ? Matcher.quoteReplacement(m.group()) : Matcher.quoteReplacement(m.group(1) + "\"" + m.group(2) + "\""));
        }
        s = TABLE_NAME.matcher(s).replaceAll(m -> Set.of("ONLY", "IF").contains(m.group(2).toUpperCase(Locale.ROOT))
                ? Matcher.quoteReplacement(m.group()) : Matcher.quoteReplacement(m.group(1) + "\"" + m.group(2) + "\""));
        s = AFTER_COLUMN.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + m.group(2) + "\""));
        return s.equals(statement) ? Optional.empty() : Optional.of(s);
    }
}
