-- customers who have ever ordered
SELECT DISTINCT c.id
  FROM customers c
  JOIN orders o ON o.customer_id = c.id
