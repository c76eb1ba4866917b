package dev.sqllint.rules;

import dev.sqllint.sql.ParsedSql;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a statement comes from a schema migration (a Flyway Java migration such as
 * {@code db/migration/V12__Backfill.java}, or a class in a {@code migration(s)} folder): it runs once, on
 * purpose over whole tables, so advice about per-request cost does not apply to it.
 */
final class MigrationCode {

    private static final Pattern FLYWAY_NAME = Pattern.compile("[VRU]\\d+(?:[._]\\d+)*__\\w+\\.\\w+");

    private MigrationCode() {
    }

    static boolean isMigration(ParsedSql sql) {
        if (sql.sql().isEmpty()) return false;
        Path file = sql.text().originAt(0).file();
        if (file == null) return false;
        if (file.getFileName() != null && FLYWAY_NAME.matcher(file.getFileName().toString()).matches()) return true;
        for (Path part : file) {
            String dir = part.toString().toLowerCase(Locale.ROOT);
            if (dir.equals("migration") || dir.equals("migrations")) return true;
        }
        return false;
    }
}
