package com.example.demo.tracks;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Tracks a user can see in their library: their own tracks and the ones shared with them.
 */
public interface TrackRepository extends JpaRepository<Track, Long> {

    /**
     * Tracks the user owns or collaborates on, newest first, in a single statement.
     */
    @Query(value = "SELECT t.* FROM tracks t"
            + " WHERE t.owner_id = :userId"
            + " OR t.track_id IN (SELECT c.track_id FROM track_collaborators c"
            + " WHERE c.collaborator_user_id = :userId AND c.status = 'accepted')"
            + " ORDER BY t.created_at DESC",
            nativeQuery = true)
    List<Track> findLibrary(@Param("userId") long userId);

    /**
     * First half of the fix for {@link #findLibrary(long)}: the ids of tracks shared with the user.
     */
    @Query(value = "SELECT c.track_id FROM track_collaborators c"
            + " WHERE c.collaborator_user_id = :userId AND c.status = 'accepted'",
            nativeQuery = true)
    List<Long> findAcceptedCollaborationTrackIds(@Param("userId") long userId);

    /**
     * Second half of the fix for {@link #findLibrary(long)}: owned tracks plus an explicit id list,
     * both resolvable through an index.
     */
    @Query(value = "SELECT t.* FROM tracks t"
            + " WHERE t.owner_id = :userId OR t.track_id = ANY(CAST(:trackIds AS bigint[]))"
            + " ORDER BY t.created_at DESC",
            nativeQuery = true)
    List<Track> findOwnedOrListed(@Param("userId") long userId, @Param("trackIds") Long[] trackIds);

    /**
     * Tracks the user owns, newest first; used by the fix when nothing is shared with the user.
     */
    @Query(value = "SELECT t.* FROM tracks t WHERE t.owner_id = :userId ORDER BY t.created_at DESC",
            nativeQuery = true)
    List<Track> findOwned(@Param("userId") long userId);

    /**
     * The user's own tracks whose title matches a {@code LIKE} pattern.
     */
    @Query("select t from Track t where t.ownerId = ?1 and t.title like ?2")
    List<Track> searchOwned(long ownerId, String titlePattern);

    /**
     * Tracks still being worked on, across all owners; feeds the moderation queue.
     */
    @Query(value = "SELECT t.* FROM tracks t WHERE t.status = 'draft' OR t.status = 'review'",
            nativeQuery = true)
    List<Track> findUnpublished();

    /**
     * The user's own tracks that also list the owner as a collaborator, a leftover of the old
     * invite flow; the cleanup job removes those collaborator rows.
     */
    @Query(value = "SELECT t.* FROM tracks t WHERE t.owner_id = :userId"
            + " AND t.track_id IN (SELECT c.track_id FROM track_collaborators c"
            + " WHERE c.collaborator_user_id = :userId)",
            nativeQuery = true)
    List<Track> findOwnedWithSelfInvite(@Param("userId") long userId);
}
