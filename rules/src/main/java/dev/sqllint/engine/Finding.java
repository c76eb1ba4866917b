package dev.sqllint.engine;

import dev.sqllint.rules.Severity;
import java.nio.file.Path;

/**
 * A rule violation at a Java source position.
 *
 * @param api      what issued the SQL ({@code JdbcTemplate.query}, {@code @Query})
 * @param owner    the enclosing {@code Class.member}
 * @param sql      the statement as analysed (normalised), for reports
 * @param proved   true when a schema proved the keys the rule relied on; false when conventions inferred them
 */
public record Finding(String rule, Severity severity, Path file, int line, int column, String message, String api,
                      String owner, String sql, boolean proved) {
}
