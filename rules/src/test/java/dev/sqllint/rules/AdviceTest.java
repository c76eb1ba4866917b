package dev.sqllint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sqllint.report.RuleDocs;
import dev.sqllint.sql.Dialect;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

class AdviceTest {

    @Test
    void adviceNamesTheProjectsDatabaseAndTakesItsWording() {
        assertEquals("Advice for PostgreSQL: use = ANY(?)",
                Advice.forDatabase(Dialect.POSTGRESQL, "use = ANY(?)", "use IN (...)", "use a table-valued parameter"));
        assertEquals("Advice for MySQL: use IN (...)",
                Advice.forDatabase(Dialect.MYSQL, "use = ANY(?)", "use IN (...)", "use a table-valued parameter"));
        assertEquals("Advice for MariaDB: use IN (...)",
                Advice.forDatabase(Dialect.MARIADB, "use = ANY(?)", "use IN (...)", "use a table-valued parameter"));
        assertEquals("Advice for SQL Server: use a table-valued parameter",
                Advice.forDatabase(Dialect.SQLSERVER, "use = ANY(?)", "use IN (...)", "use a table-valued parameter"));
        assertEquals("Advice for Oracle: use EXISTS", Advice.forDatabase(Dialect.ORACLE, "use EXISTS"));
        assertEquals("(in a production incident: 42k rows hashed, 91 ms)", Advice.incident("42k rows hashed, 91 ms"));
        assertEquals(RuleDocs.INCIDENT, Advice.INCIDENT, "the messages name the incident as the rule pages do");
    }

    @Test
    void rewritesKeepTheUsersAliases() throws JSQLParserException {
        BinaryExpression cmp = (BinaryExpression) CCJSqlParserUtil.parseCondExpression("t.updated_at >= us.first_unread_at");
        assertEquals("t.updated_at >= ?", Advice.replacing(cmp, cmp.getRightExpression(), "?", 80));
        BinaryExpression or = (BinaryExpression) CCJSqlParserUtil.parseCondExpression(
                "d.title = ? OR d.doc_id IN (SELECT s.doc_id FROM shares s WHERE s.user_id = ?)");
        assertEquals("d.title = ? OR d.doc_id = ANY(?)", Advice.replacing(or, or.getRightExpression(), "d.doc_id = ANY(?)", 80));
    }
}
