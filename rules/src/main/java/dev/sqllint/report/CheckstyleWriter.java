package dev.sqllint.report;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.rules.Rules;
import dev.sqllint.rules.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes findings in Checkstyle's XML result format, which reviewdog ({@code -f=checkstyle}) turns into pull
 * request comments and Jenkins warnings-ng ({@code checkStyle} parser) into build warnings:
 *
 * <pre>{@code
 * <checkstyle version="4.3">
 *   <file name="/abs/src/main/java/com/acme/TrackDao.java">
 *     <error line="6" column="77" severity="warning" message="..." source="sqllint.OrAcrossAccessPaths"/>
 *   </file>
 * </checkstyle>
 * }</pre>
 *
 * File names are absolute (both readers map them to the workspace); files are sorted by path and errors by
 * line, column and rule, so two runs over the same code write the same bytes. Suppressed findings are left
 * out: the format has no notion of suppression, and a reader would report them as live. The message ends
 * with the rule's fix, which is what a reviewer reading the comment needs next.
 */
public final class CheckstyleWriter {

    /** The format version, as other non-Checkstyle tools (ESLint, detekt) write it; readers ignore it. */
    static final String FORMAT_VERSION = "4.3";

    private CheckstyleWriter() {
    }

    public static void write(AnalysisResult result, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(tmp, xml(result.findings()), StandardCharsets.UTF_8);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String xml(List<Finding> findings) {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        for (Finding f : findings) {
            if (f.isSuppressed()) continue;
            byFile.computeIfAbsent(f.file().toAbsolutePath().normalize().toString(), k -> new ArrayList<>()).add(f);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<checkstyle version=\"").append(FORMAT_VERSION).append("\">\n");
        for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
            xml.append("  <file name=\"").append(attribute(file.getKey())).append("\">\n");
            List<Finding> sorted = file.getValue().stream()
                    .sorted(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column).thenComparing(Finding::rule))
                    .toList();
            for (Finding f : sorted) {
                xml.append("    <error line=\"").append(f.line()).append("\" column=\"").append(f.column())
                        .append("\" severity=\"").append(severity(f.severity()))
                        .append("\" message=\"").append(attribute(message(f)))
                        .append("\" source=\"").append(attribute("sqllint." + f.rule())).append("\"/>\n");
            }
            xml.append("  </file>\n");
        }
        return xml.append("</checkstyle>\n").toString();
    }

    /** Checkstyle's severities: {@code error}, {@code warning}, {@code info}. */
    static String severity(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "info";
        };
    }

    private static String message(Finding f) {
        String fix = Rules.named(f.rule()).map(r -> " Fix: " + r.info().fix() + ".").orElse("");
        return f.message() + fix;
    }

    /**
     * Escapes an attribute value: markup characters as entities; tab, newline and carriage return as
     * character references so attribute normalisation keeps them; characters XML 1.0 forbids (other control
     * characters, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD, as a reader would reject the file.
     */
    static String attribute(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
