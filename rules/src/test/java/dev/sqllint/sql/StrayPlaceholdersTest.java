package dev.sqllint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A placeholder standing for a whole clause (a LIMIT from a dialect helper, an ORDER BY direction) is parsed around. */
class StrayPlaceholdersTest {

    private static final String D = Placeholders.DYNAMIC;
    private final SqlParser parser = new SqlParser(Duration.ofSeconds(5));

    @AfterEach
    void close() {
        parser.close();
    }

    private static SqlText sql(String text) {
        return SqlText.of(text, Origin.at(Path.of("A.java"), 1, 1));
    }

    @Test
    void aTrailingClausePlaceholderIsBlankedAndTheRestParses() {
        // "select ... where smo.status_enum = ? " + sqlGenerator.limit(100)
        SqlParser.Result r = parser.parse(sql("select smo.id from sms_messages_outbound smo where smo.status_enum = ?  " + D + " "));
        assertTrue(r.ok(), r.failure());
        assertEquals("select smo.id from sms_messages_outbound smo where smo.status_enum = ?  " + " ".repeat(D.length()) + " ",
                r.parsed().sql());
    }

    @Test
    void orderByColumnThenDirectionKeepsTheColumn() {
        // " order by " + searchParameters.getOrderBy() + ' ' + searchParameters.getSortOrder()
        SqlParser.Result r = parser.parse(sql("select g.id from m_group g order by  " + D + "   " + D + "  limit 200"));
        assertTrue(r.ok(), r.failure());
        assertEquals("select g.id from m_group g order by  " + D + "   " + " ".repeat(D.length()) + "  limit 200", r.parsed().sql());
    }

    @Test
    void aPlaceholderTheGrammarAcceptsIsKeptAndOtherFailuresStayFailures() {
        assertEquals("select " + D + " from t", parser.parse(sql("select " + D + " from t")).parsed().sql());
        SqlParser.Result bad = parser.parse(sql("select a from t where and b = 1"));
        assertFalse(bad.ok());
        assertTrue(bad.failure().contains("\"where\""), bad.failure()); // the first failure is the one reported
    }
}
