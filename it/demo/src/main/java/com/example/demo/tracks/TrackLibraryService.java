package com.example.demo.tracks;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a user's track library.
 */
@Service
@Transactional(readOnly = true)
public class TrackLibraryService {

    private final TrackRepository trackRepository;

    public TrackLibraryService(TrackRepository trackRepository) {
        this.trackRepository = trackRepository;
    }

    /**
     * The user's library through the single {@code OR ... IN (subquery)} statement.
     */
    public List<Track> library(long userId) {
        return trackRepository.findLibrary(userId);
    }

    /**
     * Fix for {@link #library(long)}: resolves the shared track ids first, then reads owned and
     * shared tracks with two indexable predicates.
     */
    public List<Track> libraryFixed(long userId) {
        List<Long> sharedIds = trackRepository.findAcceptedCollaborationTrackIds(userId);
        if (sharedIds.isEmpty()) {
            return trackRepository.findOwned(userId);
        }
        return trackRepository.findOwnedOrListed(userId, sharedIds.toArray(Long[]::new));
    }
}
