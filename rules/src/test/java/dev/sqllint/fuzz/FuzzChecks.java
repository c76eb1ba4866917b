package dev.sqllint.fuzz;

import dev.sqllint.extract.Language;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.rules.Query;
import dev.sqllint.rules.Rule;
import dev.sqllint.rules.Rules;
import dev.sqllint.rules.Violation;
import dev.sqllint.schema.JpaModel;
import dev.sqllint.schema.KeyModel;
import dev.sqllint.schema.NamingConventions;
import dev.sqllint.schema.Schema;
import dev.sqllint.schema.SchemaKeyModel;
import dev.sqllint.schema.SchemaProblems;
import dev.sqllint.schema.SqlDdl;
import dev.sqllint.sql.JpqlToSql;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.PlaceholderNormalizer;
import dev.sqllint.sql.SqlParser;
import dev.sqllint.sql.SqlText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The contract every fuzz target checks, and the statement pipeline the Analyzer runs, without its
 * catch-all: normalise each variant, parse it (JPQL through the JPA mapping), apply every rule. An exception
 * escaping any step, a violation pointing outside its SQL, or an origin outside the text it came from fails
 * the target. The Analyzer would turn such an exception into a diagnostic, but the file's findings would be
 * lost, so here it is a bug.
 */
final class FuzzChecks {

    /** Short: a parse that needs longer is reported as a time-out, which is an accepted outcome. */
    static final SqlParser PARSER = new SqlParser(Duration.ofSeconds(2));

    /** Keys as a project's migrations declare them, so the rules also take their "proved" paths. */
    static final KeyModel KEYS = new SchemaKeyModel(schema(), new NamingConventions(), List.of("*_history", "*_events"));

    private FuzzChecks() {
    }

    private static Schema schema() {
        Schema schema = new Schema();
        SqlDdl.apply("""
                CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(200) UNIQUE, workspace_id BIGINT);
                CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner_id BIGINT REFERENCES users(id), status VARCHAR(20));
                CREATE TABLE orders (id BIGINT PRIMARY KEY, account_id BIGINT NOT NULL REFERENCES accounts(id),
                  created_at TIMESTAMP, total NUMERIC);
                CREATE TABLE order_items (order_id BIGINT REFERENCES orders(id), line_no INT, sku VARCHAR(40),
                  PRIMARY KEY (order_id, line_no));
                CREATE TABLE saved_runs (id BIGINT PRIMARY KEY, workspace_id BIGINT, published_run_id BIGINT,
                  updated_at TIMESTAMP);
                CREATE INDEX saved_runs_workspace ON saved_runs (workspace_id, published_run_id);
                """, Path.of("V1__keys.sql"), 1, schema, SchemaProblems.IGNORE);
        return schema;
    }

    /** Every site as the Analyzer analyses it; SQL may come from any of {@code files} (a fragment another mapper declares). */
    static void analyzeSites(List<SqlSite> sites, Map<Path, TextBounds> files, JpaModel jpa) {
        checkSites(sites, files, jpa, true);
    }

    /**
     * The sites' positions and origins, also after placeholder normalisation; with {@code parse}, each statement
     * parsed and checked by the rules too (the slow part: targets about folding leave it to {@link SqlFuzzTest}).
     */
    static void checkSites(List<SqlSite> sites, Map<Path, TextBounds> files, JpaModel jpa, boolean parse) {
        for (SqlSite site : sites) {
            TextBounds bounds = files.get(site.file());
            check(bounds != null, "site in a file it was not read from: " + site.file());
            check(bounds.contains(site.line(), site.column()), "site outside its file: " + site.line() + ":" + site.column());
            // no variants is fine: a <script> that is not well-formed XML keeps its site, analysed no further
            for (SqlText variant : site.variants()) {
                checkOrigins(variant, files);
                if (parse) analyze(variant, site.language(), site.entity(), jpa, files);
                else checkOrigins(PlaceholderNormalizer.normalize(variant, site.entity()), files);
            }
        }
    }

