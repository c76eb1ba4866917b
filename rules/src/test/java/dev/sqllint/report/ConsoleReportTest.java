package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Diagnostic;
import dev.sqllint.engine.Finding;
import dev.sqllint.testing.LintTestHelper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Console lines an IDE can follow: IntelliJ links a Maven log line of the form {@code [LEVEL] /path:[line,column]}. */
class ConsoleReportTest {

    /**
     * IntelliJ's Maven console filter (MavenConsoleFilterProvider: a {@code [LEVEL]} prefix, then RegexpFilter's
     * file path, line and column macros as {@code path:[line,column]}), written out.
     */
    private static final Pattern INTELLIJ_MAVEN_LINK =
            Pattern.compile("(?:^|(?:\\[\\w+\\]\\s*)( /)?)((?:\\p{Alpha}:)?[0-9 a-z_A-Z\\-\\\\./]+):\\[(\\d+),(\\d+)]");

    @Test
    void findingLineIsALinkToItsLineAndColumnInIntellij() {
        AnalysisResult r = LintTestHelper.forAllRules().addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  Object visible() {
                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                        + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)");
                  }
                }
                """).run();
        Finding f = r.findings().get(0);

        Matcher m = INTELLIJ_MAVEN_LINK.matcher("[WARNING] " + ConsoleReport.finding(f));
        assertTrue(m.find(), ConsoleReport.finding(f));
        assertEquals(f.file().toAbsolutePath().toString(), m.group(2));
        assertEquals(f.line() + ":" + f.column(), m.group(3) + ":" + m.group(4));
    }

    /** The warnings for a Java file that does not parse and for a misspelt rule name link the same way. */
    @Test
    void skippedFileAndMisspeltRuleNameLinesAreLinksToo() {
        AnalysisResult r = LintTestHelper.forAllRules()
                .addSource("com/acme/Broken.java", "package com.acme;\nclass Broken {\n  void m( {\n    jdbc.query(\"select 1 from t\");\n")
                .addSource("com/acme/TrackDao.java", """
                        package com.acme;
                        class TrackDao {
                          @SuppressWarnings("sqllint:JoinForScalarOnlyy")
                          void m() {}
                        }
                        """).run();
        List<Diagnostic> lines = r.diagnostics().stream()
                .filter(d -> d.kind() == Diagnostic.Kind.JAVA_NOT_PARSED || d.kind() == Diagnostic.Kind.UNKNOWN_RULE_NAME)
                .toList();
        assertEquals(2, lines.size(), r.diagnostics().toString());
        for (Diagnostic d : lines) {
            Matcher m = INTELLIJ_MAVEN_LINK.matcher("[WARNING] " + ConsoleReport.diagnostic(d));
            assertTrue(m.find(), ConsoleReport.diagnostic(d));
            assertEquals(d.file().toAbsolutePath().toString(), m.group(2));
            assertEquals(d.line() + ":" + Math.max(1, d.column()), m.group(3) + ":" + m.group(4));
        }
    }
}
