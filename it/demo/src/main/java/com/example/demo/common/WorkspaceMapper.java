package com.example.demo.common;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * MyBatis mapper for workspace settings.
 */
@Mapper
public interface WorkspaceMapper {

    @Select("SELECT id, name FROM workspaces WHERE id = #{id}")
    Workspace findById(@Param("id") long id);

    @Update("UPDATE workspaces SET name = #{name} WHERE id = #{id}")
    int rename(@Param("id") long id, @Param("name") String name);
}
