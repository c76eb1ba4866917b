package dev.sqllint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MySQL and PostgreSQL spellings JSqlParser does not take are parsed as what they mean; wrong SQL stays wrong. */
class DialectRepairsTest {

    private final SqlParser parser = new SqlParser(Duration.ofSeconds(5));

    @AfterEach
    void close() {
        parser.close();
    }

    private SqlParser.Result parse(String text) {
        return parser.parse(SqlText.of(text, Origin.at(Path.of("A.java"), 1, 1)));
    }

    @Test
    void aGroupByDirectionIsBlankedInPlace() {
        // MySQL 5.7 and MariaDB: "group by account_id desc" sorts the groups
        SqlParser.Result r = parse("select t1.id from (select max(e.id) as id from journal e where e.done = true "
                + "group by e.account_id desc, e.id) t1 order by t1.id desc");
        assertTrue(r.ok(), r.failure());
        assertEquals("select t1.id from (select max(e.id) as id from journal e where e.done = true "
                + "group by e.account_id     , e.id) t1 order by t1.id desc", r.parsed().sql());
    }

    @Test
    void mySqlsDeleteUsingAJoinIsReadAsTheDeleteFromJoinItMeans() {
        SqlParser.Result r = parse("DELETE FROM orders USING orders JOIN customers c ON c.id = orders.customer_id "
                + "WHERE c.status = ?");
        assertTrue(r.ok(), r.failure());
        assertEquals("DELETE orders from       orders JOIN customers c ON c.id = orders.customer_id WHERE c.status = ?",
                r.parsed().sql());
        // two targets, and the USING form without a join, which the parser takes as it is
        assertTrue(parse("DELETE FROM o, l USING orders o JOIN order_lines l ON l.order_id = o.id WHERE o.status = ?").ok());
        assertEquals("DELETE FROM orders o USING customers c WHERE c.id = o.customer_id",
                parse("DELETE FROM orders o USING customers c WHERE c.id = o.customer_id").parsed().sql());
    }

    @Test
    void dropForeignKeyIsReadAsDropConstraint() {
        SqlParser.Result r = parse("ALTER TABLE dt_notes DROP KEY fk_client, DROP FOREIGN KEY fk_dt_notes_client, "
                + "ADD CONSTRAINT fk_dt_notes_loan FOREIGN KEY (loan_id) REFERENCES m_loan (id)");
        assertTrue(r.ok(), r.failure());
        assertTrue(r.parsed().sql().contains("DROP constraint  fk_dt_notes_client"), r.parsed().sql());
    }

    @Test
    void namesTheParserReservesAreQuotedWhereTheyStand() {
        assertTrue(parse("select u.id from app_user u join user_client_mapping as map on u.id = map.user_id "
                + "join client c on map.client_id = c.id").ok());
        assertTrue(parse("SELECT COUNT(script) FROM schema_version WHERE version = ? AND script = ?").ok());
        SqlParser.Result r = parse("SELECT * FROM user_settings WHERE type = ? AND (settings #> ?) IS NOT NULL");
        assertTrue(r.ok(), r.failure());
        assertTrue(r.parsed().sql().contains("(\"settings\" #> ?)"), r.parsed().sql());
    }

    /** JSqlParser 5.4 stops on the token after an unqualified {@code uuid}; 5.3 parsed it. */
    @ParameterizedTest
    @ValueSource(strings = {"uuid", "map", "script", "settings", "statement", "output", "sample"})
    void aColumnNamedLikeAParserKeywordParsesUnqualifiedWhereverItStands(String word) {
        for (String sql : new String[] {"SELECT r." + word + ", " + word + " FROM flow_run r", "SELECT id, " + word + ", name FROM flow_run",
                "SELECT id FROM flow_run WHERE " + word + " = ?", "SELECT id FROM flow_run ORDER BY " + word,
                "UPDATE flow_run SET " + word + " = ? WHERE id = ?"}) {
            SqlParser.Result r = parse(sql);
            assertTrue(r.ok(), sql + ": " + r.failure());
        }
        SqlParser.Result r = parse("SELECT id FROM flow_run WHERE " + word + " = ?");
        assertEquals("SELECT id FROM flow_run WHERE \"" + word + "\" = ?", r.parsed().sql());
    }

