-- Kept for the move from the old core banking system.
CREATE TABLE legacy_accounts (
    id         BIGINT PRIMARY KEY,
    account_id BIGINT REFERENCES accounts (id)
);
