-- The primary key is track_id, not id.
CREATE TABLE tracks (
    track_id   BIGSERIAL,
    owner_id   BIGINT NOT NULL REFERENCES users (id),
    title      VARCHAR(300) NOT NULL,
    status     VARCHAR(20) NOT NULL DEFAULT 'draft',
    created_at TIMESTAMP NOT NULL DEFAULT now(),
    CONSTRAINT tracks_pkey PRIMARY KEY (track_id)
);
CREATE INDEX tracks_owner_id_idx ON tracks (owner_id);

CREATE TABLE track_collaborators (
    track_id             BIGINT NOT NULL REFERENCES tracks (track_id),
    collaborator_user_id BIGINT NOT NULL REFERENCES users (id),
    status               VARCHAR(20) NOT NULL,
    PRIMARY KEY (track_id, collaborator_user_id)
);
CREATE INDEX track_collaborators_user_idx ON track_collaborators (collaborator_user_id, status, track_id);
