package com.acme.catalog;

/** The catalogue's SQL, shared by the DAO and the reports module. */
public final class TrackSql {

    public static final String COLUMNS = "t.track_id, t.owner_id, t.title";

    public static final String VISIBLE = "SELECT " + COLUMNS + " FROM tracks t WHERE t.owner_id = ?"
            + " OR t.track_id IN (SELECT c.track_id FROM track_collaborators c WHERE c.collaborator_user_id = ?)";

    private TrackSql() {
    }
}
