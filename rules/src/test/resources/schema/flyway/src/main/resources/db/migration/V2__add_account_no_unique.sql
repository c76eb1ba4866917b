-- Account numbers are unique per bank.
ALTER TABLE accounts
    ADD CONSTRAINT uq_accounts_account_no UNIQUE (account_no);

-- JSqlParser 5.4 does not parse DEFERRABLE here: retried without the timing, which declares no key.
ALTER TABLE customers
    ADD CONSTRAINT uq_customers_email UNIQUE (email) DEFERRABLE INITIALLY DEFERRED;

INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro'), ('CHF', 'Swiss franc; CHF');

ALTER TABLE accounts ADD COLUMN is_primary BOOLEAN NOT NULL DEFAULT false;
