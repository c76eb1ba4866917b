package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.engine.AnalysisResult;
import dev.sqllint.engine.Finding;
import dev.sqllint.sql.Dialect;
import dev.sqllint.testing.LintTestHelper;
import org.junit.jupiter.api.Test;

/**
 * DistinctOverFanOutJoin on the shapes real projects write (issue 12 item 4, issue 10 items 2 and 3): a fan-out
 * is claimed only from declared keys or a naming convention strong enough to prove it, a list ({@code = ANY(?)},
 * {@code IN (?, ?)}) never pins one row, and only a join that multiplies the driving rows is blamed.
 */
class DistinctOverFanOutJoinShapesTest {

    private static final String ACCOUNTS = """
            CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, region VARCHAR(10));
            CREATE TABLE account_tags (
                account_id BIGINT NOT NULL REFERENCES accounts (id),
                tag        VARCHAR(40) NOT NULL,
                PRIMARY KEY (account_id, tag)
            );
            """;

    @Test
    void countDistinctOverATagJoinBuiltInJavaWithAnyOfTags() {
        AnalysisResult r = LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addResource("db/migration/V1__accounts.sql", ACCOUNTS)
                .addSource("com/acme/accounts/AccountSearchDao.java", """
                        package com.acme.accounts;
                        import java.util.List;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class AccountSearchDao {
                          private final JdbcTemplate jdbc;
                          AccountSearchDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                          long countTagged(String region, String[] tags) {
                            StringBuilder sql = new StringBuilder();
                            // BUG: DistinctOverFanOutJoin at DISTINCT
                            sql.append("SELECT count(DISTINCT a.id) FROM accounts a ");
                            sql.append("JOIN account_tags t ON t.account_id = a.id ");
                            sql.append("WHERE t.tag = ANY(?)");
                            if (region != null) sql.append(" AND a.region = ?");
                            return jdbc.queryForObject(sql.toString(), Long.class, tags);
                          }
                        }
                        """).doTest();
        Finding f = r.findings().get(0);
        assertTrue(f.proved(), f.message());
        assertTrue(f.message().contains("account_tags t joined on account_id: not a key of account_tags"), f.message());
        assertTrue(f.message().contains("Advice for PostgreSQL: filter with EXISTS and drop DISTINCT: WHERE EXISTS "
                + "(SELECT 1 FROM account_tags t WHERE t.account_id = a.id AND t.tag = ANY(?))"), f.message());
        assertTrue(f.message().contains("in a production incident"), f.message());
        assertFalse(f.message().contains("seed"), f.message());
    }

    @Test
    void inListOfTagsInAMyBatisMapperForAMySqlProject() {
        AnalysisResult r = LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .withDialect(Dialect.MYSQL)
                .addResource("db/migration/V1__accounts.sql", ACCOUNTS)
                .addResource("mapper/AccountMapper.xml", """
                        <?xml version="1.0" encoding="UTF-8" ?>
                        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                        <mapper namespace="com.acme.accounts.AccountMapper">
                          <select id="taggedAccounts" resultType="com.acme.accounts.Account">
                            <!-- BUG: DistinctOverFanOutJoin at DISTINCT -->
                            SELECT DISTINCT a.id, a.name FROM accounts a
                            JOIN account_tags t ON t.account_id = a.id AND t.tag IN
                            <foreach collection="tags" item="tag" open="(" separator="," close=")">#{tag}</foreach>
                          </select>
                        </mapper>
                        """).doTest();
        assertTrue(r.findings().get(0).message().contains("Advice for MySQL:"), r.findings().get(0).message());
    }

    @Test
    void aRunTimeFilterSubstitutedIntoTheMapperKeepsTheLeftJoinInTheAdvice() {
        // ${params.scope} adds conditions on the joined tables at run time (a data-permission filter); read as nothing
        // so the statement parses, it still must not be advised away with the joins it may test
        AnalysisResult r = LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addResource("db/migration/V1__accounts.sql", ACCOUNTS)
                .addResource("mapper/AccountMapper.xml", """
                        <?xml version="1.0" encoding="UTF-8" ?>
                        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                        <mapper namespace="com.acme.accounts.AccountMapper">
                          <sql id="accountColumns">
                            <!-- BUG: DistinctOverFanOutJoin at distinct -->
                            select distinct a.id, a.name from accounts a
                            left join account_tags t on t.account_id = a.id
                          </sql>
                          <select id="scopedAccounts" resultType="com.acme.accounts.Account">
                            <include refid="accountColumns"/>
                            where a.region = #{region}
                            ${params.scope}
                            order by a.name
                          </select>
                        </mapper>
                        """).doTest();
        String m = r.findings().get(0).message();
        assertFalse(m.contains("filters nothing"), m);
        assertTrue(m.endsWith("WHERE EXISTS (SELECT 1 FROM account_tags t WHERE t.account_id = a.id AND <the run-time "
                + "conditions on t>)."), m);
    }

