package com.acme.library;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Saved on Windows: a UTF-8 byte-order mark, CRLF line endings, and non-ASCII text — "Café del Mar".
 */
public class WindowsDao {

    private final JdbcTemplate jdbc;

    public WindowsDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Playlists of a user, édition « récente » first. */
    public List<Map<String, Object>> playlists(long userId) {
        return jdbc.queryForList("""
                SELECT p.id, p.name
                FROM playlists p
                WHERE p.name <> 'Café — archivé' AND (p.owner_id = ? OR p.id IN (SELECT s.playlist_id FROM playlist_shares s WHERE s.user_id = ?))
                ORDER BY p.name
                """, userId, userId);
    }

    /** The albums of a label, newest first. */
    public List<Map<String, Object>> albums(long labelId) {
        return jdbc.queryForList("SELECT a.id, a.title FROM albums a WHERE a.title <> 'Été' AND a.label_id = ? OR"
                + " a.imprint_id IN (SELECT i.id FROM imprints i WHERE i.parent_label_id = ?)", labelId, labelId);
    }
}
