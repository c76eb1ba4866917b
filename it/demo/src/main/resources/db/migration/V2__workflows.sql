-- Run history: append-only, millions of rows per busy workspace.
CREATE TABLE saved_runs (
    id               BIGSERIAL PRIMARY KEY,
    workspace_id     BIGINT NOT NULL REFERENCES workspaces (id),
    published_run_id BIGINT,
    state            VARCHAR(20) NOT NULL,
    created_at       TIMESTAMP NOT NULL DEFAULT now(),
    updated_at       TIMESTAMP NOT NULL DEFAULT now()
);
CREATE INDEX saved_runs_workspace_idx ON saved_runs (workspace_id, updated_at);

-- The fix for the home page: the latest use of each published workflow, upserted on every save.
CREATE TABLE workspace_recent_workflows (
    workspace_id     BIGINT NOT NULL REFERENCES workspaces (id),
    published_run_id BIGINT NOT NULL,
    last_used_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (workspace_id, published_run_id)
);
CREATE INDEX workspace_recent_workflows_last_used_idx ON workspace_recent_workflows (workspace_id, last_used_at DESC);

CREATE TABLE flow (
    id   UUID PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

CREATE TABLE flow_run (
    id         UUID PRIMARY KEY,
    flow_id    UUID NOT NULL REFERENCES flow (id),
    name       VARCHAR(200),
    state_type VARCHAR(20)
);
CREATE INDEX ix_flow_run__flow_id ON flow_run (flow_id);

CREATE TABLE task_run (
    id          UUID PRIMARY KEY,
    flow_run_id UUID REFERENCES flow_run (id),
    state_type  VARCHAR(20),
    deleted     BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX ix_task_run__flow_run_id ON task_run (flow_run_id);
