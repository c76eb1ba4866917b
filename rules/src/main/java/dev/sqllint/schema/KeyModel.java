package dev.sqllint.schema;

import java.util.Optional;
import java.util.Set;

/**
 * What the rules need to know about the database: which column sets are unique (so a join or a
 * correlation is to-one), and which tables are append-only histories. Answers carry the evidence that
 * backs them, so a message can say why.
 */
public interface KeyModel {

    /** Evidence that {@code columns} cover a unique key of {@code table}, or empty when they do not. */
    Optional<Evidence> uniqueKeyCovered(String table, Set<String> columns);

    /** Evidence that {@code table} is an append-only history (events, runs, logs), or empty. */
    Optional<Evidence> historyTable(String table);

    /** Whether the column holds a point in time (ordering by it means "latest first"). */
    boolean isTimestamp(String column);

    /** Why an answer holds, and whether a schema proved it or a naming convention suggested it. */
    record Evidence(String reason, boolean proved) {
        public static Evidence convention(String reason) {
            return new Evidence(reason, false);
        }
    }
}
