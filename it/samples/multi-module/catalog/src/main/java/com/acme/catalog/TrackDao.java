package com.acme.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Tracks on a caller-managed JDBC connection. */
public class TrackDao {

    private final Connection connection;

    public TrackDao(Connection connection) {
        this.connection = connection;
    }

    /** The tracks a user owns or collaborates on. */
    public List<Track> visibleTracks(long userId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(TrackSql.VISIBLE)) {
            ps.setLong(1, userId);
            ps.setLong(2, userId);
            return read(ps);
        }
    }

    /** The tracks of one owner, by title. */
    public List<Track> ownedTracks(long userId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + TrackSql.COLUMNS + " FROM tracks t WHERE t.owner_id = ? ORDER BY t.title")) {
            ps.setLong(1, userId);
            return read(ps);
        }
    }

    static List<Track> read(PreparedStatement ps) throws SQLException {
        List<Track> tracks = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tracks.add(new Track(rs.getLong(1), rs.getLong(2), rs.getString(3)));
            }
        }
        return tracks;
    }
}
