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
        if (Expressions.isValue(e)) return VALUE;
        Column c = Expressions.column(e);
        if (c == null) return null;
        TableRef t = scope.resolve(c);
        if (t == null) return null;
        String k = key(t, Expressions.columnName(c));
        owners.put(k, t);
        return k;
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

    /** Every column of {@code t} that appears in an equality. */
    Set<String> columnsInEqualities(TableRef t) {
        Set<String> out = new HashSet<>();
        String prefix = System.identityHashCode(t) + ":" + t.key() + ".";
        for (String k : parent.keySet()) if (k.startsWith(prefix)) out.add(k.substring(prefix.length()));
        for (String k : parent.values()) if (k.startsWith(prefix)) out.add(k.substring(prefix.length()));
        return out;
    }
}
