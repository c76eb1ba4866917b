package dev.sqllint.maven;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.report.ConsoleReport;
import dev.sqllint.rules.Rule;
import dev.sqllint.rules.RuleInfo;
import dev.sqllint.rules.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.doxia.sink.Sink;

/**
 * The {@code sqllint:report} page, written as Doxia sink events so {@code mvn site} lays it out in the
 * project's skin: a summary, a table of findings per rule (with what each rule finds and its fix, linking
 * to each finding), then each file's findings with line, column, rule, message and fix. Suppressed findings
 * are counted, not listed.
 */
final class FindingsPage {

    static final String TITLE = "sqllint";

    private final AnalysisResult result;
    private final Path projectDir;
    private final List<Finding> live;

    FindingsPage(AnalysisResult result, Path projectDir) {
        this.result = result;
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.live = result.findings().stream().filter(f -> !f.isSuppressed()).toList();
    }

    void render(Sink sink) {
        sink.head();
        sink.title();
        sink.text(TITLE);
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text("sqllint: slow SQL query shapes");
        sink.sectionTitle1_();
        summary(sink);
        if (!live.isEmpty()) {
            perRule(sink);
            perFile(sink);
        }
        sink.section1_();
        sink.body_();
        sink.flush();
        sink.close();
    }

    private void summary(Sink sink) {
        paragraph(sink, ConsoleReport.count(result.filesScanned(), "file") + " scanned, " + ConsoleReport.count(result.sqlSites(), "SQL site")
                + " found, " + ConsoleReport.count(result.statementsParsed(), "statement") + " parsed, "
                + result.statementsNotParsed() + " not parsed.");
        long suppressed = result.findings().size() - live.size();
        String found = live.isEmpty() ? "No slow query shapes found."
                : live.size() + (live.size() == 1 ? " finding in " : " findings in ") + byFile().size()
                        + (byFile().size() == 1 ? " file." : " files.");
        paragraph(sink, found + (suppressed > 0 ? " " + suppressed + " suppressed in the code, not listed." : ""));
    }

    private void perRule(Sink sink) {
        sink.section2();
        sink.sectionTitle2();
        sink.text("Findings per rule");
        sink.sectionTitle2_();
        sink.table();
        sink.tableRows();
        headerRow(sink, "Rule", "Severity", "Findings", "What it finds", "Fix");
        for (Rule rule : Rules.all()) {
            RuleInfo info = rule.info();
            List<Finding> own = live.stream().filter(f -> f.rule().equals(info.name())).toList();
            sink.tableRow();
            cell(sink, info.name());
            cell(sink, info.severity().name().toLowerCase());
            cell(sink, String.valueOf(own.size()));
            cell(sink, info.summary());
            cell(sink, info.fix());
            sink.tableRow_();
        }
        sink.tableRows_();
        sink.table_();
        for (Rule rule : Rules.all()) {
            String name = rule.info().name();
            List<Finding> own = live.stream().filter(f -> f.rule().equals(name)).toList();
            if (own.isEmpty()) continue;
            sink.section3();
            sink.sectionTitle3();
            sink.text(name);
            sink.sectionTitle3_();
            sink.list();
            for (Finding f : own) {
                sink.listItem();
                sink.link("#" + anchor(f));
                sink.monospaced();
                sink.text(relative(f.file()) + ":" + f.line() + ":" + f.column());
                sink.monospaced_();
                sink.link_();
                sink.text(" in " + f.owner());
                sink.listItem_();
            }
            sink.list_();
            sink.section3_();
        }
        sink.section2_();
    }

    private void perFile(Sink sink) {
        sink.section2();
        sink.sectionTitle2();
        sink.text("Findings per file");
        sink.sectionTitle2_();
        for (Map.Entry<String, List<Finding>> file : byFile().entrySet()) {
            sink.section3();
            sink.sectionTitle3();
            sink.text(file.getKey());
            sink.sectionTitle3_();
            sink.table();
            sink.tableRows();
            headerRow(sink, "Line", "Column", "Rule", "Message", "Fix");
            for (Finding f : file.getValue()) {
                sink.tableRow();
                sink.tableCell();
                sink.anchor(anchor(f));
                sink.text(String.valueOf(f.line()));
                sink.anchor_();
                sink.tableCell_();
                cell(sink, String.valueOf(f.column()));
                cell(sink, f.rule());
                cell(sink, f.message());
                cell(sink, Rules.named(f.rule()).map(r -> r.info().fix()).orElse(""));
                sink.tableRow_();
            }
            sink.tableRows_();
            sink.table_();
            sink.section3_();
        }
        sink.section2_();
    }

    /** Findings by path relative to the project, in path order; each file's findings in line order. */
    private Map<String, List<Finding>> byFile() {
        Map<String, List<Finding>> files = new TreeMap<>();
        for (Finding f : live) files.computeIfAbsent(relative(f.file()), k -> new ArrayList<>()).add(f);
        return files;
    }

    private String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(projectDir) ? projectDir.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private String anchor(Finding f) {
        return "sqllint-" + relative(f.file()).replaceAll("[^A-Za-z0-9]+", "-") + "-" + f.line() + "-" + f.column() + "-" + f.rule();
    }

    private static void paragraph(Sink sink, String text) {
        sink.paragraph();
        sink.text(text);
        sink.paragraph_();
    }

    private static void headerRow(Sink sink, String... names) {
        sink.tableRow();
        for (String name : names) {
            sink.tableHeaderCell();
            sink.text(name);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
    }

    private static void cell(Sink sink, String text) {
        sink.tableCell();
        sink.text(text);
        sink.tableCell_();
    }
}
