package dev.sqllint.extract;

import dev.sqllint.sql.Placeholders;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.sqllint.extract.ExtractorFixture.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Queries assembled from templates: {@code String.format} and {@code String.replace} on known text are
 * filled in, and a number or an underscore glued to a name continues the name.
 */
class TemplateFoldingTest {

    private static final String D = Placeholders.DYNAMIC;
    private final ExtractorFixture fx = new ExtractorFixture();

    @Test
    void formatAndReplaceTemplatesAreFilledIn() {
        fx.source("org/acme/relation/RelationQueries.java", """
                package org.acme.relation;
                import org.springframework.jdbc.core.JdbcTemplate;
                class RelationQueries {
                  private static final String TEMPLATE = "SELECT r.to_id FROM relation r WHERE r.$in_id = ? AND r.lvl <= %d";
                  private static final String FROM_TEMPLATE = TEMPLATE.replace("$in", "from");
                  private final JdbcTemplate jdbc;
                  RelationQueries(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object related(String where, int maxLevel) {
                    String main = String.format(FROM_TEMPLATE, maxLevel);
                    String count = String.format("select count(*) from (%s) result where %s %%", main, where);
                    return jdbc.queryForObject(count, Long.class);
                  }
                }
                """);
        assertEquals(List.of("select count(*) from (SELECT r.to_id FROM relation r WHERE r.from_id = ? AND r.lvl <= " + D
                + ") result where  " + D + "  %"), texts(fx.sites("org/acme/relation/RelationQueries.java").get(0)));
    }

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

    @Test
    void valuesOfNeighbouringSpecifiersStayApart() {
        // "%s%s": the direction, then an unknown NULLS clause; the unknown is no suffix of "asc"
        fx.source("org/acme/entity/EntityQuery.java", """
                package org.acme.entity;
                import org.springframework.jdbc.core.JdbcTemplate;
                class EntityQuery {
                  private final JdbcTemplate jdbc;
                  EntityQuery(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                  Object page(boolean ascending, String nulls) {
                    String direction = ascending ? "asc" : "desc";
                    String sql = String.format("SELECT e.id FROM entity e ORDER BY e.created_time %s%s, e.id", direction, nulls);
                    return jdbc.queryForList(sql);
                  }
                }
                """);
        assertEquals(List.of("SELECT e.id FROM entity e ORDER BY e.created_time asc " + D + " , e.id",
                        "SELECT e.id FROM entity e ORDER BY e.created_time desc " + D + " , e.id"),
                texts(fx.sites("org/acme/entity/EntityQuery.java").get(0)));
    }
}
