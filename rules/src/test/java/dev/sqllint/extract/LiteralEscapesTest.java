package dev.sqllint.extract;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.sqllint.extract.ExtractorFixture.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** String literals and text blocks read exactly as javac reads them, each character at its place; found by fuzzing. */
class LiteralEscapesTest {

    private final ExtractorFixture fx = new ExtractorFixture();

    @Test
    void anOctalEscapeFromFourUpTakesTwoDigits() {
        // "\477" is "\47" (an apostrophe) followed by '7': only \0 to \377 take three digits
        fx.source("com/acme/Notes.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class Notes {
                  JdbcTemplate jdbc;
                  Object byCode() {
                    return jdbc.queryForList("SELECT n.id FROM notes n WHERE n.code = '\\1017\\477");
                  }
                }
                """);
        assertEquals(List.of("SELECT n.id FROM notes n WHERE n.code = 'A7'7"), texts(fx.sites("com/acme/Notes.java").get(0)));
    }

    @Test
    void aTextBlockLineLosesTrailingWhiteSpaceBeyondAscii() {
        // javac strips any trailing Character.isWhitespace, here an EM SPACE (U+2003) after the '?'; put in
        // by replace() because this test's own text block would lose it too
        fx.source("com/acme/Tags.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class Tags {
                  JdbcTemplate jdbc;
                  Object byName() {
                    return jdbc.queryForList(\"""
                        SELECT t.id FROM tags t WHERE t.name = ?<EM SPACE>
                        ORDER BY t.id
                        \""");
                  }
                }
                """.replace("<EM SPACE>", "\u2003"));
        assertEquals(List.of("SELECT t.id FROM tags t WHERE t.name = ?\nORDER BY t.id\n"),
                texts(fx.sites("com/acme/Tags.java").get(0)));
    }

    @Test
    void theLineBreakOfABlankLineInATextBlockIsOnThatLine() {
        fx.source("com/acme/Runs.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class Runs {
                  JdbcTemplate jdbc;
                  Object recent() {
                    return jdbc.queryForList(\"""
                        SELECT r.id FROM saved_runs r

                        ORDER BY r.updated_at DESC
                        \""");
                  }
                }
                """);
        SqlText sql = fx.sites("com/acme/Runs.java").get(0).variants().get(0);
        int blankLineBreak = sql.text().indexOf("\n\n") + 1;
        Origin o = sql.originAt(blankLineBreak);
        assertEquals("8:1", o.line() + ":" + o.column()); // line 8 is empty: it was column 9, past its end
    }

    @Test
    void blanksAfterTheOpeningDelimiterOfATextBlockAddNoLine() {
        // found by fuzzing: JavaParser keeps them and the line break in the value, so the SQL began with a
        // line break and every character was one line too low; put in by replace(), javac would strip them here
        fx.source("com/acme/Topics.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class Topics {
                  JdbcTemplate jdbc;
                  Object unread() {
                    return jdbc.queryForList(\"""<BLANKS>
                        SELECT t.id FROM topics t
                        WHERE t.updated_at >= ?
                        \""");
                  }
                }
                """.replace("<BLANKS>", "   "));
        SqlText sql = fx.sites("com/acme/Topics.java").get(0).variants().get(0);
        assertEquals("SELECT t.id FROM topics t\nWHERE t.updated_at >= ?\n", sql.text());
        Origin where = sql.originAt(sql.text().indexOf("WHERE"));
        assertEquals("8:9", where.line() + ":" + where.column());
    }

    @Test
    void aLoneCarriageReturnEndsATextBlockLine() {
        // found by fuzzing: old Mac line ends; the line after the CR was read as part of the one before
        fx.source("com/acme/Flows.java", String.join("\r", "package com.acme;",
                "import org.springframework.jdbc.core.JdbcTemplate;",
                "class Flows {",
                "  JdbcTemplate jdbc;",
                "  Object runs() {",
                "    return jdbc.queryForList(\"\"\"",
                "        SELECT fr.id FROM flow_run fr",
                "        WHERE fr.flow_id = ?",
                "        \"\"\");",
                "  }",
                "}", ""));
        SqlText sql = fx.sites("com/acme/Flows.java").get(0).variants().get(0);
        assertEquals("SELECT fr.id FROM flow_run fr\nWHERE fr.flow_id = ?\n", sql.text());
        Origin where = sql.originAt(sql.text().indexOf("WHERE"));
        assertEquals("8:9", where.line() + ":" + where.column());
    }
}
