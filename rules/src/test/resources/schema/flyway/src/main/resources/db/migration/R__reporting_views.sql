CREATE OR REPLACE VIEW account_overview AS
SELECT a.id, a.iban, c.email
  FROM accounts a
  JOIN clients c ON c.customer_no = a.customer_no;
