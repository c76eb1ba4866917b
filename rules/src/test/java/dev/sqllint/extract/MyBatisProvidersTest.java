package dev.sqllint.extract;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MyBatis {@code @SelectProvider}: the statement is what the provider method returns. */
class MyBatisProvidersTest {

    private static final String PROVIDER = """
            package com.acme.tracks;

            public class TrackSqlProvider {
                private static final String COLUMNS = "t.track_id, t.title";

                public static String visibleTo(long userId) {
                    return "SELECT " + COLUMNS + " FROM tracks t WHERE t.owner_id = #{userId} OR t.track_id IN "
                            + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = #{userId})";
                }

                public String ownedBy(String order) {
                    String sql = "SELECT " + COLUMNS + " FROM tracks t WHERE t.owner_id = #{userId}";
                    if (order != null) {
                        sql += " ORDER BY t.title";
                    }
                    return sql;
                }
            }
            """;

    @Test
    void theProvidersStatementIsCheckedAndReportedAtTheAnnotationWhenItLivesInAnotherFile() {
        AnalysisResult r = LintTestHelper.forAllRules()
                .addSource("com/acme/tracks/TrackSqlProvider.java", PROVIDER)
                .addSource("com/acme/tracks/TrackMapper.java", """
                        package com.acme.tracks;

                        import java.util.List;
                        import org.apache.ibatis.annotations.Mapper;
                        import org.apache.ibatis.annotations.SelectProvider;

                        @Mapper
                        public interface TrackMapper {
                            // BUG: OrAcrossAccessPaths at @SelectProvider
                            @SelectProvider(type = TrackSqlProvider.class, method = "visibleTo")
                            List<Track> visibleTo(long userId);

                            @SelectProvider(TrackSqlProvider.class)
                            List<Track> ownedBy(String order);
                        }
                        """)
                .doTest();
        assertEquals(3, r.statementsParsed(), "visibleTo, and ownedBy with and without ORDER BY");
        assertTrue(r.findings().get(0).message().contains("[SQL from TrackSqlProvider.visibleTo()"), r.findings().get(0).message());
    }

    @Test
    void aProviderNestedInTheMapperIsReportedAtTheClauseItself() {
        LintTestHelper.forAllRules()
                .addSource("com/acme/topics/TopicMapper.java", """
                        package com.acme.topics;

                        import java.util.List;
                        import org.apache.ibatis.annotations.SelectProvider;

                        public interface TopicMapper {
                            @SelectProvider(type = Sql.class, method = "mine")
                            List<Long> mine(long userId);

                            class Sql {
                                public static String mine() {
                                    return "SELECT t.id FROM topics t WHERE t.user_id = #{userId} "
                                            // BUG: OrAcrossAccessPaths at OR
                                            + "OR t.id IN (SELECT s.topic_id FROM subscriptions s WHERE s.user_id = #{userId})";
                                }
                            }
                        }
                        """)
                .doTest();
    }

    @Test
    void aProviderThatIsNotInTheSourcesIsAnUnresolvedSiteNotAGuess() {
        AnalysisResult r = LintTestHelper.forAllRules()
                .addSource("com/acme/Users.java", """
                        package com.acme;

                        import org.apache.ibatis.annotations.SelectProvider;

                        public interface Users {
                            @SelectProvider(type = com.vendor.UserSql.class, method = "all")
                            java.util.List<Long> all();

                            @org.apache.ibatis.annotations.Select("SELECT u.id FROM users u WHERE u.id = #{id}")
                            Long one(long id);
                        }
                        """)
                .expectNoFindings(1);
        assertEquals(1, r.sources().unresolved().size());
        assertEquals("@SelectProvider", r.sources().unresolved().get(0).api());
    }
}
