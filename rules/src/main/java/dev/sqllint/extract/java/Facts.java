package dev.sqllint.extract.java;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one path through a method has learnt about its conditions: {@code firstAdded} is true here, one of
 * {@code a != null || b != null} holds. Immutable; each branch taken adds to a copy. A path whose facts
 * contradict each other is one the code cannot take: {@code if (a || b) sql += " and "} followed by
 * {@code if (a) ...} and {@code if (b) ...} that both fail is not a statement the code issues.
 */
final class Facts {

    /** One condition's outcome: {@code key} is the normalised Java text, {@code names} the variables it reads. */
    record Literal(String key, Set<String> names, boolean value) {
        Literal negated() {
            return new Literal(key, names, !value);
        }

        /**
         * The key and value only: equal literals still hash alike, and the names (a set, hashed element by element,
         * every time a path's facts were) add nothing the key does not say.
         */
        @Override
        public int hashCode() {
            return key.hashCode() * 31 + (value ? 1 : 0);
        }
    }

    static final Facts NONE = new Facts(Map.of(), List.of());

    /** Known values, by key. */
    private final Map<String, Literal> units;
    /** Disjunctions known to hold, each of at least two literals. */
    private final List<List<Literal>> clauses;

    private Facts(Map<String, Literal> units, List<List<Literal>> clauses) {
        this.units = units;
        this.clauses = clauses;
    }

    /** The literal's truth on this path: TRUE, FALSE, or null when unknown. */
    Boolean value(Literal l) {
        Literal known = units.get(l.key());
        if (known != null) return known.value() == l.value();
        // unit propagation: a clause whose other literals are all false makes its last one true
        for (List<Literal> clause : clauses) {
            Literal same = null;
            boolean othersFalse = true;
            for (Literal c : clause) {
                if (c.key().equals(l.key())) {
                    same = c;
                } else {
                    Literal k = units.get(c.key());
                    if (k == null || k.value() == c.value()) {
                        othersFalse = false;
                        break;
                    }
                }
            }
            if (same != null && othersFalse) return same.value() == l.value();
        }
        return null;
    }

    /** These facts plus {@code l}, or null when they contradict it. */
    Facts with(Literal l) {
        Boolean now = value(l);
        if (now != null) return now ? this : null;
        Map<String, Literal> u = new HashMap<>(units);
        u.put(l.key(), l);
        Facts out = new Facts(u, clauses);
        return out.feasible() ? out : null;
    }

    /** These facts plus "one of {@code any} holds", or null when none can. */
    Facts withClause(List<Literal> any) {
        List<Literal> open = new ArrayList<>();
        for (Literal l : any) {
            Boolean v = value(l);
            if (v != null && v) return this;
            if (v == null) open.add(l);
        }
        if (open.isEmpty()) return null;
        if (open.size() == 1) return with(open.get(0));
        List<List<Literal>> c = new ArrayList<>(clauses);
        c.add(List.copyOf(open));
        return new Facts(units, c);
    }

    /** Forgets what was known about {@code name}: it was assigned, or changed by a call. */
    Facts without(String name) {
        boolean touched = false;
        for (Literal l : units.values()) touched |= l.names().contains(name);
        for (List<Literal> clause : clauses) for (Literal l : clause) touched |= l.names().contains(name);
        if (!touched) return this;
        Map<String, Literal> u = new HashMap<>();
        for (Map.Entry<String, Literal> e : units.entrySet()) if (!e.getValue().names().contains(name)) u.put(e.getKey(), e.getValue());
        List<List<Literal>> c = new ArrayList<>();
        for (List<Literal> clause : clauses) if (clause.stream().noneMatch(l -> l.names().contains(name))) c.add(clause);
        return new Facts(u, c);
    }

    /**
     * Back from a callee: what it knew of its own names ({@code names}: its parameters and locals) is
     * dropped, and what the caller knew of variables of the same names comes back, as the callee cannot
     * have changed the caller's locals.
     */
    Facts restoring(Facts caller, Set<String> names) {
        Facts out = this;
        for (String n : names) out = out.without(n);
        Map<String, Literal> u = new HashMap<>(out.units);
        List<List<Literal>> c = new ArrayList<>(out.clauses);
        for (Literal l : caller.units.values()) if (mentions(l, names)) u.put(l.key(), l);
        for (List<Literal> clause : caller.clauses) if (clause.stream().anyMatch(l -> mentions(l, names))) c.add(clause);
        Facts restored = new Facts(u, c);
        return restored.feasible() ? restored : out;
    }

    private static boolean mentions(Literal l, Set<String> names) {
        for (String n : l.names()) if (names.contains(n)) return true;
        return false;
    }

    private boolean feasible() {
        for (List<Literal> clause : clauses) {
            boolean allFalse = true;
            for (Literal l : clause) {
                Literal k = units.get(l.key());
                if (k == null || k.value() == l.value()) {
                    allFalse = false;
                    break;
                }
            }
            if (allFalse) return false;
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Facts f && f.hashCode() == hashCode() && f.units.equals(units) && f.clauses.equals(clauses);
    }

    /** Kept once computed (immutable): paths are told apart by their facts at every step of a method. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = units.hashCode() * 31 + clauses.hashCode();
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    private int hash;
}
