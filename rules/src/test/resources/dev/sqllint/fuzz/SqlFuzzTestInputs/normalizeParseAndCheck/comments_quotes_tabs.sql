-- latest order per account, "quoted" names and 'it''s' literals
SELECT	o."account_id", max(o.created_at) /* newest :notAParam */
FROM orders o
WHERE o.note <> 'a -- b' AND o.sku LIKE 'x?%' ESCAPE '\'
GROUP BY o."account_id"
HAVING count(*) > ?
