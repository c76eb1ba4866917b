package com.acme.billing;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Half-finished merge left in the tree on purpose: this file is not valid Java.
 */
public class Broken {

    private final Connection connection;

    public Broken(Connection connection) {
        this.connection = connection;
    }

    public int voidInvoice(long invoiceId) throws SQLException {
        try (var ps = connection.prepareStatement("UPDATE invoices SET status = 'VOID' WHERE id = ?")) {
            ps.setLong(1, invoiceId);
            return ps.executeUpdate();
        @@
    }

    public String status(long invoiceId) {
        return "unknown";
    }
