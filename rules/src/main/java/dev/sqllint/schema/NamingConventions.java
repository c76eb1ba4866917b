package dev.sqllint.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fallback when no schema is known: the conventions most schemas follow. {@code id}, {@code uuid} or
 * {@code <table>_id} ({@code tracks.track_id}, {@code ID_}, prefixes like {@code m_} aside) is the primary key;
 * {@code x_id} is a foreign key to {@code x}, so rows joined on it are many per row of {@code x}; a per-owner table named like {@code user_stats} holds one row per {@code user_id}; a link
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
        Set<String> cols = new HashSet<>();
        for (String c : columns) cols.add(column(c));
        for (String key : List.of("id", "uuid")) {
            if (cols.contains(key)) return Optional.of(Evidence.convention(t + "." + key + " is taken as its primary key"));
        }
        for (String ownKey : ownKeyNames(t)) {
            if (cols.contains(ownKey)) {
                return Optional.of(Evidence.convention(t + "." + ownKey + " is taken as its primary key"));
            }
        }
        int underscore = t.lastIndexOf('_');
        if (underscore > 0 && PER_OWNER_SUFFIXES.contains(t.substring(underscore + 1))) {
            String ownerKey = singular(t.substring(0, underscore)) + "_id";
            if (cols.contains(ownerKey)) {
                return Optional.of(Evidence.convention(t + " is taken as one row per " + ownerKey));
            }
        }
        if (isLinkTableKey(t, cols)) {
            return Optional.of(Evidence.convention(t + " is taken as a link table keyed by its two foreign keys"));
        }
        return Optional.empty();
    }

    /**
     * Many rows per row of the other side only when the joined column is named after that side and meets its key
     * ({@code order_lines.order_id = orders.id}); any other join on a table no schema declares proves nothing.
     */
    @Override
    public Optional<Evidence> manyRowsPer(String table, Set<String> bound, List<Link> links) {
        if (uniqueKeyCovered(table, bound).isPresent()) return Optional.empty();
        String t = normalize(table);
        for (Link link : links) {
            String other = normalize(link.otherTable());
            if (!link.otherColumnIsKey() || other.equals(t)) continue;
            if (ownKeyNames(other).contains(column(link.column()))) {
                return Optional.of(Evidence.convention(t + "." + link.column() + " is named after " + other
                        + ", so " + t + " is taken as many rows per " + other + " row (a naming convention: no schema "
                        + "declares " + t + "'s keys)"));
            }
        }
        return Optional.empty();
    }

    /**
     * The names a table's own key goes by, besides {@code id}: {@code <table>_id}, {@code <singular>_id}, and the
     * same without a short prefix ({@code m_loan}: {@code loan_id}; {@code act_ru_task}: {@code task_id}).
     */
    static Set<String> ownKeyNames(String table) {
        Set<String> out = new HashSet<>();
        String[] words = table.split("_");
        for (int i = 0; i < words.length; i++) {
            String rest = String.join("_", java.util.Arrays.asList(words).subList(i, words.length));
            if (rest.isEmpty()) break;
            out.add(rest + "_id");
            out.add(singular(rest) + "_id");
            if (words[i].length() > 3) break; // only short prefixes (m_, tb_, act_ru_) are stripped
        }
        return out;
    }

    /** A column as conventions compare it: lower case, without the trailing underscore of {@code ID_}. */
    private static String column(String c) {
        String n = normalize(c);
        while (n.endsWith("_") && n.length() > 1) n = n.substring(0, n.length() - 1);
        return n;
    }

    /**
     * {@code topic_users} bound on {@code topic_id} and {@code user_id}; also behind a short prefix, as
     * {@code sys_user_role} on {@code user_id} and {@code role_id}.
     */
    private static boolean isLinkTableKey(String table, Set<String> columns) {
        String[] words = table.split("_");
        int first = 0;
        while (first < 2 && words.length - first > 2 && words[first].length() <= 3) first++; // sys_, t_ds_
        if (words.length - first != 2) return false;
        return columns.contains(singular(words[first]) + "_id") && columns.contains(singular(words[first + 1]) + "_id");
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
