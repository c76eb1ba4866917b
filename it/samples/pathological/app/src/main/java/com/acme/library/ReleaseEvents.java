package com.acme.library;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Release events of an album, read with Java 21: sealed types, records, patterns, a text block. */
public class ReleaseEvents {

    public sealed interface ReleaseEvent permits Scheduled, Published, Withdrawn {
    }

    public record Scheduled(long albumId, Instant at) implements ReleaseEvent {
    }

    public record Published(long albumId, Instant at, String channel) implements ReleaseEvent {
    }

    public record Withdrawn(long albumId, String reason) implements ReleaseEvent {
    }

    private final JdbcTemplate jdbc;

    public ReleaseEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String label(ReleaseEvent event) {
        return switch (event) {
            case Scheduled s when s.at().isAfter(Instant.now()) -> "upcoming";
            case Scheduled s -> "due";
            case Published(long albumId, Instant at, String channel) when channel.isBlank() -> "published";
            case Published p -> "published on " + p.channel();
            case Withdrawn(var albumId, var reason) -> "withdrawn: " + reason;
        };
    }

    /** Albums a label manages directly or through one of its imprints. */
    public List<Map<String, Object>> managedAlbums(long labelId, ReleaseEvent latest) {
        if (latest instanceof Withdrawn(long albumId, String reason) && reason.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("""
                SELECT a.id, a.title
                FROM albums a
                WHERE a.label_id = ?
                   OR a.imprint_id IN (SELECT i.id FROM imprints i WHERE i.parent_label_id = ?)
                ORDER BY a.title
                """, labelId, labelId);
    }
}