    @Test
    void withoutARunTimeFilterAnUnusedLeftJoinIsAdvisedAway() {
        AnalysisResult r = LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addResource("db/migration/V1__accounts.sql", ACCOUNTS)
                .addResource("mapper/AccountMapper.xml", """
                        <?xml version="1.0" encoding="UTF-8" ?>
                        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                        <mapper namespace="com.acme.accounts.AccountMapper">
                          <select id="accountsInRegion" resultType="com.acme.accounts.Account">
                            <!-- BUG: DistinctOverFanOutJoin at distinct -->
                            select distinct a.id, a.name from accounts a
                            left join account_tags t on t.account_id = a.id
                            where a.region = #{region}
                            order by a.name ${direction}
                          </select>
                        </mapper>
                        """).doTest();
        String m = r.findings().get(0).message();
        assertTrue(m.endsWith("drop DISTINCT and the LEFT JOIN to account_tags t (it filters nothing)."), m);
    }

    @Test
    void aPrefixedLinkTableBoundOnBothOfItsKeysIsOneRowWithoutASchema() {
        // no DDL found: sys_user_role is a link table by its name, keyed by user_id and role_id; with the role pinned
        // through r.role_id = ?, each user has at most one such row, so nothing is multiplied
        LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addResource("mapper/UserMapper.xml", """
                        <?xml version="1.0" encoding="UTF-8" ?>
                        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                        <mapper namespace="com.acme.admin.UserMapper">
                          <select id="usersWithRole" resultType="com.acme.admin.User">
                            select distinct u.user_id, u.user_name from sys_user u
                            left join sys_dept d on u.dept_id = d.dept_id
                            left join sys_user_role ur on u.user_id = ur.user_id
                            left join sys_role r on r.role_id = ur.role_id
                            where u.del_flag = '0' and r.role_id = #{roleId}
                          </select>
                          <select id="usersWithAnyRole" resultType="com.acme.admin.User">
                            <!-- BUG: DistinctOverFanOutJoin at distinct -->
                            select distinct u.user_id, u.user_name from sys_user u
                            left join sys_user_role ur on u.user_id = ur.user_id
                            left join sys_role r on r.role_id = ur.role_id
                            where u.del_flag = '0' and r.status = '0'
                          </select>
                        </mapper>
                        """).doTest();
    }

    @Test
    void aJpqlCollectionPathIsNamedAsTheQueryWritesIt() {
        // the entities are mapped elsewhere: JOIN conceptJoin.names is a collection by its plural name
        AnalysisResult r = LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addSource("com/acme/clinic/FrequencyDao.java", """
                        package com.acme.clinic;
                        import jakarta.persistence.EntityManager;
                        import java.util.List;
                        class FrequencyDao {
                          private EntityManager em;
                          List<?> byConceptName(String q) {
                            // BUG: DistinctOverFanOutJoin at distinct
                            return em.createQuery("select distinct freq from Frequency freq join freq.concept conceptJoin "
                                + "join conceptJoin.names conceptNameJoin where lower(conceptNameJoin.name) like :q")
                                .setParameter("q", q).getResultList();
                          }
                        }
                        """).doTest();
        String m = r.findings().get(0).message();
        assertTrue(m.contains("(conceptJoin.names is a collection)"), m);
        assertTrue(m.endsWith("WHERE EXISTS (SELECT 1 FROM conceptJoin.names conceptNameJoin WHERE ...)."), m);
    }

    @Test
    void theExistsForAnInnerJoinLeavesRoomForConditionsTheAnalysisCannotRead() {
        AnalysisResult r = LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addResource("db/migration/V1__accounts.sql", ACCOUNTS)
                .addSource("com/acme/accounts/Duplicates.java", """
                        package com.acme.accounts;
                        import java.util.List;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class Duplicates {
                          private JdbcTemplate jdbc;
                          List<Long> accountsMatching(String condition) {
                            // BUG: DistinctOverFanOutJoin at distinct
                            return jdbc.queryForList("select distinct a.id from accounts a join account_tags t "
                                + "on t.account_id = a.id where " + condition, Long.class);
                          }
                        }
                        """).doTest();
        String m = r.findings().get(0).message();
        assertTrue(m.endsWith("WHERE EXISTS (SELECT 1 FROM account_tags t WHERE t.account_id = a.id AND <the run-time "
                + "conditions on t>)."), m);
    }

