package dev.sqllint.derived;

import com.github.javaparser.Position;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.Language;
import dev.sqllint.extract.Paging;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.extract.Suppressions;
import dev.sqllint.extract.TypeNames;
import dev.sqllint.schema.JpaModel;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Spring Data repository methods without a declared query, as the SQL Spring Data JPA derives from their
 * names: {@code findDistinctByTargetGroupsNameIn} is a {@code SELECT DISTINCT} over the joins to the target
 * groups, and is judged like the same SQL written by hand. A derived query has no text in the source, so
 * the whole statement maps to the method name: findings point at the declaration.
 * <p>
 * A method is left alone when Spring Data would not derive its query: it has {@code @Query},
 * {@code @NativeQuery} or {@code @Procedure}, a {@code @NamedQuery} named {@code Entity.method} exists, it
 * redeclares a method the repository base class or an executor implements ({@code findById}, {@code findAll}),
 * or it is a default or static method. A method whose name does
 * not parse, or names a property the entity does not map, is skipped without a diagnostic (Spring Data would
 * fail at start-up, or it is implemented by a fragment sqllint cannot see); {@link #note()} counts them.
 */
public final class DerivedQueries {

    private static final Set<String> DECLARED = Set.of("Query", "NativeQuery", "Procedure");
    /** Methods of SimpleJpaRepository and the query-by-example and specification executors, which run them. */
    private static final Set<String> CRUD = Set.of("findById", "existsById", "findAllById", "deleteById",
            "deleteAllById", "deleteAllByIdInBatch", "getById", "getReferenceById", "getOne", "findAll", "count",
            "save", "saveAll", "saveAndFlush", "saveAllAndFlush", "delete", "deleteAll", "deleteInBatch",
            "deleteAllInBatch", "flush", "findOne", "exists", "findBy");
    private static final int NOTE_EXAMPLES = 10;

    private final JpaModel model;
    private final RepositoryTypes repositories;
    private final AssociationOptionality optionality;
    private final Set<String> namedQueries;
    private final boolean mapped;
    /** Entities by qualified class name and by simple name (a list: simple names may repeat across packages). */
    private final Map<String, JpaModel.Entity> byClass = new HashMap<>();
    private final Map<String, List<JpaModel.Entity>> bySimpleName = new HashMap<>();
    private final Map<java.nio.file.Path, Tally> tallies = new java.util.concurrent.ConcurrentHashMap<>();

    /** What one file's repository methods became: read as SQL, or skipped and why (by Repository.method). */
    public record Tally(Set<String> read, Map<String, String> skipped) {
        static Tally empty() {
            return new Tally(new ConcurrentSkipListSet<>(), new ConcurrentSkipListMap<>());
        }
    }

    public DerivedQueries(JpaModel model, ProjectIndex index, TypeNames typeNames, Collection<JavaFile> files) {
        this.model = model;
        this.repositories = new RepositoryTypes(index, typeNames);
        this.optionality = new AssociationOptionality(model, index, typeNames);
        this.namedQueries = namedQueries(files);
        this.mapped = model != null && !model.entities().isEmpty();
        if (mapped) {
            for (JpaModel.Entity e : model.entities()) {
                byClass.put(e.className(), e);
                bySimpleName.computeIfAbsent(simpleName(e), k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** The derived queries of the repository interfaces in {@code file}, in source order. */
    public List<SqlSite> sites(JavaFile file) {
        List<SqlSite> out = new ArrayList<>();
        if (!mapped) return out;
        Tally tally = Tally.empty();
        for (TypeDeclaration<?> type : file.unit().getTypes()) interfaceSites(file, type, out, tally);
        if (!tally.read().isEmpty() || !tally.skipped().isEmpty()) tallies.put(file.path(), tally);
        return out;
    }

    /** A method of a repository interface, the entity the repository manages, and the method's derived SQL if any. */
    public record RepositoryMethod(MethodDeclaration method, JpaModel.Entity entity, Optional<SqlText> derivedSql) {
    }

    /**
     * The method {@code name} with {@code arity} parameters of the project's repository interface {@code repository}
     * (qualified), declared by it or an interface it extends, with the SQL Spring Data derives from its name when it
     * declares no query; empty when the type is no repository of a mapped entity or the method is not found.
     */
    public Optional<RepositoryMethod> repositoryMethod(String repository, String name, int arity) {
        if (!mapped) return Optional.empty();
        Optional<ClassOrInterfaceDeclaration> type = repositories.index().type(repository)
                .filter(ClassOrInterfaceDeclaration.class::isInstance).map(ClassOrInterfaceDeclaration.class::cast)
                .filter(ClassOrInterfaceDeclaration::isInterface);
        if (type.isEmpty()) return Optional.empty();
        Optional<JpaModel.Entity> entity = repositories.entityOf(type.get()).flatMap(this::entity);
        if (entity.isEmpty()) return Optional.empty();
        Optional<MethodDeclaration> method = repositories.declared(type.get(), name, arity);
        if (method.isEmpty()) return Optional.empty();
        MethodDeclaration m = method.get();
        Optional<SqlText> derivedSql = Optional.empty();
        boolean declared = m.getAnnotations().stream().anyMatch(a -> DECLARED.contains(a.getName().getIdentifier()));
        if (!declared && !CRUD.contains(name) && !namedQueries.contains(simpleName(entity.get()) + "." + name)
                && !m.isDefault() && !m.isStatic() && m.getBody().isEmpty()) {
            try {
                String sql = DerivedSql.write(PartTree.parse(name), entity.get(), model, optionality);
                Position at = m.getName().getBegin().orElse(new Position(1, 1));
                java.nio.file.Path file = JavaFile.of(m);
                if (file != null) derivedSql = Optional.of(SqlText.of(sql, Origin.at(file, at.line, at.column)));
            } catch (RuntimeException e) { // NotDerivedException among them
                // not derivable: the caller has no SQL to judge, as the repository has none
            }
        }
        return Optional.of(new RepositoryMethod(m, entity.get(), derivedSql));
    }

    /** What the file's repository methods became, for {@link #note(Collection)}. */
    public Tally tally(java.nio.file.Path file) {
        return tallies.getOrDefault(file, new Tally(Set.of(), Map.of()));
    }

    /** Walks declared types only (repositories are top-level or nested interfaces), not method bodies. */
    private void interfaceSites(JavaFile file, TypeDeclaration<?> type, List<SqlSite> out, Tally tally) {
        if (type instanceof ClassOrInterfaceDeclaration c && c.isInterface()) {
            Optional<JpaModel.Entity> entity = repositories.entityOf(c).flatMap(this::entity);
            if (entity.isPresent()) {
                for (MethodDeclaration method : c.getMethods()) site(file, c, entity.get(), method, tally).ifPresent(out::add);
            }
        }
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) interfaceSites(file, nested, out, tally);
        }
    }

    /** For the debug log: how many methods were read as derived queries, and which were skipped and why. */
    public Optional<String> note() {
        return note(tallies.values());
    }

    /** The note for the tallies of several files. */
    public static Optional<String> note(Collection<Tally> parts) {
        Set<String> read = new java.util.TreeSet<>();
        Map<String, String> skipped = new java.util.TreeMap<>();
        for (Tally t : parts) {
            read.addAll(t.read());
            skipped.putAll(t.skipped());
        }
        if (read.isEmpty() && skipped.isEmpty()) return Optional.empty();
        StringBuilder note = new StringBuilder("Spring Data derived queries: ").append(read.size())
                .append(read.size() == 1 ? " method" : " methods").append(" read as SQL");
        if (!skipped.isEmpty()) {
            note.append(", ").append(skipped.size()).append(" skipped: ");
            List<String> examples = skipped.entrySet().stream().limit(NOTE_EXAMPLES)
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
            note.append(String.join("; ", examples)).append(skipped.size() > NOTE_EXAMPLES ? "; …" : "");
        }
        return Optional.of(note.toString());
    }

    /** The entity of a class named as the repository resolved it: qualified, or unique by simple name. */
    private Optional<JpaModel.Entity> entity(String className) {
        JpaModel.Entity exact = byClass.get(className);
        if (exact != null) return Optional.of(exact);
        List<JpaModel.Entity> named = bySimpleName.getOrDefault(className.substring(className.lastIndexOf('.') + 1), List.of());
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private Optional<SqlSite> site(JavaFile file, ClassOrInterfaceDeclaration repository, JpaModel.Entity entity,
                                   MethodDeclaration method, Tally tally) {
        String name = method.getNameAsString();
        String owner = repository.getNameAsString() + "." + name;
        if (method.getAnnotations().stream().anyMatch(a -> DECLARED.contains(a.getName().getIdentifier()))) return Optional.empty();
        if (name.equals("findAll") && !method.isDefault() && method.getBody().isEmpty()) {
            return findAllWithEntityGraph(file, entity, method, owner);
        }
        if (CRUD.contains(name) || namedQueries.contains(simpleName(entity) + "." + name)) return Optional.empty();
        if (method.isDefault() || method.isStatic() || method.getBody().isPresent()) {
            if (!method.isStatic()) tally.skipped().put(owner, method.isDefault() ? "default method" : "has a body");
            return Optional.empty();
        }
        String sql;
        PartTree tree;
        try {
            tree = PartTree.parse(name);
            sql = DerivedSql.write(tree, entity, model, optionality);
        } catch (NotDerivedException e) {
            tally.skipped().put(owner, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            tally.skipped().put(owner, "could not be read: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
        tally.read().add(owner);
        Position at = method.getName().getBegin().orElse(new Position(1, 1));
        Origin origin = Origin.at(file.path(), at.line, at.column);
        Paging paging = Paging.ofRepositoryMethod(method, tree.kind() == PartTree.Kind.FIND && tree.maxResults() != null
                ? name.substring(0, name.indexOf("By") < 0 ? name.length() : name.indexOf("By")) : null);
        return Optional.of(new SqlSite(file.path(), origin.line(), origin.column(), "derived query " + name, Language.SQL,
                List.of(SqlText.of(sql, origin)), owner, entity.name(), Suppressions.enclosing(method), null, paging));
    }

    /**
     * {@code findAll(Pageable)} (or {@code findAll(Specification, Pageable)}) redeclared with an {@code @EntityGraph}:
     * the base class runs it, but the graph makes it fetch; read as the select of every row of the entity (what a
     * specification adds to WHERE is not known), so that the fetch and the paging are judged. Without a graph the
     * method is the base class's own and is left alone.
     */
    private Optional<SqlSite> findAllWithEntityGraph(JavaFile file, JpaModel.Entity entity, MethodDeclaration method,
                                                     String owner) {
        Paging paging = Paging.ofRepositoryMethod(method, null);
        if (paging.graph() == null) return Optional.empty();
        Position at = method.getName().getBegin().orElse(new Position(1, 1));
        Origin origin = Origin.at(file.path(), at.line, at.column);
        String alias = Character.toLowerCase(entity.name().charAt(0)) + "1_0";
        return Optional.of(new SqlSite(file.path(), origin.line(), origin.column(), "derived query findAll", Language.SQL,
                List.of(SqlText.of("SELECT " + alias + ".* FROM " + entity.table() + " " + alias, origin)), owner,
                entity.name(), Suppressions.enclosing(method), null, paging));
    }

    private static String simpleName(JpaModel.Entity entity) {
        return entity.className().substring(entity.className().lastIndexOf('.') + 1);
    }

    /** The names of the project's {@code @NamedQuery} and {@code @NamedNativeQuery}: Spring Data prefers them. */
    private static Set<String> namedQueries(Collection<JavaFile> files) {
        Set<String> names = new HashSet<>();
        for (JavaFile f : files) {
            for (AnnotationExpr a : f.findAll(AnnotationExpr.class)) {
                String id = a.getName().getIdentifier();
                if (!(id.equals("NamedQuery") || id.equals("NamedNativeQuery")) || !(a instanceof NormalAnnotationExpr n)) continue;
                for (MemberValuePair p : n.getPairs()) {
                    if (p.getNameAsString().equals("name") && p.getValue() instanceof StringLiteralExpr s) names.add(s.asString());
                }
            }
        }
        return Set.copyOf(names);
    }
}
