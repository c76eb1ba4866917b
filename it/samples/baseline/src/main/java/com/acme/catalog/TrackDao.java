package com.acme.catalog;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

public class TrackDao {
  private final JdbcTemplate jdbcTemplate;

  public TrackDao(JdbcTemplate jdbcTemplate) { this.jdbcTemplate = jdbcTemplate; }

  public List<Map<String, Object>> visibleTo(long userId) {
    return jdbcTemplate.queryForList("SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
        + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)", userId, userId);
  }

  public Map<String, Object> byId(long trackId) {
    return jdbcTemplate.queryForMap("SELECT t.* FROM tracks t WHERE t.track_id = ?", trackId);
  }
}
