-- Customers are keyed by their customer number, not by a surrogate id.
CREATE TABLE customers (
    customer_no BIGINT       NOT NULL,
    email       VARCHAR(255) NOT NULL,
    CONSTRAINT pk_customers PRIMARY KEY (customer_no)
);

CREATE TABLE accounts (
    id          BIGSERIAL PRIMARY KEY,
    customer_no BIGINT      NOT NULL REFERENCES customers (customer_no),
    currency    CHAR(3)     NOT NULL,
    account_no  VARCHAR(34) NOT NULL,
    opened_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT fk_accounts_currency FOREIGN KEY (currency) REFERENCES currencies (code)
);

CREATE TABLE legacy_accounts (
    id         BIGINT PRIMARY KEY,
    account_id BIGINT REFERENCES accounts (id)
);
