package dev.sqllint.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Answers from the project's schema (migrations, changelogs, JPA mappings) where it declares the table,
 * and from {@link NamingConventions} where it does not. A table the schema declares is judged only by its
 * declared keys: if no key is covered, the join really is to-many, and that answer is proved too.
 */
public final class SchemaKeyModel implements KeyModel {

    private static final Pattern TENANT = Pattern.compile(
            "(tenant|workspace|organi[sz]ation|org|account|owner|user|team|project|customer|company|site|shop|store)_id");

    private final Schema schema;
    private final KeyModel fallback;
    private final List<Pattern> historyPatterns;

    public SchemaKeyModel(Schema schema, KeyModel fallback, List<String> historyTablePatterns) {
        this.schema = schema;
        this.fallback = fallback;
        this.historyPatterns = historyTablePatterns.stream().map(SchemaKeyModel::glob).toList();
    }

    /** {@code *_history} or {@code audit_*}: a glob on the table name, case-insensitive. */
    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString());
    }

    @Override
    public Optional<Relation> relation(String entity, String property) {
        return schema.relation(entity, property);
    }

    @Override
    public Optional<NamedGraph> namedGraph(String name) {
        return schema.namedGraph(name);
    }

    @Override
    public Optional<Evidence> uniqueKeyCovered(String table, Set<String> columns) {
        Optional<Table> t = schema.table(table).filter(Table::keysKnown); // a view over a join: as if undeclared
        if (t.isEmpty()) return fallback.uniqueKeyCovered(table, columns);
        Set<String> bound = columns.stream().map(Schema::normalize).collect(Collectors.toSet());
        return t.get().keyCoveredBy(bound).map(k -> Evidence.schema(describe(t.get(), k)));
    }

    /**
     * A table whose keys the schema declares is to-many exactly when none is covered, and that is proved; a table
     * it declares without any key (or does not declare) is left to the conventions, which stay quiet unless a
     * join column is named after the other side.
     */
    @Override
    public Optional<Evidence> manyRowsPer(String table, Set<String> bound, List<Link> links) {
        Optional<Table> t = schema.table(table).filter(Table::keysKnown); // a view over a join: as if undeclared
        if (t.isEmpty() || (t.get().primaryKey().isEmpty() && t.get().uniqueKeys().isEmpty())) {
            return fallback.manyRowsPer(table, bound, links);
        }
        Set<String> columns = bound.stream().map(Schema::normalize).collect(Collectors.toSet());
        if (t.get().keyCoveredBy(columns).isPresent()) return Optional.empty();
        return declaredKeys(table).map(keys -> Evidence.schema("not a key of " + t.get().name() + ", whose keys are: "
                + keys.reason()));
    }

    @Override
    public Optional<Evidence> declaredKeys(String table) {
        return schema.table(table).filter(Table::keysKnown).map(t -> {
            StringBuilder sb = new StringBuilder();
            t.primaryKey().ifPresent(k -> sb.append(describe(t, k)));
            for (Key k : t.uniqueKeys()) sb.append(sb.length() == 0 ? "" : "; ").append(describe(t, k));
            if (sb.length() == 0) sb.append(t.name()).append(" declares no primary or unique key (").append(t.source()).append(')');
            return Evidence.schema(sb.toString());
        });
    }

    /** "accounts.account_no is UNIQUE (V2__add_account_no.sql:3)". */
    static String describe(Table t, Key k) {
        String cols = k.columns().size() == 1 ? t.name() + "." + k.columns().get(0)
                : t.name() + " (" + String.join(", ", k.columns()) + ")";
        boolean primary = t.primaryKey().filter(p -> p == k).isPresent();
        return cols + (primary ? " is the primary key" : " is UNIQUE") + " (" + k.source() + ")";
    }

    @Override
    public Optional<Evidence> historyTable(String table) {
        String name = Schema.normalize(table);
        for (Pattern p : historyPatterns) {
            if (p.matcher(name).matches()) return Optional.of(Evidence.schema(name + " is configured as a history table"));
        }
        return fallback.historyTable(table);
    }

    @Override
    public Optional<Evidence> tenantKey(String table) {
        Optional<Table> t = schema.table(table);
        if (t.isEmpty()) return Optional.empty();
        for (ForeignKey fk : t.get().foreignKeys()) {
            for (String c : fk.columns()) {
                // rows that belong to an owner: a tenant-like key, or any key named after the table it references
                if (TENANT.matcher(c).matches() || c.equals(NamingConventions.singular(fk.referencedTable()) + "_id")) {
                    return Optional.of(Evidence.schema(t.get().name() + "." + c + " references " + fk.referencedTable()
                            + " (" + fk.source() + ")"));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean isTimestamp(String table, String column) {
        Optional<String> type = schema.table(table).flatMap(t -> t.columnType(column));
        if (type.isPresent()) return type.get().startsWith("timestamp") || type.get().startsWith("date");
        return fallback.isTimestamp(table, column);
    }

    @Override
    public Optional<String> indexOn(String table, String column) {
        return schema.table(table).filter(Table::keysKnown).flatMap(t -> t.indexLeadingWith(column).map(k ->
                (k.name() == null ? "the index" : k.name()) + " on " + t.name() + "(" + String.join(", ", k.columns())
                        + ") (" + k.source() + ")"));
    }

    @Override
    public Optional<Evidence> neverNull(String table, String column) {
        return schema.table(table).flatMap(t -> t.primaryKey()
                .filter(k -> k.columns().contains(Schema.normalize(column)))
                .map(k -> Evidence.schema(t.name() + "." + Schema.normalize(column) + " is "
                        + (k.columns().size() == 1 ? "the primary key" : "part of the primary key") + " (" + k.source() + ")")));
    }

    @Override
    public Optional<String> expressionIndexOn(String table, String expression) {
        String wanted = comparable(expression);
        return schema.table(table).filter(Table::keysKnown).flatMap(t -> java.util.stream.Stream
                .concat(t.indexes().stream(), t.uniqueKeys().stream())
                .filter(k -> !k.columns().isEmpty() && k.columns().get(0).contains("(")
                        && comparable(k.columns().get(0)).equals(wanted))
                .findFirst().map(k -> describeIndex(t, k)));
    }

    @Override
    public Optional<String> trigramIndexOn(String table, String column) {
        String c = Schema.normalize(column);
        return schema.table(table).flatMap(t -> t.indexes().stream()
                .filter(k -> !k.columns().isEmpty() && k.columns().get(0).matches(java.util.regex.Pattern.quote(c) + "\\s+\\w*trgm_ops"))
                .findFirst().map(k -> describeIndex(t, k)));
    }

    /** {@code lower(u.email)} and {@code ((lower(email)))} alike: no qualifiers, quotes, blanks or parentheses. */
    private static String comparable(String expression) {
        return expression.toLowerCase(Locale.ROOT).replaceAll("cast\\s*\\((.*?)\\s+as\\s+([\\w ]+?)\\)", "$1::$2").replaceAll("[\"`]", "")
                .replaceAll("\\b\\w+\\.(?=[a-z_])", "").replaceAll("[\\s()]", "");
    }

    private static String describeIndex(Table t, Key k) {
        return (k.name() == null ? "the index" : k.name()) + " on " + t.name() + "(" + String.join(", ", k.columns()) + ") ("
                + k.source() + ")";
    }
}
