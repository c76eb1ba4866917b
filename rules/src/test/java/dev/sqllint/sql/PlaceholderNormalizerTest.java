package dev.sqllint.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlaceholderNormalizerTest {

    private static String normalize(String sql, String entity) {
        return PlaceholderNormalizer.normalize(SqlText.of(sql, Origin.at(Path.of("A.java"), 1, 1)), entity).text();
    }

    @Test
    void bindParameterDialectsBecomeJdbcParameters() {
        assertEquals("SELECT * FROM t WHERE a = ? AND b = ? AND c = ? AND d = ? AND e = ?",
                normalize("SELECT * FROM t WHERE a = ?1 AND b = :name AND c = $2 AND d = #{x.y} AND e = :#{#user.id}", null));
    }

    @Test
    void springDataSpelParametersInBothSpellingsAreOneParameter() {
        // ?#{...} and :#{...}: the value of an expression, bound as one parameter (a security principal's name)
        assertEquals("select b from BankAccount b where b.user.login = ? and b.owner = ?",
                normalize("select b from BankAccount b where b.user.login = ?#{authentication.name} "
                        + "and b.owner = :#{principal.username}", null).replace("  ", " "));
    }

    @Test
    void collectionParameterAfterInGetsParentheses() {
        assertEquals("select r from R r where r.id in (?) and r.kind IN (?)",
                normalize("select r from R r where r.id in :ids and r.kind IN (:kinds)", null));
    }

    @Test
    void textSubstitutionBecomesAnIdentifierAndEntityNameIsFilledIn() {
        assertEquals("SELECT * FROM " + Placeholders.DYNAMIC + " ORDER BY x", normalize("SELECT * FROM ${table} ORDER BY x", null));
        assertEquals("select t from Track t", normalize("select t from #{#entityName} t", "Track"));
    }

    @Test
    void castsStringsAndCommentsAreLeftAlone() {
        String sql = "SELECT a::int, ':not' FROM t -- :c\nWHERE x = '?1'";
        assertEquals(sql, normalize(sql, null));
    }

    @Test
    void jdbcCallEscapeIsUnwrappedAndTabsKeepColumns() {
        assertEquals(" call recalc(?) ", normalize("{call recalc(?)}", null));
        assertEquals("SELECT\ta".replace('\t', ' '), normalize("SELECT\ta", null));
    }

    @Test
    void originsFollowTheRewrite() {
        SqlText text = SqlText.of("a = :name AND b", Origin.at(Path.of("A.java"), 3, 10));
        SqlText out = PlaceholderNormalizer.normalize(text, null);
        assertEquals("a = ? AND b", out.text());
        assertEquals(3, out.originAt(out.text().indexOf('b')).line());
    }
}
