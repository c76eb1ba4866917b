package dev.sqllint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlFingerprintTest {

    @Test
    void layoutAndKeywordCaseDoNotChangeTheHash() {
        String oneLine = "SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)";
        String rewrapped = """
                  select t.*
                    from tracks t
                   where t.owner_id = ?
                      or t.track_id in ( select c.track_id
                                           from track_collaborators c
                                          where c.user_id = ? )
                """;
        assertEquals(SqlFingerprint.of(oneLine), SqlFingerprint.of(rewrapped));
        assertEquals("select count(*),max(x)from t", SqlFingerprint.normalize("SELECT COUNT (*) , MAX( x )\n FROM t"));
        assertEquals(SqlFingerprint.of("SELECT max(x) FROM t"), SqlFingerprint.of("SELECT max( x )FROM t"));
    }

    @Test
    void aDifferentStatementHasADifferentHash() {
        assertNotEquals(SqlFingerprint.of("SELECT * FROM tracks WHERE owner_id = ?"),
                SqlFingerprint.of("SELECT * FROM tracks WHERE creator_id = ?"));
        // words must stay apart: "a.id FROM" is not "a.idFROM"
        assertNotEquals(SqlFingerprint.of("SELECT a.id FROM t"), SqlFingerprint.of("SELECT a.idFROM t"));
    }

    @Test
    void quotedTextKeepsItsCaseAndSpacing() {
        assertNotEquals(SqlFingerprint.of("SELECT * FROM t WHERE status = 'Active'"),
                SqlFingerprint.of("SELECT * FROM t WHERE status = 'active'"));
        assertNotEquals(SqlFingerprint.of("SELECT * FROM t WHERE name = 'a  b'"),
                SqlFingerprint.of("SELECT * FROM t WHERE name = 'a b'"));
        assertEquals("select \"Order\".id from \"Order\" where note = 'It''s  (OK)'",
                SqlFingerprint.normalize("SELECT \"Order\".id FROM \"Order\" WHERE note = 'It''s  (OK)'"));
    }

    @Test
    void theHashIsSixteenHexDigits() {
        String hash = SqlFingerprint.of("SELECT 1");
        assertEquals(16, hash.length());
        assertTrue(hash.matches("[0-9a-f]{16}"), hash);
        assertEquals(SqlFingerprint.of(""), SqlFingerprint.of(null));
    }
}
