package dev.sqllint.schema;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Liquibase "formatted SQL" changelog: a file starting {@code --liquibase formatted sql}, cut into
 * changesets by {@code --changeset author:id} lines. Each changeset's SQL is replayed through {@link SqlDdl}
 * with the file's own line numbers; {@code --rollback} and the other directives are SQL comments, so they
 * never run. Lines between {@code --ignoreLines:start} and {@code --ignoreLines:end} are left out.
 */
final class FormattedSqlChangelog {

    private static final Pattern HEADER = Pattern.compile("(?i)\\s*--\\s*liquibase\\s+formatted\\s+sql\\b.*");
    private static final Pattern CHANGESET = Pattern.compile("(?i)\\s*--\\s*changeset\\s+(?:\"[^\"]*\"|[^:\\s]+):(\\S+).*");
    private static final Pattern IGNORE_START = Pattern.compile("(?i)\\s*--\\s*ignoreLines:start\\s*");
    private static final Pattern IGNORE_END = Pattern.compile("(?i)\\s*--\\s*ignoreLines:end\\s*");

    private FormattedSqlChangelog() {
    }

    /** Whether the first non-blank line is the {@code --liquibase formatted sql} header. */
    static boolean isFormatted(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().map(l -> HEADER.matcher(l).matches()).orElse(false);
    }

    static void replay(String text, Path file, Schema schema, SchemaProblems problems) {
        String[] lines = text.split("\n", -1);
        StringBuilder block = new StringBuilder();
        String changeSet = null;
        int firstLine = 0;
        boolean ignoring = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m = CHANGESET.matcher(line);
            if (m.matches()) {
                flush(block, changeSet, firstLine, file, schema, problems);
                changeSet = m.group(1);
                firstLine = i + 2;
                block.setLength(0);
                ignoring = false;
                continue;
            }
            if (IGNORE_START.matcher(line).matches()) ignoring = true;
            boolean keep = changeSet != null && !ignoring;
            if (IGNORE_END.matcher(line).matches()) ignoring = false;
            if (changeSet != null) block.append(keep ? line : "").append('\n');
        }
        flush(block, changeSet, firstLine, file, schema, problems);
    }

    private static void flush(StringBuilder block, String changeSet, int firstLine, Path file, Schema schema,
                              SchemaProblems problems) {
        if (changeSet == null || block.toString().isBlank()) return;
        SqlDdl.apply(block.toString(), file, firstLine, " (changeSet " + changeSet + ")", schema, problems);
    }
}
