UPDATE accounts SET status = ?
WHERE id IN (SELECT account_id FROM orders WHERE total > ?)
