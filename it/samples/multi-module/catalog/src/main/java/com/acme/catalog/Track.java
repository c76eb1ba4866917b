package com.acme.catalog;

/** One track of the catalogue. */
public record Track(long id, long ownerId, String title) {
}
