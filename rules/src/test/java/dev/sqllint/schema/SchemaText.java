package dev.sqllint.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema as text, one fact a line with its source, so a test states the whole expected schema at once:
 * <pre>
 * accounts  (V1__create_accounts.sql:3)
 *   primary key (id)  V1__create_accounts.sql:4
 *   unique uq_accounts_account_no (account_no)  V2__add_account_no.sql:2
 * </pre>
 * A unique index is listed as a unique key and again as an index, as the model records it.
 */
final class SchemaText {

    private SchemaText() {
    }

    static String of(Schema schema) {
        return render(schema, true);
    }

    /** The same without sources: what must agree whichever format declared the schema. */
    static String facts(Schema schema) {
        return render(schema, false);
    }

    private static String render(Schema schema, boolean sources) {
        StringBuilder out = new StringBuilder();
        for (Table t : schema.tables()) {
            out.append(t.name()).append(sources ? "  (" + t.source() + ")" : "").append('\n');
            if (!t.keysKnown()) out.append("  keys unknown\n");
            t.primaryKey().ifPresent(k -> line(out, "primary key", k, sources));
            for (Key k : t.uniqueKeys()) line(out, "unique", k, sources);
            for (Key k : t.indexes()) line(out, k.unique() ? "unique index" : "index", k, sources);
            for (ForeignKey fk : t.foreignKeys()) {
                out.append("  foreign key ").append(fk.name() == null ? "" : fk.name() + " ")
                        .append(columns(fk.columns())).append(" -> ").append(fk.referencedTable()).append(' ')
                        .append(columns(fk.referencedColumns())).append(sources ? "  " + fk.source() : "").append('\n');
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String kind, Key k, boolean sources) {
        out.append("  ").append(kind).append(' ').append(k.name() == null ? "" : k.name() + " ")
                .append(columns(k.columns())).append(sources ? "  " + k.source() : "").append('\n');
    }

    private static String columns(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }

    /** Collects reports as {@code file:line: reason} with the file name only. */
    static final class Problems implements SchemaProblems {
        final List<String> reported = new ArrayList<>();

        @Override
        public void report(Path file, int line, String reason) {
            reported.add(file.getFileName() + ":" + line + ": " + reason);
        }
    }
}
