SELECT new com.acme.AccountView(a.id, a.status, u.email)
FROM Account a JOIN a.owner u JOIN a.groups g
WHERE g.name IN :names AND a.status <> 'CLOSED'
ORDER BY a.id
