ALTER TABLE accounts DROP CONSTRAINT uq_accounts_account_no;
