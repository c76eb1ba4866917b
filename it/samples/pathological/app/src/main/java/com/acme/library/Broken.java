package com.acme.library;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** A merge conflict committed by mistake: not Java until someone resolves it. */
public class Broken {

    private final JdbcTemplate jdbc;

    public Broken(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> playlists(long userId) {
<<<<<<< HEAD
        return jdbc.queryForList("SELECT p.* FROM playlists p WHERE p.owner_id = ? OR p.id IN "
                + "(SELECT s.playlist_id FROM playlist_shares s WHERE s.user_id = ?)", userId, userId);
=======
        return jdbc.queryForList("SELECT p.* FROM playlists p WHERE p.owner_id = ?", userId);
>>>>>>> feature/shared-playlists
    }
}
