package dev.sqllint.engine;

import dev.sqllint.rules.Severity;
import java.nio.file.Path;

/**
 * A rule violation at a Java source position.
 *
 * @param api      what issued the SQL ({@code JdbcTemplate.query}, {@code @Query})
 * @param owner    the enclosing {@code Class.member}
 * @param sql      the statement as analysed (normalised, whitespace collapsed): reports shorten it, a
 *                 baseline hashes it
 * @param proved   true when a schema proved the keys the rule relied on; false when conventions inferred them
 * @param suppressedBy null, or how the code suppressed it ({@code @SuppressWarnings("sqllint:Rule")},
 *                 {@code // sqllint:ignore Rule reason}): suppressed findings are counted and reported as such,
 *                 never dropped silently
 */
public record Finding(String rule, Severity severity, Path file, int line, int column, String message, String api,
                      String owner, String sql, boolean proved, String suppressedBy) {

    public Finding withSuppression(String how) {
        return new Finding(rule, severity, file, line, column, message, api, owner, sql, proved, how);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, file, line, column, message, api, owner, sql, proved, suppressedBy);
    }

    public boolean isSuppressed() {
        return suppressedBy != null;
    }
}
