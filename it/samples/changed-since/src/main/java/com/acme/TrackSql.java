package com.acme;

/** The track queries, shared by the DAOs. Committed, and not touched by the change under review. */
final class TrackSql {

    static final String OWNED_OR_SHARED = "SELECT t.* FROM tracks t WHERE t.owner_id = ? OR t.track_id IN "
            + "(SELECT c.track_id FROM track_collaborators c WHERE c.user_id = ?)";

    private TrackSql() {
    }
}
