-- Named reviewer groups that review requests are targeted at.
CREATE TABLE review_groups (
    id   BIGSERIAL PRIMARY KEY,
    name VARCHAR(100) NOT NULL UNIQUE
);

ALTER TABLE review_request_target_groups
    ADD CONSTRAINT review_request_target_groups_group_id_fkey FOREIGN KEY (group_id) REFERENCES review_groups (id);
