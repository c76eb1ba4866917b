package com.acme.billing;

/**
 * One invoice row.
 *
 * @param id         the invoice
 * @param customerId the owning customer
 * @param status     OPEN, PAID, VOID or ARCHIVED
 * @param totalCents the invoice total in cents
 */
public record Invoice(long id, long customerId, String status, long totalCents) {
}
