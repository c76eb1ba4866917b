package dev.sqllint.extract.sinks;

import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.RepositoryCountCalls;
import dev.sqllint.extract.UnresolvedSite;
import dev.sqllint.extract.fluent.JooqRoots;
import dev.sqllint.source.JavaOutline;
import dev.sqllint.source.JavaOutlineScanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pre-filter: which files can hold a SQL site or a fact the analysis of one needs, read from
 * {@link JavaOutline}s alone. A file is a root when it names a catalogue type or annotation (a sink, a query
 * annotation, an entity), calls a sink method ({@code prepareStatement(}; a generic name like {@code update(} or
 * {@code add(} only with a literal or a constant as first argument), mentions jOOQ, has a literal that starts
 * like a statement or names sqllint (a suppression), or extends a repository type; and so is a type that
 * extends a root's type (a repository interface extending the project's base repository), and a file that names a
 * root's type the way query interfaces are named ({@code OrderRepository}, {@code LineMapper}, {@code ShipmentDao}):
 * it may call its methods, which issue SQL where they are called. Everything else a root's
 * analysis needs (a constant in a constants class, a supertype, a helper method) is parsed on demand through
 * {@link ProjectIndex}, so the choice changes which files are parsed, never the findings.
 */
public final class SqlRelevance implements JavaOutlineScanner.Signals {

    private static final Set<String> EXTRA_NAMES = Set.of("Entity", "MappedSuperclass", "Embeddable", "IdClass",
            "NamedQueries", "NamedNativeQueries", "CriteriaBuilder", "CriteriaQuery", "Specification", "toPredicate", "jooq", "ibatis", "jdbi", "skife", "SelectProvider", "InsertProvider",
            "UpdateProvider", "DeleteProvider");
    private static final String[] STATEMENT_WORDS = {"select", "insert", "update", "delete", "merge", "upsert", "with"};

    private final Set<String> names = new HashSet<>(EXTRA_NAMES);
    private final Set<String> calls = new HashSet<>();

    public SqlRelevance(SinkCatalog catalog) {
        for (String type : catalog.knownTypes()) names.add(type.substring(type.lastIndexOf('.') + 1));
        for (String type : JooqRoots.KNOWN_TYPES) names.add(type.substring(type.lastIndexOf('.') + 1));
        calls.addAll(catalog.methodNames());
        calls.addAll(JooqRoots.SELECTS);
    }

    @Override
    public boolean identifier(String name) {
        return names.contains(name) || name.equals("RepositoryDefinition");
    }

    @Override
    public boolean call(String name, boolean afterDot, char firstArgument) {
        // orders.countByStatus(s) > 0: a repository's count, judged at the caller that only tests it
        if (afterDot && RepositoryCountCalls.isCountMethod(name)) return true;
        if (!calls.contains(name)) return false;
        // list.add(item), service.update(loan), a declaration execute(JsonCommand c): a generic name counts only
        // called on a receiver with SQL text (a literal, a constant) as first argument
        return UnresolvedSite.isDistinctive(name)
                || (afterDot && (firstArgument == '"' || Character.isUpperCase(firstArgument)));
    }

    /**
     * A literal that starts like a statement ({@code "SELECT ...}, {@code "(select }), or names sqllint. The
     * keyword is all lower or all upper case and followed by a space: "Select a file" and "UPDATE_LOAN" are not
     * statements.
     */
    @Override
    public boolean literal(String text, int from, int to) {
        int i = from;
        while (i < to && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '(')) i++;
        for (String word : STATEMENT_WORDS) {
            int end = i + word.length();
            if (wordAt(text, i, to, word) && end < to && Character.isWhitespace(text.charAt(end)) && oneCase(text, i, end)) {
                return true;
            }
        }
        for (int k = from; k + 7 <= to; k++) if (text.charAt(k) == 's' && text.startsWith("sqllint", k)) return true;
        return false;
    }

    private static boolean oneCase(String text, int from, int to) {
        boolean upper = Character.isUpperCase(text.charAt(from));
        for (int k = from + 1; k < to; k++) if (Character.isUpperCase(text.charAt(k)) != upper) return false;
        return true;
    }

    private static boolean wordAt(String text, int at, int to, String word) {
        int end = at + word.length();
        if (end > to || at >= text.length()) return false;
        for (int k = 0; k < word.length(); k++) {
            if (Character.toLowerCase(text.charAt(at + k)) != word.charAt(k)) return false;
        }
        return end == to || !Character.isLetterOrDigit(text.charAt(end));
    }

    /**
     * The files to parse up front: the signalled ones, plus those declaring a type that extends a type of one of
     * them, to a fixed point. In the order given.
     */
    public static Set<Path> roots(Map<Path, JavaOutline> outlines) {
        return roots(outlines, Set.of());
    }

    /** As {@link #roots(Map)}; {@code queryInterfaces}: more simple names of query interfaces (XML mappers' namespaces). */
    public static Set<Path> roots(Map<Path, JavaOutline> outlines, Set<String> queryInterfaces) {
        Set<Path> roots = new HashSet<>();
        Map<String, List<Path>> extenders = new HashMap<>(); // supertype name -> files declaring a type extending it
        java.util.ArrayDeque<String> newRootTypes = new java.util.ArrayDeque<>();
        for (Map.Entry<Path, JavaOutline> e : outlines.entrySet()) {
            JavaOutline o = e.getValue();
            if (o.signalled() || extendsARepository(o)) {
                roots.add(e.getKey());
                newRootTypes.addAll(o.topLevelTypes());
            } else {
                for (String s : o.supertypes()) extenders.computeIfAbsent(s, k -> new ArrayList<>(1)).add(e.getKey());
            }
        }
        while (!newRootTypes.isEmpty()) {
            for (Path p : extenders.getOrDefault(newRootTypes.poll(), List.of())) {
                if (roots.add(p)) newRootTypes.addAll(outlines.get(p).topLevelTypes());
            }
        }
        // a file that uses a query interface of the roots (orderRepository.findById(id) in a service) issues SQL there
        Set<String> rootTypes = new HashSet<>(queryInterfaces);
        for (Path p : roots) rootTypes.addAll(outlines.get(p).topLevelTypes());
        Set<Path> users = new HashSet<>();
        for (Map.Entry<Path, JavaOutline> e : outlines.entrySet()) {
            if (roots.contains(e.getKey())) continue;
            for (String name : e.getValue().dataAccessNames()) {
                if (rootTypes.contains(name)) {
                    users.add(e.getKey());
                    break;
                }
            }
        }
        roots.addAll(users);
        Set<Path> ordered = new LinkedHashSet<>();
        for (Path p : outlines.keySet()) if (roots.contains(p)) ordered.add(p);
        return ordered;
    }

    /** Spring Data's Repository, CrudRepository, JpaRepository..., or a project's base repository named so. */
    private static boolean extendsARepository(JavaOutline outline) {
        for (String s : outline.supertypes()) if (s.endsWith("Repository")) return true;
        return false;
    }

}
