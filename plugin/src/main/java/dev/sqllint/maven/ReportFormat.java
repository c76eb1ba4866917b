package dev.sqllint.maven;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report files {@code check} can write under {@code target/sqllint}, chosen with {@code sqllint.formats}.
 * SARIF is for GitHub code scanning and IDEs; checkstyle XML for reviewdog and Jenkins warnings-ng.
 */
enum ReportFormat {
    SARIF("sqllint.sarif"),
    CHECKSTYLE("checkstyle-result.xml");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return fileName;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a comma list such as {@code sarif,checkstyle} (case and blanks ignored).
     *
     * @throws IllegalArgumentException naming the unknown format and the valid ones
     */
    static Set<ReportFormat> parse(String list) {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        if (list == null) return formats;
        for (String item : list.split(",")) {
            String id = item.trim().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) continue;
            formats.add(Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown report format '" + item.trim()
                            + "'; valid formats: " + validIds())));
        }
        return formats;
    }

    static String validIds() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }
}
