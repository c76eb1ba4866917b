package com.acme.accounts;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AccountMapper {
    @Select({"<script>",
             "SELECT a.id, a.status FROM accounts a",
             "<where>",
             "  <if test='ownerId != null'>a.owner_id = #{ownerId}</if>",
             "  <if test='statuses != null'>AND a.status IN",
             "    <foreach item='s' collection='statuses' open='(' separator=',' close=')'>#{s}</foreach>",
             "  </if>",
             "</where>",
             "ORDER BY ${orderBy}",
             "</script>"})
    List<Account> find(@Param("ownerId") Long ownerId, @Param("statuses") List<String> statuses,
                       @Param("orderBy") String orderBy);

    @Select("SELECT DISTINCT a.id FROM accounts a LEFT JOIN orders o ON o.account_id = a.id WHERE o.total > #{min}")
    List<Long> withLargeOrders(long min);

    @Update("UPDATE accounts SET status = #{status} WHERE id = #{id}")
    int setStatus(@Param("id") long id, @Param("status") String status);
}
