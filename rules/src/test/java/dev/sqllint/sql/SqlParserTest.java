package dev.sqllint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A parse and a parse ahead (a trial of a MyBatis variant) answer what {@code CCJSqlParserUtil.parse} answers: the simple
 * mode's tree where it parses, the complex mode's failure where neither does. Asking the complex mode first is faster
 * where texts fail, but it builds another tree for some statements (docs/benchmark.md, "tried and left out").
 */
class SqlParserTest {

    private final SqlParser ahead = new SqlParser(Duration.ofSeconds(5));
    private final SqlParser plain = new SqlParser(Duration.ofSeconds(5));

    @AfterEach
    void close() {
        ahead.close();
        plain.close();
    }

    private static SqlText sql(String text) {
        return SqlText.of(text, Origin.at(Path.of("JobMapper.xml"), 1, 1));
    }

    /** JSqlParser's complex mode reads this WHERE as one JSON expression; the simple mode, which a parse asks first, does not. */
    @Test
    void aStatementBothModesParseKeepsTheSimpleModesTree() {
        String text = "SELECT j.id FROM jobs j WHERE j.params ->> 'name' = ? AND j.id NOT IN (SELECT d.job_id FROM done d) AND j.state = ?";

        SqlParser.Result trial = ahead.parseAhead(sql(text));
        SqlParser.Result parsed = plain.parse(sql(text));

        assertTrue(trial.ok(), trial.failure());
        PlainSelect select = (PlainSelect) trial.parsed().statement();
        assertInstanceOf(AndExpression.class, select.getWhere(), "the NOT IN stays a conjunct of the WHERE");
        assertEquals(parsed.parsed().statement().toString(), trial.parsed().statement().toString());
    }

    @Test
    void aStatementThatDoesNotParseFailsWithTheMessageAParseGives() {
        String text = "SELECT id FROM jobs WHERE state = ? AND AND id = ?";

        SqlParser.Result trial = ahead.parseAhead(sql(text));
        SqlParser.Result parsed = plain.parse(sql(text));

        assertFalse(trial.ok());
        assertEquals(parsed.failure(), trial.failure());
        assertEquals(SqlParser.failureOffset(sql(text), parsed), SqlParser.failureOffset(sql(text), trial));
    }

    @Test
    void aRepairedStatementIsRepairedTheSameWay() {
        // MySQL's backquotes and LIMIT offset, count: repaired to what JSqlParser takes, in the same steps
        String text = "SELECT `id` FROM `jobs` WHERE `state` = ? ORDER BY id LIMIT 10, 20";

        SqlParser.Result trial = ahead.parseAhead(sql(text));
        SqlParser.Result parsed = plain.parse(sql(text));

        assertEquals(parsed.ok(), trial.ok());
        assertEquals(parsed.ok() ? parsed.parsed().sql() : parsed.failure(), trial.ok() ? trial.parsed().sql() : trial.failure());
    }
}
