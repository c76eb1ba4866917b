package dev.sqllint.schema;

import java.util.List;

/**
 * A primary key, unique constraint, unique index or plain index: its column list (lower case, in order),
 * its name when it has one, and the source that declared it ({@code V2__accounts.sql:14},
 * {@code Account.java @Column(unique)}), quoted in messages as evidence.
 */
public record Key(String name, List<String> columns, boolean unique, String source) {

    public Key {
        columns = columns.stream().map(Schema::normalize).toList();
        name = name == null ? null : Schema.normalize(name);
    }
}
