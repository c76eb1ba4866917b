-- One balance per account and day.
CREATE TABLE account_balances (
    account_id BIGINT         NOT NULL REFERENCES accounts (id),
    as_of      DATE           NOT NULL,
    amount     NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (account_id, as_of)
);
