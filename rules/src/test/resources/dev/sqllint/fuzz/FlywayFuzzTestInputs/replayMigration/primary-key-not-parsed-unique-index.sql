-- accounts and their orders
CREATE TABLE users (
  id BIGSERIAL PRIMARY KEY,
  email VARCHAR(200) NOT NULL,
  workspace_id BIGINT,
  CONSTRAINT users_email_key UNIQUE (email)
);

CREATE TABLE ${schema}.accounts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  status VARCHAR(20) DEFAULT 'OPEN' CØECK (status IN ('OPEN', 'CLOSED')),
  "Display Name" TEXT
);

CREATE TABLE orders (
  id BIGINT NOT NULL,
  account_id BIGINT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE DEFAULT now(),
  total NUMERIC(12, 2),
  PRIMARY KEY (id,,
  CONSTRAINT fk_orders_account FOREIGN KEY (account_id) REFERENCES accounts (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_account_created ON orders (account_id, created_at DESC);
ALTER TABLE orders ADD COLUMN note TEXT;
ALTER TABLE accounts RENAME COLUMN status TO state;
ALTER INDEX orders_account_created RENAME TO orders_by_account;
COMMENT ON TABLE orders IS 'one row per order; it''s big';
INSERT INTO users (email) VALUES ('admin@example.com');
