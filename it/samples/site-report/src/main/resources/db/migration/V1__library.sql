CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE tracks (
    track_id BIGINT PRIMARY KEY,
    owner_id BIGINT NOT NULL REFERENCES users (id),
    title VARCHAR(200) NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX tracks_owner_id_idx ON tracks (owner_id);

CREATE TABLE track_collaborators (
    track_id BIGINT NOT NULL REFERENCES tracks (track_id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (track_id, user_id)
);

CREATE TABLE playlists (
    id BIGINT PRIMARY KEY,
    owner_id BIGINT NOT NULL REFERENCES users (id)
);

CREATE TABLE playlist_tracks (
    playlist_id BIGINT NOT NULL REFERENCES playlists (id),
    track_id BIGINT NOT NULL REFERENCES tracks (track_id),
    PRIMARY KEY (playlist_id, track_id)
);
