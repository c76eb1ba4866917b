package dev.sqllint.rules;

import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

class OrAcrossAccessPathsTest {

    private final LintTestHelper helper = LintTestHelper.forRule(OrAcrossAccessPaths.class);

    @Test
    void ownerOrCollaboratorSubqueryInSpringDataQuery() {
        helper.addSource("com/acme/TrackRepository.java", """
                package com.acme;
                import java.util.List;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.data.jpa.repository.Query;
                interface TrackRepository extends JpaRepository<Track, Long> {
                  @Query(value = "SELECT t.* FROM tracks t "
                      // BUG: OrAcrossAccessPaths at OR
                      + "WHERE t.owner_id = :userId OR t.track_id IN ("
                      + "  SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = :userId)",
                      nativeQuery = true)
                  List<Track> visibleTo(long userId);
                }
                """).doTest();
    }

    @Test
    void orExistsInsideALargerConditionViaJdbc() {
        helper.addSource("com/acme/InvoiceDao.java", """
                package com.acme;
                import java.sql.Connection;
                import java.sql.PreparedStatement;
                class InvoiceDao {
                  PreparedStatement visible(Connection c) throws Exception {
                    return c.prepareStatement(\"""
                        SELECT i.* FROM invoices i
                        WHERE i.status <> 'void'
                          -- BUG: OrAcrossAccessPaths at OR
                          AND (i.customer_id = ? OR EXISTS (
                                SELECT 1 FROM invoice_shares s WHERE s.invoice_id = i.id AND s.shared_with = ?))
                        \""");
                  }
                }
                """).doTest();
    }

    @Test
    void aWhereThatIsOneParenthesisedOr() {
        helper.addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.JdbcTemplate;
                class TrackDao {
                  JdbcTemplate jdbc;
                  Object tracks() {
                    // BUG: OrAcrossAccessPaths at OR
                    return jdbc.queryForList("SELECT t.* FROM tracks t WHERE (t.owner_id = ? OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?))");
                  }
                }
                """).doTest();
    }

    @Test
    void fixesAndLookAlikesAreFine() {
        helper.addSource("com/acme/TrackDao.java", """
                package com.acme;
                import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
                class TrackDao {
                  private NamedParameterJdbcTemplate jdbc;
                  void queries(java.util.Map<String, ?> p) {
                    // the fix: two indexable tests, the planner ORs two index bitmaps
                    jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = :userId OR t.track_id = ANY(:ids)", p);
                    // OR on the same access path
                    jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.status = 'draft' OR t.status = 'review'", p);
                    // AND with an IN subquery
                    jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = :u AND t.track_id IN "
                        + "(SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = :u)", p);
                    // OR of two EXISTS: both are semi-joins, nothing indexable is lost
                    jdbc.queryForList("SELECT r.id FROM review_requests r WHERE EXISTS (SELECT 1 FROM groups g WHERE g.rr_id = r.id) "
                        + "OR EXISTS (SELECT 1 FROM people p WHERE p.rr_id = r.id)", p);
                    // same column on both sides of the OR
                    jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.track_id = :id OR t.track_id IN "
                        + "(SELECT f.track_id FROM featured f)", p);
                    // two plain columns: a BitmapOr
                    jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = :u OR t.label_id = :l", p);
                  }
                }
                """).expectNoFindings(6);
    }
}
