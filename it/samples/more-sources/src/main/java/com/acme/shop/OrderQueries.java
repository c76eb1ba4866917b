package com.acme.shop;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.sql.Connection;
import org.apache.commons.dbutils.QueryRunner;
import org.apache.commons.dbutils.handlers.ColumnListHandler;

/** Order reports through Commons DbUtils (blocking) and the Vert.x SQL client (reactive). */
public class OrderQueries {

    private final QueryRunner run = new QueryRunner();
    private final Pool pool;

    public OrderQueries(Pool pool) {
        this.pool = pool;
    }

    public Object bigSpenders(Connection conn) throws Exception {
        return run.query(conn, "SELECT DISTINCT c.id, c.email FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.total > ?",
                new ColumnListHandler<Long>(), 100);
    }

    public void open(long customerId) {
        pool.preparedQuery("SELECT o.id FROM orders o WHERE o.customer_id = $1 AND o.status = 'open'")
                .execute(Tuple.of(customerId));
    }

    public Object adHoc(Connection conn, String sql) throws Exception {
        return run.query(conn, sql, new ColumnListHandler<Object>());
    }
}
