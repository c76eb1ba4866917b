package com.acme.billing.sql;

/**
 * SQL fragments and statements of the invoice DAO, assembled from the names in {@link Tables}.
 */
public final class InvoiceSql {

    public static final String COLUMNS = "i.id, i.customer_id, i.status, i.total_cents";

    public static final String BASE = "SELECT " + COLUMNS + " FROM " + Tables.INVOICES + " i";

    public static final String COUNT_OPEN =
            "SELECT count(*) FROM " + Tables.INVOICES + " i WHERE i.status = 'OPEN'";

    public static final String LINES_OF_INVOICE = "SELECT l.id, l.description, l.amount_cents FROM "
            + Tables.INVOICE_LINES + " l WHERE l.invoice_id = ? ORDER BY l.id";

    public static final String DELETE_LINES = "DELETE FROM " + Tables.INVOICE_LINES + " WHERE invoice_id = ";

    static final String OWNED = " WHERE i.customer_id = ?";

    static final String SHARED = " OR EXISTS (SELECT 1 FROM " + Tables.INVOICE_SHARES
            + " s WHERE s.invoice_id = i.id AND s.shared_with = ?)";

    /** Invoices a customer owns or that another customer shared with them. */
    public static final String SHARED_OR_OWNED = "SELECT i.* FROM " + Tables.INVOICES + " i" + OWNED + SHARED;

    private InvoiceSql() {
    }
}
