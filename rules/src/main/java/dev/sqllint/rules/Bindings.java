package dev.sqllint.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.schema.Column;

/**
 * The equalities of a query's conditions, closed transitively: which columns are fixed to one value
 * (bound to a literal or parameter, directly or through other columns, as in
 * {@code us.user_id = u.id AND u.id = ?}), and which columns are equated with another table's columns.
 */
final class Bindings {

    private static final String VALUE = "<value>";

    private final SelectScope scope;
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, Set<String>> joinedTo = new HashMap<>();
    private final Map<String, TableRef> owners = new HashMap<>();

    private Bindings(SelectScope scope) {
        this.scope = scope;
    }

    static Bindings of(SelectScope scope, List<Expression> conjuncts) {
        Bindings b = new Bindings(scope);
        for (Expression e : conjuncts) b.add(e);
        return b;
    }

    private void add(Expression e) {
        if (!(Expressions.unwrap(e) instanceof EqualsTo eq)) return;
        String left = key(eq.getLeftExpression());
        String right = key(eq.getRightExpression());
        if (left == null || right == null) return;
        union(left, right);
        if (!left.equals(VALUE) && !right.equals(VALUE)) {
            joinedTo.computeIfAbsent(left, k -> new HashSet<>()).add(right);
            joinedTo.computeIfAbsent(right, k -> new HashSet<>()).add(left);
        }
    }

    private String key(Expression e) {
        // = ANY(?) is a list, not a value: a key covered only through it still holds many rows
        if (Expressions.isValue(e)) return isList(e) ? null : VALUE;
        Column c = Expressions.column(e);
        if (c == null) return null;
        if (scope.isOuter(c)) return VALUE; // a correlation: one value each time the subquery runs
        TableRef t = scope.resolve(c);
        if (t == null) return null;
        String k = key(t, Expressions.columnName(c));
        owners.put(k, t);
        return k;
    }

    /** {@code ANY(?)}, {@code ANY(ARRAY[...])}, {@code SOME(...)}, {@code ALL(...)}: several values. */
    private static boolean isList(Expression e) {
        e = Expressions.unwrap(e);
        if (e instanceof net.sf.jsqlparser.expression.CastExpression cast) return isList(cast.getLeftExpression());
        return e instanceof net.sf.jsqlparser.expression.Function f && f.getName() != null
                && List.of("any", "some", "all").contains(f.getName().toLowerCase(java.util.Locale.ROOT));
    }

    private static String key(TableRef t, String column) {
        return System.identityHashCode(t) + ":" + t.key() + "." + column;
    }

    private String find(String k) {
        String p = parent.getOrDefault(k, k);
        if (p.equals(k)) return k;
        String root = find(p);
        parent.put(k, root);
        return root;
    }

    private void union(String a, String b) {
        String ra = find(a);
        String rb = find(b);
        if (!ra.equals(rb)) parent.put(ra, rb);
    }

    /** Whether the column is fixed to a single value by the equalities. */
    boolean isFixed(TableRef t, String column) {
        return find(key(t, column)).equals(find(VALUE));
    }

    /** The columns of {@code t} fixed to a single value. */
    Set<String> fixedColumns(TableRef t, Set<String> candidates) {
        Set<String> out = new HashSet<>();
        for (String c : candidates) if (isFixed(t, c)) out.add(c);
        return out;
    }

    /**
     * The columns of {@code t} that some equality ties to a column of one of {@code others}. Judging a join
     * step by the tables joined before it is what tells a fan-out: in r JOIN link ON link.r_id = r.id JOIN g
     * ON g.id = link.g_id, link is to-many from r even though its other column is tied to g.
     */
    Set<String> columnsEquatedTo(TableRef t, Set<TableRef> others) {
        Set<String> out = new HashSet<>();
        String prefix = System.identityHashCode(t) + ":" + t.key() + ".";
        for (Map.Entry<String, Set<String>> e : joinedTo.entrySet()) {
            if (!e.getKey().startsWith(prefix)) continue;
            for (String other : e.getValue()) {
                if (others.contains(owners.get(other))) out.add(e.getKey().substring(prefix.length()));
            }
        }
        return out;
    }

    /**
     * The equalities that tie a column of {@code t} to a column of one of {@code others}: {@code t}'s column, the
     * other table and its column.
     */
    List<Link> links(TableRef t, Set<TableRef> others) {
        List<Link> out = new java.util.ArrayList<>();
        String prefix = System.identityHashCode(t) + ":" + t.key() + ".";
        for (Map.Entry<String, Set<String>> e : joinedTo.entrySet()) {
            if (!e.getKey().startsWith(prefix)) continue;
            for (String other : e.getValue()) {
                TableRef o = owners.get(other);
                if (!others.contains(o)) continue;
                String otherPrefix = System.identityHashCode(o) + ":" + o.key() + ".";
                out.add(new Link(e.getKey().substring(prefix.length()), o, other.substring(otherPrefix.length())));
            }
        }
        out.sort(java.util.Comparator.comparing(Link::column).thenComparing(Link::otherColumn));
        return out;
    }

    /** {@code column} of the table judged equals {@code otherColumn} of {@code other}. */
    record Link(String column, TableRef other, String otherColumn) {
    }

    /**
     * Fixes every column of each table a unique key pins to one row, until nothing changes: a pinned row's other
     * columns are single values too, so {@code u.username = ? ... us.user_id = u.id} pins {@code us} when
     * {@code username} is unique. Returns the pinned tables.
     */
    Set<TableRef> pinRows(dev.sqllint.schema.KeyModel keys) {
        Set<TableRef> pinned = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TableRef t : scope.tables) {
                if (t.table() == null || pinned.contains(t)) continue;
                Set<String> columns = columnsInEqualities(t);
                if (keys.uniqueKeyCovered(t.name(), fixedColumns(t, columns)).isEmpty()) continue;
                pinned.add(t);
                for (String c : columns) union(key(t, c), VALUE);
                changed = true;
            }
        }
        return pinned;
    }

    /** Every column of {@code t} that appears in an equality. */
    Set<String> columnsInEqualities(TableRef t) {
        Set<String> out = new HashSet<>();
        String prefix = System.identityHashCode(t) + ":" + t.key() + ".";
        for (String k : parent.keySet()) if (k.startsWith(prefix)) out.add(k.substring(prefix.length()));
        for (String k : parent.values()) if (k.startsWith(prefix)) out.add(k.substring(prefix.length()));
        return out;
    }
}
