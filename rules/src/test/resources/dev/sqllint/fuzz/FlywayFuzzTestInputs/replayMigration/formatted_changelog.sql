--liquibase formatted sql

--changeset alice:1
CREATE TABLE track_collaborators (track_id BIGINT NOT NULL, user_id BIGINT NOT NULL, status VARCHAR(10));
--rollback DROP TABLE track_collaborators;

--changeset "bob smith":2 runOnChange:true
ALTER TABLE track_collaborators ADD CONSTRAINT pk_tc PRIMARY KEY (track_id, user_id);
--ignoreLines:start
this is not sql;
--ignoreLines:end
CREATE INDEX tc_user ON track_collaborators (user_id);
