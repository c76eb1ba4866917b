package com.acme.billing.sql;

/**
 * Table names of the billing schema.
 */
public final class Tables {

    public static final String INVOICES = "invoices";
    public static final String INVOICE_LINES = "invoice_lines";
    public static final String INVOICE_SHARES = "invoice_shares";
    public static final String CUSTOMERS = "customers";

    private Tables() {
    }
}
