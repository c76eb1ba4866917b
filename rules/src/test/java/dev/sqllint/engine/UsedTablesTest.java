package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

/**
 * The tables the summary tells users to point sqllint at: only the project's own. The database's catalog views
 * (read by schema checks and upgrade code on real projects) and SQL Server's update of an alias are no table a
 * project declares.
 */
class UsedTablesTest {

    @Test
    void catalogViewsAndAnUpdatedAliasAreNotTheProjectsTables() throws Exception {
        UsedTables used = new UsedTables(Set.of("orders")::contains);
        for (String sql : List.of(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = ?",
                "SELECT count(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = ?",
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()",
                "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relkind = 'r'",
                "SELECT TABLE_NAME FROM ALL_TABLES WHERE OWNER = ?",
                "UPDATE RES SET RES.PURGE_AT_ = ? FROM HI_INPUT RES WHERE RES.EVAL_ID_ = ?",
                "SELECT o.id FROM orders o JOIN order_notes n ON n.order_id = o.id",
                "SELECT u.id FROM user_settings u")) {
            used.add(CCJSqlParserUtil.parse(sql));
        }
        assertEquals(List.of("hi_input", "order_notes", "user_settings"), used.undeclared());
    }
}
