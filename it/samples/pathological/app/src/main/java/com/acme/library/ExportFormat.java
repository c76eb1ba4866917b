package com.acme.library;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CSV export of a user's library. Written with Unicode escapes, as some teams do to keep sources ASCII:
 * caf\u00e9, na\u00efve \u2014 javac reads them before anything else, editors show them as written.
 */
public class ExportFormat {

    static final char QUOTE = '\u0022';
    static final String SEPARATOR = "\u003b";

    private final JdbcTemplate jdbc;

    public ExportFormat(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows of the export, with the caf\u00e9 playlists first. */
    public List<Map<String, Object>> exportRows(long userId) {
        char q = '\u0022'; String cafe = "caf\u00e9"; return jdbc.queryForList("SELECT t.title FROM tracks t WHERE t.genre = 'caf\u00e9' AND t.owner_id = ? OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", userId, userId);
    }
}
