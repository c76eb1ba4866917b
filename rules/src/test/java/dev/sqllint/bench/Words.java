package dev.sqllint.bench;

import java.util.List;
import java.util.Random;

/**
 * Vocabulary of the non-SQL code. The messages deliberately use "select", "update", "from", "order", "where",
 * "join" and "group" as English words, so that a text pre-filter looking for SQL keywords has to work for it.
 */
final class Words {

    private Words() {
    }

    static final List<String> VERBS = List.of("calculate", "validate", "resolve", "prepare", "apply", "merge",
            "collect", "notify", "schedule", "archive", "export", "refresh", "normalize", "reconcile", "assign",
            "estimate", "publish", "render", "summarize", "split", "rank", "score", "enrich", "reserve", "release");

    static final List<String> OBJECTS = List.of("total", "discount", "window", "batch", "summary", "reminder",
            "limit", "quota", "forecast", "balance", "slot", "schedule", "digest", "threshold", "priority",
            "snapshot", "payload", "token", "address", "margin", "deadline", "channel", "region", "currency",
            "attachment", "comment", "rating", "tariff", "allowance", "score");

    static final List<String> ADJECTIVES = List.of("pending", "active", "expired", "default", "weekly", "daily",
            "regional", "premium", "draft", "overdue", "shared", "archived", "primary", "manual", "automatic");

    static final List<String> FIELD_TYPES = List.of("String", "long", "int", "boolean", "BigDecimal", "Instant",
            "LocalDate", "List<String>", "Optional<String>", "Map<String, Integer>", "Duration", "UUID");

    /** English that reads like SQL to a keyword scanner. */
    static final List<String> MESSAGES = List.of(
            "Select a delivery window from the list below",
            "Could not update the %s from the remote service",
            "Order by date or by amount, then select the rows to export",
            "Please select at least one %s from your saved items",
            "Update from upstream failed, keeping the cached %s",
            "Nothing to update: the %s is already in order",
            "Select where the %s should be delivered from",
            "Join the waiting list to be notified when the %s is back",
            "Group the %s by region before you select a carrier",
            "Delete the selected %s from your order?",
            "Insert a card or select another payment method",
            "Your order from %s has been updated",
            "Values from the form are out of order",
            "Set the %s from the admin console, then update the page",
            "Select all %s where the status is pending",
            "Drop-off from 9:00 to 17:00; select a slot",
            "Could not create the %s: a value is missing",
            "The %s was updated from the mobile app",
            "Moving the %s from draft to review",
            "Na\u00efve totals are off by one cent; recalculating the %s",
            "Z\u00fcrich and M\u00fcnchen are served from the same warehouse",
            "Price from 12 \u20ac per month, billed yearly");

    static final List<String> LOG_LINES = List.of(
            "Updating {} from {}",
            "Selected {} candidates from {} in {} ms",
            "Order {} moved from {} to {}",
            "Skipping update of {}: nothing changed",
            "Loaded {} rows from the cache, {} from the service",
            "Retrying select of {} after {}",
            "Joined {} with {} for the report",
            "Grouping {} items by {}",
            "Deleting {} expired entries from {}",
            "Could not parse {} from the request: {}");

    static String pick(Random rnd, List<String> words) {
        return words.get(rnd.nextInt(words.size()));
    }

    static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A message with its {@code %s} filled with a word, quoted for Java. */
    static String message(Random rnd, String object) {
        return "\"" + pick(rnd, MESSAGES).replace("%s", object) + "\"";
    }
}
