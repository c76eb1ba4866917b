package dev.sqllint.sql;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * The JSqlParser front: parses one normalised statement with a time-out. A failure is a value (with a
 * one-line reason), never an exception, so one bad statement cannot stop the run.
 */
public final class SqlParser implements AutoCloseable {

    /** Outcome of parsing one statement: either {@code parsed} or a {@code failure} reason. */
    public record Result(ParsedSql parsed, String failure) {
        public boolean ok() {
            return parsed != null;
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Repairs tried on one statement: a few stray placeholders and dialect spellings, not a search. */
    private static final int MAX_REPAIRS = 8;
    /** How many results of {@link #parseAhead} are kept: more than one mapper's statements, on every thread at once. */
    private static final int AHEAD = 512;
    private final long timeoutMillis;
    private final boolean squareBrackets;
    private final ExecutorService executor;
    private final Clock clock;
    /**
     * Results of {@link #parseAhead}, by text: failures, and statements that parsed as written. A MyBatis mapper's
     * statements are parsed when its variants are chosen and again, right after, when they are analysed: on mall
     * that was every statement twice. A statement is handed to one analysis only (rules may set a node for a moment
     * while they print advice). Access order, the eldest dropped; guarded by itself.
     */
    private final Map<String, Result> ahead = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
            return size() > AHEAD;
        }
    };

    /** Told about every parse, repairs included (the engine's phase times); {@link #UNTIMED} by default. */
    public interface Clock {
        <T> T time(java.util.function.Supplier<T> parse);
    }

    public static final Clock UNTIMED = new Clock() {
        @Override
        public <T> T time(java.util.function.Supplier<T> parse) {
            return parse.get();
        }
    };

    public SqlParser(Duration timeout) {
        this(timeout, Dialect.POSTGRESQL);
    }

    public SqlParser(Duration timeout, Dialect dialect) {
        this(timeout, dialect, UNTIMED);
    }

    /** SQL Server's {@code [name]} quoting is taken only for SQL Server: elsewhere {@code a[1]} is an array index. */
    public SqlParser(Duration timeout, Dialect dialect, Clock clock) {
        this.clock = clock;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.squareBrackets = dialect == Dialect.SQLSERVER;
        // JSqlParser runs each parse on this executor so it can abandon one that exceeds the time-out.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sqllint-parse-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Parses; when the parser stops on a placeholder that stands for a whole clause, parses again without it
     * (see {@link StrayPlaceholders}), and where it stops on MySQL or PostgreSQL syntax it does not take,
     * parses again with that spelled as it takes it (see {@link DialectRepairs}). The result's text is what
     * parsed.
     */
    public Result parse(SqlText normalized) {
        return clock.time(() -> {
            Result known;
            synchronized (ahead) {
                known = ahead.get(normalized.text());
                if (known != null && known.ok()) ahead.remove(normalized.text());
            }
            // the statement parsed ahead, with this text's origins (the positions findings point at)
            if (known != null) return known.ok() ? new Result(new ParsedSql(known.parsed().statement(), normalized), null) : known;
            return parseRepairing(normalized);
        });
    }

    /**
     * As {@link #parse}, for a statement that is parsed again soon, on this thread or another: the result is kept
     * for that parse. The caller reads only whether it parsed and where it stopped, never the statement.
     */
    public Result parseAhead(SqlText normalized) {
        return clock.time(() -> {
            String text = normalized.text();
            Result known;
            synchronized (ahead) {
                known = ahead.get(text);
            }
            if (known != null) return known;
            Result r = parseRepairing(normalized);
            if (!r.ok() || r.parsed().text() == normalized) {
                synchronized (ahead) {
                    ahead.put(text, r);
                }
            }
            return r;
        });
    }

    private Result parseRepairing(SqlText normalized) {
        Result first = parseOnce(normalized);
        Result r = first;
        SqlText text = normalized;
        for (int i = 0; i < MAX_REPAIRS && !r.ok(); i++) {
            String failure = r.failure();
            SqlText current = text;
            java.util.Optional<SqlText> repaired = DialectRepairs.repair(current, failure)
                    .or(() -> StrayPlaceholders.blankAt(current, failure));
            if (repaired.isEmpty()) break;
            text = repaired.get();
            r = parseOnce(text);
        }
        return r.ok() ? r : first; // the first failure names what the code wrote
    }

    /**
     * Where in {@code sql} the parser stopped, as an offset, or -1 when the failure names no position (a
     * time-out) or the statement parsed.
     */
    public static int failureOffset(SqlText sql, Result result) {
        return result.ok() ? -1 : DialectRepairs.failureOffset(sql.text(), result.failure());
    }

    private Result parseOnce(SqlText normalized) {
        String sql = normalized.text();
        if (sql.isBlank()) return new Result(null, "empty statement");
        try {
            Statement st = CCJSqlParserUtil.parse(sql, executor,
                    p -> p.withTimeOut(timeoutMillis).withAllowComplexParsing(true).withSquareBracketQuotation(squareBrackets));
            if (st == null) return new Result(null, "no statement found");
            return new Result(new ParsedSql(st, normalized), null);
        } catch (JSQLParserException e) {
            return new Result(null, reason(e));
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(null, "parser error: " + e.getClass().getSimpleName());
        }
    }

    private static String reason(JSQLParserException e) {
        Throwable t = e;
        String msg = e.getMessage();
        while ((msg == null || msg.isBlank()) && t.getCause() != null) {
            t = t.getCause();
            msg = t.getMessage();
        }
        if (msg == null) return "rejected by JSqlParser";
        if (msg.toLowerCase().contains("time out")) return "parser time-out";
        String first = msg.strip().lines().findFirst().orElse(msg);
        return first.length() > 160 ? first.substring(0, 160) + "..." : first;
    }

    @Override
    public void close() {
        synchronized (ahead) {
            ahead.clear();
        }
        executor.shutdownNow();
    }
}