    @Test
    void ordersJoinedToTheirLinesUsingOrderIdByConvention() {
        AnalysisResult r = LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addSource("com/acme/shop/OrderQueries.java", """
                        package com.acme.shop;
                        import java.sql.Connection;
                        import java.sql.PreparedStatement;
                        class OrderQueries {
                          PreparedStatement ordersWithSku(Connection c) throws Exception {
                            return c.prepareStatement(\"""
                                SELECT o.order_id, o.placed_at FROM (
                                  -- BUG: DistinctOverFanOutJoin at DISTINCT
                                  SELECT DISTINCT o.order_id, o.placed_at FROM orders o
                                  JOIN order_lines ol USING (order_id)
                                  WHERE ol.sku = ?) o
                                ORDER BY o.placed_at DESC
                                \""");
                          }
                        }
                        """).doTest();
        Finding f = r.findings().get(0);
        assertFalse(f.proved(), "a convention, not a schema: precision medium");
        assertTrue(f.message().contains("order_lines.order_id is named after orders"), f.message());
        assertTrue(f.message().contains("WHERE EXISTS (SELECT 1 FROM order_lines ol WHERE o.order_id = ol.order_id AND ol.sku = ?)"),
                f.message());
    }

    @Test
    void theExistsTakesTheJoinsThatHangOffTheToManyTableWithThem() {
        AnalysisResult r = LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addResource("db/changelog/V1__leases.sql", """
                        CREATE TABLE leases (id BIGINT PRIMARY KEY, status INT NOT NULL, archived BOOLEAN);
                        CREATE TABLE lease_settings (id BIGINT PRIMARY KEY, lease_id BIGINT NOT NULL UNIQUE, auto_post BOOLEAN);
                        CREATE TABLE lease_periods (id BIGINT PRIMARY KEY, lease_id BIGINT NOT NULL REFERENCES leases (id));
                        CREATE TABLE period_adjustments (id BIGINT PRIMARY KEY,
                            period_id BIGINT NOT NULL REFERENCES lease_periods (id), due_on DATE);
                        CREATE TABLE lease_postings (id BIGINT PRIMARY KEY, lease_id BIGINT NOT NULL, posted_on DATE,
                            kind INT, reversed BOOLEAN);
                        """)
                .addSource("com/acme/rent/PostingService.java", """
                        package com.acme.rent;
                        import java.time.LocalDate;
                        import java.util.List;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class PostingService {
                          private final JdbcTemplate jdbc;
                          PostingService(JdbcTemplate jdbc) { this.jdbc = jdbc; }
                          List<Long> leasesWithUnpostedAdjustments(LocalDate today) {
                            StringBuilder sql = new StringBuilder()
                                // BUG: DistinctOverFanOutJoin at distinct
                                .append(" select distinct lease.id from leases as lease ")
                                .append(" inner join lease_settings as ls on (ls.lease_id = lease.id and ls.auto_post = true) ")
                                .append(" inner join lease_periods as lp on lp.lease_id = lease.id ")
                                .append(" inner join period_adjustments as adj on adj.period_id = lp.id ")
                                .append(" left join lease_postings as post on (post.reversed <> true and post.kind = 7 ")
                                .append("   and post.lease_id = lease.id and post.posted_on = adj.due_on) ")
                                .append(" where lease.status = 300 and lease.archived = false ")
                                .append(" and adj.due_on is not null and post.posted_on is null and adj.due_on < ? ");
                            return jdbc.queryForList(sql.toString(), Long.class, today);
                          }
                        }
                        """).doTest();
        String m = r.findings().get(0).message();
        assertTrue(m.contains("DISTINCT over JOINs to lease_periods lp and period_adjustments adj, both to-many"), m);
        // the adjustments and the anti-join on their date move into the EXISTS with the periods they hang off
        assertTrue(m.contains("WHERE EXISTS (SELECT 1 FROM lease_periods lp JOIN period_adjustments adj ON adj.period_id = lp.id "
                + "LEFT JOIN lease_postings post ON post.reversed <> true AND post.kind = 7 AND post.lease_id = lease.id "
                + "AND post.posted_on = adj.due_on WHERE lp.lease_id = lease.id AND adj.due_on IS NOT NULL "
                + "AND post.posted_on IS NULL AND adj.due_on < ?)"), m);
    }

    @Test
    void aKeyCoveredByTheJoinAndAWhereEqualityPinsOneRow() {
        LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addResource("db/migration/V1__accounts.sql", ACCOUNTS)
                .addSource("com/acme/accounts/AccountTagDao.java", """
                        package com.acme.accounts;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class AccountTagDao {
                          JdbcTemplate jdbc;
                          void queries(String tag) {
                            // (account_id, tag) is the key: one tag row per account
                            jdbc.queryForList("SELECT DISTINCT a.id FROM accounts a JOIN account_tags t ON t.account_id = a.id "
                                + "WHERE t.tag = ?", tag);
                            // the same through a correlation with the outer query
                            jdbc.queryForList("SELECT x.label FROM labels x WHERE x.n > (SELECT count(DISTINCT a.id) FROM accounts a "
                                + "JOIN account_tags t ON t.account_id = a.id AND t.tag = x.label)");
                          }
                        }
                        """).expectNoFindings(2);
    }

