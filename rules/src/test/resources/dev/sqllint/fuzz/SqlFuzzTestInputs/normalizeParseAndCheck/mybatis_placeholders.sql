select a.id, a.status from ${schema}.accounts a
where a.owner_id = #{ownerId,jdbcType=BIGINT}
  and a.status in (#{s1}, #{s2})
  and a.id in (select o.account_id from orders o where o.created_at > #{since})
order by ${orderBy} ${direction}
