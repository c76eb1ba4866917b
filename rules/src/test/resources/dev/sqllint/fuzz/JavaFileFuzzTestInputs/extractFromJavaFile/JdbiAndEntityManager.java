package com.acme.orders;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface OrderDao {
    @SqlQuery("SELECT o.id FROM orders o WHERE o.account_id = :accountId OR o.id IN (<ids>)")
    List<Long> forAccount(@Bind("accountId") long accountId);

    @SqlUpdate("DELETE FROM order_items WHERE order_id = :id")
    void deleteItems(@Bind("id") long id);
}

class OrderQueries {
    private final EntityManager em;

    OrderQueries(EntityManager em) { this.em = em; }

    List<?> latest(String status) {
        return em.createQuery("select new com.acme.orders.OrderView(o.id, a.status) from Order o join o.account a "
                + "where a.status = :status order by o.createdAt desc")
            .setParameter("status", status)
            .getResultList();
    }

    void mark(Connection connection, long id) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE orders SET flagged = true WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        connection.prepareCall("{call recompute_totals(?)}");
    }
}
