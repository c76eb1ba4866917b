package dev.sqllint.schema;

import java.util.List;

/** {@code columns} of one table reference {@code referencedColumns} of {@code referencedTable}. */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         String source) {

    public ForeignKey {
        columns = columns.stream().map(Schema::normalize).toList();
        referencedTable = Schema.normalize(referencedTable);
        referencedColumns = referencedColumns == null ? List.of() : referencedColumns.stream().map(Schema::normalize).toList();
        name = name == null ? null : Schema.normalize(name);
    }
}
