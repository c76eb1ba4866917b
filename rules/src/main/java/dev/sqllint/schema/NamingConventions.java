package dev.sqllint.schema;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fallback when no schema is known: the conventions most schemas follow. {@code id} (or
 * {@code <table>_id}, as in {@code tracks.track_id}) is the primary key; {@code x_id} is a foreign key to
 * {@code x}; a per-owner table named like {@code user_stats} holds one row per {@code user_id}; a link
 * table ({@code topic_users}) is keyed by the foreign keys of the two tables it names. History tables are
 * recognised by name ({@code *_runs}, {@code *_events}, {@code *_history}, ...).
 */
public final class NamingConventions implements KeyModel {

    private static final Set<String> HISTORY_WORDS = Set.of("history", "histories", "log", "logs", "event", "events",
            "audit", "audits", "run", "runs", "savedrun", "savedruns", "version", "versions", "snapshot", "snapshots",
            "revision", "revisions", "change", "changes", "activity", "activities", "entries", "journal", "trail");
    private static final Set<String> PER_OWNER_SUFFIXES = Set.of("stats", "statistics", "settings", "options",
            "preferences", "prefs", "profile", "profiles", "details", "info", "summary", "counters", "state",
            "config", "configs");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(?i).*(_at|_on|_time|_ts|_date|_timestamp|time|timestamp)$|^(ts|date|time|created|updated|modified)$");

    @Override
    public Optional<Evidence> uniqueKeyCovered(String table, Set<String> columns) {
        String t = normalize(table);
        if (columns.contains("id")) return Optional.of(Evidence.convention(t + ".id is taken as its primary key"));
        String ownKey = singular(t) + "_id";
        if (columns.contains(ownKey)) {
            return Optional.of(Evidence.convention(t + "." + ownKey + " is taken as its primary key"));
        }
        int underscore = t.lastIndexOf('_');
        if (underscore > 0 && PER_OWNER_SUFFIXES.contains(t.substring(underscore + 1))) {
            String ownerKey = singular(t.substring(0, underscore)) + "_id";
            if (columns.contains(ownerKey)) {
                return Optional.of(Evidence.convention(t + " is taken as one row per " + ownerKey));
            }
        }
        if (isLinkTableKey(t, columns)) {
            return Optional.of(Evidence.convention(t + " is taken as a link table keyed by its two foreign keys"));
        }
        return Optional.empty();
    }

    /** {@code topic_users} bound on {@code topic_id} and {@code user_id}. */
    private static boolean isLinkTableKey(String table, Set<String> columns) {
        String[] words = table.split("_");
        if (words.length != 2) return false;
        return columns.contains(singular(words[0]) + "_id") && columns.contains(singular(words[1]) + "_id");
    }

    @Override
    public Optional<Evidence> historyTable(String table) {
        String t = normalize(table);
        String last = t.substring(t.lastIndexOf('_') + 1);
        if (HISTORY_WORDS.contains(last)) {
            return Optional.of(Evidence.convention(t + " is named like an append-only history"));
        }
        return Optional.empty();
    }

    @Override
    public boolean isTimestamp(String table, String column) {
        return TIMESTAMP.matcher(normalize(column)).matches();
    }

    @Override
    public Optional<Evidence> tenantKey(String table) {
        return Optional.empty(); // a table's columns are unknown without a schema; the query's filters tell
    }

    static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "");
        return n.substring(n.lastIndexOf('.') + 1);
    }

    static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 3) return word.substring(0, word.length() - 3) + "y";
        if (word.endsWith("sses") || word.endsWith("xes")) return word.substring(0, word.length() - 2);
        if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 1) return word.substring(0, word.length() - 1);
        return word;
    }
}
