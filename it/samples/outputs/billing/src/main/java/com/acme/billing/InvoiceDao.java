package com.acme.billing;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Invoices a customer can see: their own, and the ones of accounts they were given access to. */
public class InvoiceDao {

    private final JdbcTemplate jdbc;

    public InvoiceDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> visibleInvoices(long customerId) {
        return jdbc.queryForList("SELECT i.* FROM invoices i WHERE i.customer_id = ? OR i.account_id IN "
                + "(SELECT g.account_id FROM account_grants g WHERE g.customer_id = ?)", customerId, customerId);
    }

    public Long payingCustomers() {
        return jdbc.queryForObject("SELECT COUNT(DISTINCT c.id) FROM customers c JOIN invoices i ON i.customer_id = c.id "
                + "WHERE i.paid_at < CURRENT_DATE", Long.class);
    }
}
