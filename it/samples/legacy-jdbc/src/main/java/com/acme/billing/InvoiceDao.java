package com.acme.billing;

import static com.acme.billing.sql.InvoiceSql.*;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.acme.billing.sql.InvoiceSql;

/**
 * Invoice data access on a caller-managed JDBC connection.
 */
public class InvoiceDao {

    private final Connection connection;

    public InvoiceDao(Connection connection) {
        this.connection = connection;
    }

    /** Number of open invoices across all customers. */
    public long countOpen() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(InvoiceSql.COUNT_OPEN)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Invoices of one customer. */
    public List<Invoice> findByCustomer(long customerId) throws SQLException {
        String sql = InvoiceSql.BASE + " WHERE i.customer_id = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, customerId);
            return readInvoices(ps);
        }
    }

    /**
     * Invoices of one customer, narrowed by status. The old search screen sends at most one
     * status; an empty list means any status.
     */
    public List<Invoice> findByCustomerAndStatuses(long customerId, List<String> statuses) throws SQLException {
        StringBuilder sql = new StringBuilder(InvoiceSql.BASE).append(" WHERE i.customer_id = ?");
        for (int n = 0; n < statuses.size(); n++) {
            sql.append(" AND i.status = ?");
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            ps.setLong(1, customerId);
            for (int n = 0; n < statuses.size(); n++) {
                ps.setString(n + 2, statuses.get(n));
            }
            return readInvoices(ps);
        }
    }

    /** Invoices a customer owns or that were shared with them. */
    public List<Invoice> findSharedOrOwned(long customerId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SHARED_OR_OWNED)) {
            ps.setLong(1, customerId);
            ps.setLong(2, customerId);
            return readInvoices(ps);
        }
    }

    /** Removes the lines of the given invoices in one batch. */
    public void deleteLines(List<Long> invoiceIds) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (long invoiceId : invoiceIds) {
                statement.addBatch(InvoiceSql.DELETE_LINES + invoiceId);
            }
            statement.executeBatch();
        }
    }

    /** Recomputes the stored totals of a customer's invoices. */
    public void recalculateTotals(long customerId) throws SQLException {
        try (CallableStatement call = connection.prepareCall("{call recalc_totals(?)}")) {
            call.setLong(1, customerId);
            call.execute();
        }
    }

    /**
     * Reachability probe kept for the retired admin console. Its statement has never been valid
     * SQL, so the call always fails with an {@link SQLException} the console shows as "offline".
     */
    public boolean probe() {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELEC * FORM invoices WHERE")) {
            return rs.next();
        } catch (SQLException e) {
            return false;
        }
    }

    private static List<Invoice> readInvoices(PreparedStatement ps) throws SQLException {
        List<Invoice> invoices = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                invoices.add(new Invoice(rs.getLong("id"), rs.getLong("customer_id"),
                        rs.getString("status"), rs.getLong("total_cents")));
            }
        }
        return invoices;
    }
}
