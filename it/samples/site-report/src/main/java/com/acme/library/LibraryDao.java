package com.acme.library;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** What a listener sees in their library. */
public class LibraryDao {

    private final JdbcTemplate jdbc;

    public LibraryDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Tracks the user owns or collaborates on. */
    public List<Map<String, Object>> library(long userId) {
        return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
                + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", userId, userId);
    }

    /** Playlists that hold at least one of the user's tracks. */
    public List<Long> playlistsWithOwnTracks(long userId) {
        return jdbc.queryForList("SELECT DISTINCT p.id FROM playlists p JOIN playlist_tracks pt ON pt.playlist_id = p.id "
                + "JOIN tracks t ON t.track_id = pt.track_id WHERE t.owner_id = ?", Long.class, userId);
    }
}
