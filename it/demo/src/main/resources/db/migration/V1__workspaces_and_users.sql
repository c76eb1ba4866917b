-- Tenants and accounts.
CREATE TABLE workspaces (
    id         BIGSERIAL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id                BIGSERIAL PRIMARY KEY,
    username          VARCHAR(100) NOT NULL UNIQUE,
    email             VARCHAR(320) NOT NULL,
    created_at        TIMESTAMP NOT NULL DEFAULT now(),
    previous_visit_at TIMESTAMP
);

-- One row per user, keyed by the user.
CREATE TABLE user_stats (
    user_id         BIGINT PRIMARY KEY REFERENCES users (id),
    first_unread_at TIMESTAMP NOT NULL,
    topics_entered  INTEGER NOT NULL DEFAULT 0
);
