package dev.sqllint.extract;

import static dev.sqllint.extract.ExtractorFixture.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.sql.Placeholders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queries assembled from pieces: a number or an underscore glued to a name continues the name. */
class TemplateFoldingTest {

    private static final String D = Placeholders.DYNAMIC;
    private final ExtractorFixture fx = new ExtractorFixture();

    @Test
    void aNumberOrAnUnderscoreContinuesTheName() {
        fx.source("org/acme/relation/PathQuery.java", """
                package org.acme.relation;
                import org.springframework.jdbc.core.JdbcTemplate;
                class PathQuery {
                  private final JdbcTemplate jdbc;
                  PathQuery(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object path(int i, String suffix, String alias) {
                    String cte = "lvl" + (i + 1);
                    return jdbc.queryForList("WITH " + cte + " AS (SELECT id FROM tb_" + suffix + ") SELECT " + alias
                        + "_value FROM " + cte);
                  }
                }
                """);
        assertEquals(List.of("WITH lvl" + D + " AS (SELECT id FROM tb_" + D + " ) SELECT  " + D + "_value FROM lvl" + D),
                texts(fx.sites("org/acme/relation/PathQuery.java").get(0)));
    }
}
