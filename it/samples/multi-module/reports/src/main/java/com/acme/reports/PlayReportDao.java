package com.acme.reports;

import com.acme.catalog.Track;
import com.acme.catalog.TrackDao;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Play reports over the catalogue module's tracks. */
public class PlayReportDao {

    private final Connection connection;
    private final TrackDao tracks;

    public PlayReportDao(Connection connection) {
        this.connection = connection;
        this.tracks = new TrackDao(connection);
    }

    /**
     * The last play of each of a user's tracks, read from the full play history. Nothing in the query says that
     * {@code plays} is a history (its name does not, it is ordered by play number, not time): this module's pom
     * declares it one, and no other module's analysis may see that.
     */
    public List<Long> lastPlays(long userId) throws SQLException {
        List<Long> plays = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT DISTINCT ON (p.track_id) p.track_id, p.play_no
                FROM plays p
                WHERE p.user_id = ?
                ORDER BY p.track_id, p.play_no DESC
                LIMIT 10
                """)) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plays.add(rs.getLong(1));
                }
            }
        }
        return plays;
    }

    /** Titles of the tracks a user sees, for the report header. */
    public List<String> titles(long userId) throws SQLException {
        List<String> titles = new ArrayList<>();
        for (Track t : tracks.visibleTracks(userId)) {
            titles.add(t.title());
        }
        return titles;
    }
}
