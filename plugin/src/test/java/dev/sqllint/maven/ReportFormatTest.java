package dev.sqllint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void commaListCaseAndBlanksIgnored() {
        assertEquals(EnumSet.of(ReportFormat.SARIF, ReportFormat.CHECKSTYLE), ReportFormat.parse("sarif, Checkstyle"));
        assertEquals(EnumSet.of(ReportFormat.CHECKSTYLE), ReportFormat.parse("checkstyle,"));
        assertEquals(Set.of(), ReportFormat.parse(""));
    }

    @Test
    void unknownFormatNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse("sarif,html"));

        assertEquals("unknown report format 'html'; valid formats: sarif, checkstyle", e.getMessage());
    }

    @Test
    void fileNamesUnderTargetSqllint() {
        assertEquals("sqllint.sarif", ReportFormat.SARIF.fileName());
        assertEquals("checkstyle-result.xml", ReportFormat.CHECKSTYLE.fileName());
    }
}
