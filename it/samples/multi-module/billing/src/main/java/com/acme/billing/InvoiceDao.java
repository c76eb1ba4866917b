package com.acme.billing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Invoices and their lines, on plain JDBC. */
public class InvoiceDao {

    private final Connection connection;

    public InvoiceDao(Connection connection) {
        this.connection = connection;
    }

    /** How many customers have paid at least one invoice. */
    public long payingCustomers() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(DISTINCT c.id) FROM customers c"
                + " JOIN invoices i ON i.customer_id = c.id WHERE i.paid_at IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Invoices whose customer is in the given region. */
    public List<Long> inRegion(String region) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT i.id FROM invoices i WHERE "
                + "EXISTS (SELECT 1 FROM customers c WHERE c.id = i.customer_id AND c.region = ?)")) {
            ps.setString(1, region);
            return ids(ps);
        }
    }

    private static List<Long> ids(PreparedStatement ps) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
