-- IBAN replaces the account number; the unique constraint follows the column.
ALTER TABLE accounts RENAME COLUMN account_no TO iban;

ALTER TABLE customers RENAME TO clients;

DROP TABLE legacy_accounts;

DROP INDEX ix_accounts_customer;
CREATE INDEX ix_accounts_customer_opened ON accounts (customer_no, opened_at);