    /** Normalise, parse and check one statement, as {@code Analyzer.analyzeSites} does. */
    static void analyze(SqlText variant, Language language, String entity, JpaModel jpa, Map<Path, TextBounds> files) {
        SqlText sql = PlaceholderNormalizer.normalize(variant, entity);
        checkOrigins(sql, files);
        if (language == Language.JPQL) {
            sql = JpqlToSql.stripConstructorExpressions(sql);
            checkOrigins(sql, files);
        }
        SqlParser.Result result = PARSER.parse(sql);
        check(result.ok() != (result.failure() != null), "a parse result is either parsed or a failure");
        if (!result.ok()) return;
        if (language == Language.JPQL) {
            Optional<SqlText> translated = JpqlToSql.translate(result.parsed(), jpa);
            if (translated.isPresent()) {
                checkOrigins(translated.get(), files);
                SqlParser.Result asSql = PARSER.parse(translated.get());
                if (asSql.ok()) {
                    result = asSql;
                    language = Language.SQL;
                }
            }
        }
        SqlText parsed = result.parsed().text();
        Query query = new Query(result.parsed(), language, KEYS);
        for (Rule rule : Rules.all()) {
            for (Violation v : rule.check(query)) {
                check(v.offset() >= 0 && v.offset() < parsed.length(), rule.info().name() + " points at offset "
                        + v.offset() + " of a statement of " + parsed.length() + " characters");
                check(v.message() != null && !v.message().isBlank(), rule.info().name() + " without a message");
            }
        }
    }

    /** Every character of {@code sql} comes from one of {@code files}, at a line and column its text has. */
    static void checkOrigins(SqlText sql, Map<Path, TextBounds> files) {
        for (int i = 0; i < sql.length(); i++) {
            Origin o = sql.originAt(i);
            check(o != null, "no origin at offset " + i);
            TextBounds bounds = files.get(o.file());
            check(bounds != null, "origin in a file it was not read from: " + o.file());
            check(bounds.contains(o.line(), o.column()), "origin " + o.line() + ":" + o.column()
                    + " outside the text (" + bounds.lines() + " lines) for offset " + i + " of: " + brief(sql.text()));
        }
    }

    static void check(boolean condition, String message) {
        if (!condition) throw new AssertionError(message);
    }

    static String brief(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 200 ? one : one.substring(0, 200) + "...";
    }

    /** A fresh empty directory under the JVM's temp dir, removed when the JVM exits. */
    static Path scratchDir(String name) {
        try {
            Path dir = Files.createTempDirectory("sqllint-fuzz-" + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties {@code dir} (keeps it), so each input starts from nothing. */
    static void clear(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(FuzzChecks::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        clear(dir);
        delete(dir);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines and their lengths (with the line break), to tell whether a line and column exist in a text. */
    static final class TextBounds {

        /** For a text decoded in a way the test does not repeat: any line and column from 1 on. */
        static final TextBounds UNKNOWN = new TextBounds((int[]) null);

        private final int[] lineLengths;

        private TextBounds(int[] lineLengths) {
            this.lineLengths = lineLengths;
        }

        /** Lines end at CR, LF or CR LF, as for javac and XML parsers; the text after the last one is a line too. */
        TextBounds(String text) {
            this(Stream.of(text.split("(?<=\\r\\n|\\r(?!\\n)|\\n)", -1)).mapToInt(String::length).toArray());
        }

        int lines() {
            return lineLengths == null ? Integer.MAX_VALUE : lineLengths.length;
        }

        /** Column may be one past the line's end (the end of the text). */
        boolean contains(int line, int column) {
            if (lineLengths == null) return line >= 1 && column >= 1;
            return line >= 1 && line <= lines() && column >= 1 && column <= lineLengths[line - 1] + 1;
        }
    }
}