    @Test
    void aWordSqlReservesIsNeverQuotedToMakeAStatementParse() {
        assertFalse(parse("SELECT id FROM flow_run WHERE select = ?").ok());
        assertFalse(parse("SELECT unique FROM flow_run").ok());
    }

    @Test
    void sqlServerBracketsAreQuotedNamesForSqlServerOnly() {
        String sql = "SELECT [id], [name] FROM [dbo].[users] WHERE [id] = ?";
        try (SqlParser sqlServer = new SqlParser(Duration.ofSeconds(5), Dialect.SQLSERVER)) {
            assertTrue(sqlServer.parse(SqlText.of(sql, Origin.at(Path.of("A.xml"), 1, 1))).ok());
        }
        assertFalse(parse(sql).ok());
        assertTrue(parse("SELECT tags[1] FROM flow_run").ok()); // a PostgreSQL array index
    }

    @Test
    void sqlServerTableHintsJSqlParserDoesNotKnowAreBlanked() {
        SqlParser.Result r = parse("SELECT RES.ID_ FROM ACT_RU_JOB RES WITH (FORCESEEK, UPDLOCK) WHERE RES.LOCK_OWNER_ = ?");
        assertTrue(r.ok(), r.failure());
        assertEquals("SELECT RES.ID_ FROM ACT_RU_JOB RES " + " ".repeat("WITH (FORCESEEK, UPDLOCK)".length())
                + " WHERE RES.LOCK_OWNER_ = ?", r.parsed().sql());
    }

    @Test
    void aFunctionRegisteredUnderAnOperatorsNameIsQuoted() {
        // an HQL function the application registers as ilike(a, b)
        SqlParser.Result r = parse("SELECT w.id FROM WidgetTypeEntity w WHERE ilike(cast(w.descriptor as string), CONCAT('%', ?, '%')) = true");
        assertTrue(r.ok(), r.failure());
        assertTrue(r.parsed().sql().contains("WHERE \"ilike\"(cast"), r.parsed().sql());
    }

    @Test
    void everyCallOfTheFunctionIsQuotedInOneRepairButNotInsideALiteral() {
        // the parser would stop on each call in turn: each stop a failed parse of the whole statement
        SqlText sql = SqlText.of("SELECT d.id FROM device d WHERE ilike(d.name, ?) OR ilike(d.label, ?) OR d.note = 'ilike(x)'",
                Origin.at(Path.of("A.java"), 1, 1));
        String failure = "Encountered: <K_ILIKE> / \"ilike\", at line 1, column 33"; // as JSqlParser says it
        assertEquals("SELECT d.id FROM device d WHERE \"ilike\"(d.name, ?) OR \"ilike\"(d.label, ?) OR d.note = 'ilike(x)'",
                DialectRepairs.repair(sql, failure).orElseThrow().text());
    }

    @Test
    void assignmentsAHelperBuildsStandForThemselves() {
        SqlParser.Result r = parse("UPDATE dt_notes SET " + Placeholders.DYNAMIC + " WHERE id = ?");
        assertTrue(r.ok(), r.failure());
        assertEquals("UPDATE dt_notes SET " + Placeholders.DYNAMIC + " = ? WHERE id = ?", r.parsed().sql());
    }

    @Test
    void sqlThatIsWrongStaysWrong() {
        assertFalse(parse("select a.id from account a where a.name like %?% or a.code like %?%").ok());
        assertFalse(parse("select a.id from account a where a.id = ? where a.parent_id = ?").ok());
        assertFalse(parse("select a.id from account a order by a.name desc desc").ok()); // not in a GROUP BY
        SqlParser.Result r = parse("select a.id from account a where and a.id = 1");
        assertTrue(r.failure().contains("\"where\""), r.failure()); // the first failure is the one reported
    }
}
