package com.acme.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Unread topics of a user, for the search page's sidebar. */
public class UnreadTopicsDao {

    private static final String UNREAD_TOPICS = "SELECT t.id FROM topics t"
            + " JOIN users u ON u.id = ?"
            + " JOIN user_stats us ON us.user_id = u.id"
            + " WHERE t.updated_at >= us.first_unread_at AND t.deleted_at IS NULL";

    private final Connection connection;

    public UnreadTopicsDao(Connection connection) {
        this.connection = connection;
    }

    public List<Long> unreadTopics(long userId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(UNREAD_TOPICS)) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
