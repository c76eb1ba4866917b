package com.acme.shop;

import java.util.List;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Jdbi SQL object: each query is in com/acme/shop/CustomerDao/<method>.sql on the classpath. */
@UseClasspathSqlLocator
public interface CustomerDao {

    @SqlQuery
    List<Long> buyers();

    @SqlQuery
    List<Long> inactive();
}
