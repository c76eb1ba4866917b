package com.acme.reports;

import com.acme.reports.sql.ReportSql;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/** The track pages of the admin console. */
public class TrackReportDao {

    private final JdbcTemplate jdbc;

    public TrackReportDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @SuppressWarnings("sqllint:OrAcrossAccessPaths")
    private final LongFunction<List<Map<String, Object>>> sharedLoader = userId -> jdbc().queryForList(
            "SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
            + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", userId, userId);

    private JdbcTemplate jdbc() {
        return jdbc;
    }

    public List<Map<String, Object>> ownedOrShared(long userId) {
        return jdbc.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN " // sqllint:ignore OrAcrossAccessPaths
                + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", userId, userId);
    }

    public List<Map<String, Object>> visibleToSupport(long userId) {
        // sqllint:ignore OrAcrossAccessPaths support users collaborate on at most 3 tracks
        return jdbc.queryForList(ReportSql.VISIBLE_TRACKS, userId, userId);
    }

    /** Suppresses a different rule than the one this query breaks: still reported, and it fails the build. */
    @SuppressWarnings("sqllint:DistinctOnHistoryScan")
    public List<Map<String, Object>> visible(long userId) {
        return jdbc.queryForList(ReportSql.VISIBLE_TRACKS, userId, userId);
    }
}
