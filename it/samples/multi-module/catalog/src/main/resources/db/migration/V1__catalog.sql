CREATE TABLE tracks (
    track_id BIGINT PRIMARY KEY,
    owner_id BIGINT NOT NULL,
    title    VARCHAR(300) NOT NULL
);
CREATE INDEX tracks_owner_id_idx ON tracks (owner_id);

CREATE TABLE track_collaborators (
    track_id             BIGINT NOT NULL REFERENCES tracks (track_id),
    collaborator_user_id BIGINT NOT NULL,
    PRIMARY KEY (track_id, collaborator_user_id)
);
CREATE INDEX track_collaborators_user_idx ON track_collaborators (collaborator_user_id, track_id);
