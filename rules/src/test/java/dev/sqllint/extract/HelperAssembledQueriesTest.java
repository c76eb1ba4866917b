package dev.sqllint.extract;

import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.sqllint.extract.ExtractorFixture.summary;
import static dev.sqllint.extract.ExtractorFixture.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HQL assembled in a helper: the callers pass a prefix, the helper appends conditions and issues it on a
 * chained receiver ({@code getSession().createQuery(hql)}); the site is the helper's call, with one statement
 * per caller's prefix and the helper's branches.
 */
class HelperAssembledQueriesTest {

    private final ExtractorFixture fx = new ExtractorFixture();

    @Test
    void aPrefixPassedToAHelperIsFollowedIntoItsAppendsAndChainedSession() {
        fx.source("org/acme/repo/DeviceDao.java", """
                package org.acme.repo;
                import java.util.List;
                import org.hibernate.Session;
                import org.hibernate.SessionFactory;
                class DeviceDao {
                  private SessionFactory sessionFactory;
                  protected Session getSession() {
                    return sessionFactory.getCurrentSession();
                  }
                  List<Object> byTenant(String tenantId, String type) {
                    return find("select d from Device d", tenantId, type);
                  }
                  List<Object> countByTenant(String tenantId) {
                    return find("select count(d) from Device d", tenantId, null);
                  }
                  private List<Object> find(String hql, String tenantId, String type) {
                    hql += " where d.tenantId = :tenantId";
                    if (type != null) {
                      hql += " and d.type = :type";
                    }
                    return getSession().createQuery(hql).list();
                  }
                }
                """);
        List<SqlSite> sites = fx.sites("org/acme/repo/DeviceDao.java");
        assertEquals(List.of("Session.createQuery 21:37: select d from Device d where d.tenantId = :tenantId and d.type = :type"),
                summary(sites));
        assertEquals(List.of(
                "select d from Device d where d.tenantId = :tenantId and d.type = :type",
                "select d from Device d where d.tenantId = :tenantId",
                "select count(d) from Device d where d.tenantId = :tenantId and d.type = :type",
                "select count(d) from Device d where d.tenantId = :tenantId"), texts(sites.get(0)));
        // each part points where it is written: the prefix at its caller, the condition in the helper
        String first = sites.get(0).variants().get(0).text();
        assertEquals(11, sites.get(0).variants().get(0).originAt(first.indexOf("Device")).line());
        assertEquals(17, sites.get(0).variants().get(0).originAt(first.indexOf("tenantId")).line());
    }

    @Test
    void aBuilderParameterAppendedInTheHelperAndPassedOnTwoLevels() {
        fx.source("org/acme/repo/AlarmDao.java", """
                package org.acme.repo;
                import java.util.List;
                import javax.persistence.EntityManager;
                class AlarmDao {
                  private EntityManager em;
                  List<Object> active() {
                    return page(new StringBuilder("select a.id from alarm a"), "a.cleared = false");
                  }
                  private List<Object> page(StringBuilder sql, String condition) {
                    return run(sql.append(" where ").append(condition));
                  }
                  private List<Object> run(StringBuilder sql) {
                    sql.append(" order by a.created_time desc");
                    return em.createNativeQuery(sql.toString()).getResultList();
                  }
                }
                """);
        List<SqlSite> sites = fx.sites("org/acme/repo/AlarmDao.java");
        assertEquals(List.of("select a.id from alarm a where a.cleared = false order by a.created_time desc"), texts(sites.get(0)));
    }
}
