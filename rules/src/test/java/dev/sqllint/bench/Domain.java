package dev.sqllint.bench;

import java.util.List;

/**
 * One business module of the synthetic project (invoices, shipments, ...): its Java package and the tables
 * its SQL reads. Every module has the same five tables, named after its noun, so that every incident shape
 * can be written against any module:
 *
 * <ul>
 *   <li>{@code invoices}: the main table, indexed on {@code owner_id};
 *   <li>{@code invoice_members}: who else may see an invoice (to-many, for OR across access paths);
 *   <li>{@code invoice_events}: append-only history (DISTINCT ON over history);
 *   <li>{@code invoice_tasks}: children with a to-one key to the main table (EXISTS where a JOIN fits);
 *   <li>{@code invoice_labels}: link table to the shared {@code labels} (fan-out joins under DISTINCT).
 * </ul>
 *
 * The shared {@code users} and {@code user_settings} (one row per user) come from the first migration.
 */
record Domain(int index, String noun) {

    private static final List<String> NOUNS = List.of(
            "invoice", "shipment", "ticket", "project", "campaign", "contract", "payment", "booking", "course",
            "device", "document", "employee", "expense", "incident", "listing", "loan", "message", "parcel",
            "patient", "product", "quote", "recipe", "report", "review", "route", "sensor", "store",
            "subscription", "survey", "team", "trip", "vehicle", "venue", "voucher", "warehouse", "webhook",
            "workflow", "article", "asset", "badge", "budget", "claim", "coupon", "deal", "donation", "exam",
            "fleet", "grant", "lead", "meeting", "order", "partner", "playlist", "portfolio", "prescription",
            "refund", "reservation", "shift", "supplier", "tenant");

    private static final List<String> QUALIFIERS = List.of("partner", "legacy", "archive", "internal", "regional",
            "mobile", "batch", "export");

    /** The module for index {@code i}: plain nouns first, then qualified ones ({@code partner_invoice}). */
    static Domain of(int i) {
        String noun = NOUNS.get(i % NOUNS.size());
        int round = i / NOUNS.size();
        if (round > 0) noun = QUALIFIERS.get((round - 1) % QUALIFIERS.size()) + (round > QUALIFIERS.size() ? round : "") + "_" + noun;
        return new Domain(i, noun);
    }

    String pkg() {
        return "com.acme." + noun.replace("_", "");
    }

    String path() {
        return pkg().replace('.', '/');
    }

    /** {@code PartnerInvoice} */
    String type() {
        StringBuilder out = new StringBuilder();
        for (String part : noun.split("_")) out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return out.toString();
    }

    /** {@code partnerInvoice} */
    String var() {
        String t = type();
        return Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }

    String table() {
        return noun.endsWith("s") ? noun + "es" : noun + "s";
    }

    String fk() {
        return noun + "_id";
    }

    /** The JPA property of the foreign key ({@code partnerInvoiceId}). */
    String fkProperty() {
        return var() + "Id";
    }

    String members() {
        return noun + "_members";
    }

    String events() {
        return noun + "_events";
    }

    String tasks() {
        return noun + "_tasks";
    }

    String labels() {
        return noun + "_labels";
    }

    /** jOOQ's generated constant for a table: {@code PARTNER_INVOICE_TASKS}. */
    static String constant(String table) {
        return table.toUpperCase(java.util.Locale.ROOT);
    }

    /** A short SQL alias; never a keyword. */
    String alias() {
        return "x" + noun.charAt(0);
    }
}
