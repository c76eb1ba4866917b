package com.acme.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Track search. Its OR across access paths is a known, accepted cost here: this module's pom disables
 * OrAcrossAccessPaths, so the statement below must not be reported (in a parallel build as in a serial one).
 */
public class TrackSearchDao {

    private final Connection connection;

    public TrackSearchDao(Connection connection) {
        this.connection = connection;
    }

    public List<Long> search(long userId, String title) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT t.track_id FROM tracks t WHERE t.title LIKE ?"
                + " AND (t.owner_id = ? OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = ?))")) {
            ps.setString(1, title);
            ps.setLong(2, userId);
            ps.setLong(3, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
