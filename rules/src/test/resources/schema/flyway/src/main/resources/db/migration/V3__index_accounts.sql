CREATE INDEX ix_accounts_customer ON accounts (customer_no, opened_at DESC);

-- At most one primary account per customer: partial, so not a unique key of accounts.
CREATE UNIQUE INDEX ux_accounts_one_primary ON accounts (customer_no) WHERE is_primary;

CREATE UNIQUE INDEX ux_customers_email ON customers (lower(email));
