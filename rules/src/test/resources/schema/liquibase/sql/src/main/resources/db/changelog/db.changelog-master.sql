--liquibase formatted sql

--changeset ana:1
CREATE TABLE customers (
    customer_no BIGINT       NOT NULL,
    email       VARCHAR(255) NOT NULL,
    CONSTRAINT pk_customers PRIMARY KEY (customer_no)
);
--rollback DROP TABLE customers;

--changeset ana:2
CREATE TABLE accounts (
    id          BIGSERIAL PRIMARY KEY,
    customer_no BIGINT NOT NULL CONSTRAINT fk_accounts_customer REFERENCES customers (customer_no),
    account_no  VARCHAR(34),
    opened_at   TIMESTAMP WITH TIME ZONE
);

--changeset ben:3
--comment: Account numbers are unique per bank.
--precondition-table-exists table:accounts
ALTER TABLE accounts
    ADD CONSTRAINT uq_accounts_account_no UNIQUE (account_no);

--changeset ben:4
CREATE INDEX ix_accounts_customer ON accounts (customer_no, opened_at DESC);
-- Kept for the move from the old core banking system.
CREATE TABLE legacy_accounts (
    id         BIGINT PRIMARY KEY,
    account_id BIGINT REFERENCES accounts (id)
);

--changeset cy:5
CREATE TABLE account_balances (
    account_id BIGINT,
    as_of      DATE,
    amount     NUMERIC(19, 4)
);
ALTER TABLE account_balances ADD CONSTRAINT pk_account_balances PRIMARY KEY (account_id, as_of);
ALTER TABLE account_balances
    ADD CONSTRAINT fk_balances_account FOREIGN KEY (account_id) REFERENCES accounts (id);

--changeset cy:6
ALTER TABLE accounts RENAME COLUMN account_no TO iban;
ALTER TABLE customers RENAME TO clients;
DROP TABLE legacy_accounts CASCADE;
--ignoreLines:start
DROP TABLE accounts;
--ignoreLines:end

--changeset cy:7 runOnChange:true
ALTER TABLE clients ADD CONSTRAINT uq_clients_email UNIQUE (email);
CREATE UNIQUE INDEX ux_clients_email_lower ON clients (lower(email));
ALTER TABLE clients DROP CONSTRAINT uq_clients_email;
ALTER TABLE accounts ADD COLUMN external_ref UUID CONSTRAINT uq_accounts_external_ref UNIQUE;
DROP INDEX ix_accounts_customer;
CREATE INDEX ix_accounts_customer_opened ON accounts (customer_no, opened_at);
--rollback DROP INDEX ix_accounts_customer_opened;