    @Test
    void distinctOverTheDrivingTablesOwnColumnsIsNotTheJoinsFault() {
        // seen in Apache Fineract: distinct action names of the permissions a user's roles grant
        LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addSource("com/acme/audit/AuditTemplateDao.java", """
                        package com.acme.audit;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class AuditTemplateDao {
                          JdbcTemplate jdbc;
                          Object actionNames(long userId) {
                            String sql = " SELECT distinct(action_name) as actionName FROM m_permission p ";
                            sql += " join m_role_permission rp on rp.permission_id = p.id join m_appuser_role ur on ur.role_id = rp.role_id";
                            sql += " where ur.appuser_id = ? order by action_name";
                            return jdbc.queryForList(sql, String.class, userId);
                          }
                          Object count() {
                            // one row: DISTINCT removes nothing
                            return jdbc.queryForObject("SELECT DISTINCT count(p.id) FROM m_permission p "
                                + "JOIN m_role_permission rp ON rp.permission_id = p.id", Long.class);
                          }
                        }
                        """).expectNoFindings(2);
    }

    @Test
    void leftJoinIsNullAntiJoinMultipliesNothing() {
        LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addResource("db/migration/V1__events.sql", """
                        CREATE TABLE accounts (id BIGINT PRIMARY KEY, tenant_id BIGINT NOT NULL);
                        CREATE TABLE subscription_events (
                            record_id         BIGINT PRIMARY KEY,
                            id                VARCHAR(36) NOT NULL UNIQUE,
                            subscription_id   VARCHAR(36) NOT NULL,
                            account_record_id BIGINT NOT NULL,
                            user_type         VARCHAR(20) NOT NULL,
                            is_active         BOOLEAN NOT NULL,
                            effective_date    TIMESTAMP NOT NULL
                        );
                        """)
                .addSource("com/acme/billing/SubscriptionEventDao.java", """
                        package com.acme.billing;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class SubscriptionEventDao {
                          JdbcTemplate jdbc;
                          void queries() {
                            // accounts without any event: the LEFT JOIN keeps one row each
                            jdbc.queryForList("SELECT DISTINCT a.id FROM accounts a "
                                + "LEFT JOIN subscription_events e ON e.account_record_id = a.id "
                                + "WHERE e.record_id IS NULL AND a.tenant_id = ?");
                            // seen in Kill Bill: DISTINCT over subscription_id, which repeats across the events
                            // themselves (a CREATE and a TRANSFER), so it is not undoing the join
                            jdbc.queryForList("select distinct(se1.subscription_id) from subscription_events se1 "
                                + "left join subscription_events se2 on se1.subscription_id = se2.subscription_id "
                                + "and se2.user_type = 'CANCEL' and se2.is_active "
                                + "where se1.user_type in ('CREATE','TRANSFER') and se1.is_active "
                                + "and (se2.id IS NULL or se2.effective_date > ?) and se1.account_record_id = ?");
                          }
                        }
                        """).expectNoFindings(2);
    }

    @Test
    void joinsNoSchemaDeclaresAndNoConventionExplainsStayQuiet() {
        LintTestHelper.forRule(DistinctOverFanOutJoin.class)
                .addSource("com/acme/people/IncidentDao.java", """
                        package com.acme.people;
                        import org.springframework.jdbc.core.JdbcTemplate;
                        class IncidentDao {
                          JdbcTemplate jdbc;
                          void queries() {
                            // app_user's key is user_id (the app_ prefix aside): to-one by convention
                            jdbc.queryForList("SELECT DISTINCT p.id FROM incidents p JOIN app_user u ON p.affected_user_id = u.user_id "
                                + "WHERE u.active = true");
                            // joined on a column named after neither side: unknown, so quiet
                            jdbc.queryForList("SELECT DISTINCT o.id FROM shipments o JOIN parcels pa ON pa.tracking_code = o.tracking_code "
                                + "WHERE pa.weight > ?");
                            // ID_ is the joined table's own key (a BPM engine's naming)
                            jdbc.queryForList("SELECT DISTINCT RES.ID_ FROM ACT_RU_TASK RES JOIN ACT_RE_PROCDEF D ON RES.PROC_DEF_ID_ = D.ID_ "
                                + "WHERE D.KEY_ = ?");
                          }
                        }
                        """).expectNoFindings(3);
    }
}
