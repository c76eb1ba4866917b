select o.id from orders o where o.account_id = ? sqllint_dyn order by sqllint_dyn sqllint_dyn
