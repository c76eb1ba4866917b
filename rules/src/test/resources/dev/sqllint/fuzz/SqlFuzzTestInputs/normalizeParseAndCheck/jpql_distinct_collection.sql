select distinct a from Account a join a.orders o where o.createdAt > ?1 or a.owner.workspaceId = ?2
