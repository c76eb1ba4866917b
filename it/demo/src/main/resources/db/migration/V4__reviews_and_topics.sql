CREATE TABLE review_requests (
    id            BIGSERIAL PRIMARY KEY,
    repository_id BIGINT NOT NULL,
    submitter_id  BIGINT NOT NULL REFERENCES users (id),
    status        CHAR(1) NOT NULL,
    last_updated  TIMESTAMP NOT NULL
);

-- Many target groups and people per review request.
CREATE TABLE review_request_target_groups (
    review_request_id BIGINT NOT NULL REFERENCES review_requests (id),
    group_id          BIGINT NOT NULL,
    PRIMARY KEY (review_request_id, group_id)
);

CREATE TABLE review_request_target_people (
    review_request_id BIGINT NOT NULL REFERENCES review_requests (id),
    user_id           BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (review_request_id, user_id)
);

CREATE TABLE topics (
    id                  BIGSERIAL PRIMARY KEY,
    title               VARCHAR(300) NOT NULL,
    highest_post_number INTEGER NOT NULL DEFAULT 0,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    deleted_at          TIMESTAMP
);
CREATE INDEX index_topics_on_updated_at ON topics (updated_at);

CREATE TABLE topic_users (
    topic_id              BIGINT NOT NULL REFERENCES topics (id),
    user_id               BIGINT NOT NULL REFERENCES users (id),
    last_read_post_number INTEGER,
    notification_level    INTEGER
);
-- Added after the table: one tracking row per topic and user.
ALTER TABLE topic_users ADD CONSTRAINT topic_users_topic_user_key UNIQUE (topic_id, user_id);
