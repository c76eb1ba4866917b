package dev.sqllint.engine;

import dev.sqllint.schema.Schema;
import dev.sqllint.sql.CatalogTables;
import dev.sqllint.sql.Placeholders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The tables one file's SQL reads or writes that no schema source declares: what the user could point sqllint at
 * ({@code schemaLocations}) so that its findings rest on declared keys rather than on naming conventions. CTE
 * names, table functions and names built entirely at run time are not tables; nor are the database's own catalog
 * views ({@code information_schema.columns}, {@code pg_tables}, Oracle's {@code all_tables}), which no project
 * declares, nor SQL Server's {@code UPDATE RES SET ... FROM ACT_HI_DEC_IN RES}, whose target is an alias.
 */
final class UsedTables {

    private static final String DYNAMIC = Placeholders.DYNAMIC.toLowerCase(Locale.ROOT);
    private static final Set<String> NOT_TABLES = Set.of("dual", DYNAMIC);

    private final Predicate<String> declared;
    private final Set<String> undeclared = new TreeSet<>();

    UsedTables(Predicate<String> declared) {
        this.declared = declared;
    }

    void add(Statement statement) {
        Set<String> names;
        try {
            names = new TablesNamesFinder().getTables(statement);
        } catch (RuntimeException | StackOverflowError e) {
            return; // a shape the finder does not know, or an OR of ten thousand terms: nothing we can report
        }
        Set<String> aliasTargets = aliasTargets(statement);
        for (String name : names) {
            String n = Schema.normalize(name);
            if (n == null || n.isEmpty() || NOT_TABLES.contains(n) || n.contains(" ")) continue;
            if (CatalogTables.isCatalog(name, n) || aliasTargets.contains(n)) continue;
            if (n.startsWith(DYNAMIC) && n.length() > DYNAMIC.length()) n = n.substring(DYNAMIC.length()); // ${prefix}X
            if (!declared.test(name) && !n.contains(DYNAMIC)) undeclared.add(n);
        }
    }

    /** {@code UPDATE RES SET ... FROM ACT_HI_DEC_IN RES} (SQL Server): the target names an alias of the FROM. */
    private static Set<String> aliasTargets(Statement statement) {
        if (!(statement instanceof Update u) || u.getTable() == null || u.getTable().getSchemaName() != null) return Set.of();
        String target = Schema.normalize(u.getTable().getName());
        List<FromItem> items = new ArrayList<>();
        if (u.getFromItem() != null) items.add(u.getFromItem());
        if (u.getJoins() != null) for (Join j : u.getJoins()) items.add(j.getRightItem());
        for (FromItem item : items) {
            if (item.getAlias() != null && target != null && target.equals(Schema.normalize(item.getAlias().getName()))) {
                return Set.of(target);
            }
        }
        return Set.of();
    }

    List<String> undeclared() {
        return List.copyOf(undeclared);
    }

    /** The names over all files, those used by the most files first, then by name. */
    static List<String> merge(List<FileOutcome> outcomes) {
        Map<String, Integer> files = new HashMap<>();
        for (FileOutcome o : outcomes) {
            if (o.undeclaredTables() == null) continue;
            for (String t : o.undeclaredTables()) files.merge(t, 1, Integer::sum);
        }
        List<String> names = new ArrayList<>(files.keySet());
        names.sort((a, b) -> files.get(a).equals(files.get(b)) ? a.compareTo(b) : files.get(b) - files.get(a));
        return names;
    }
}
