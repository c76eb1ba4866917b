CREATE TABLE audit_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES accounts (id),
    occurred_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX ix_audit_events_account ON audit_events (account_id, occurred_at);
