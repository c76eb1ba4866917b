package dev.sqllint.extract;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.sqllint.derived.DerivedQueries;
import dev.sqllint.extract.fluent.CriteriaQueries;
import dev.sqllint.extract.fluent.FluentContext;
import dev.sqllint.extract.fluent.JooqChains;
import dev.sqllint.extract.fluent.JooqRoots;
import dev.sqllint.extract.java.Declarations;
import dev.sqllint.extract.java.StringFolder;
import dev.sqllint.extract.java.Variants;
import dev.sqllint.extract.jdbi.JdbiSqlObjects;
import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.extract.sinks.SqlLooks;
import dev.sqllint.schema.JpaModel;
import dev.sqllint.schema.Schema;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the places where Java code issues SQL: calls to the catalogue's sink methods (receiver matched by
 * its declared type, or by method name alone when the type cannot be read and the text looks like SQL)
 * and query annotations. Each site's SQL is folded into variants by {@link StringFolder}.
 */
public final class JavaSqlExtractor {

    private final SinkCatalog catalog;
    private final ProjectIndex index;
    private final TypeNames typeNames;
    private final StringFolder folder;
    private DerivedQueries derived;
    private final Supertypes supertypes;
    private final SqlArguments arguments;
    private final ConstructorSites constructorSites;
    private final JdbiSqlObjects jdbi;
    private final HibernateFragments fragments;
    private final SinkCalls sinkCalls;
    private final JooqChains jooq;
    private final MyBatisProviders providers;
    private CriteriaQueries criteria;
    private final RepositoryCountCalls countCalls;
    private final QueryLoops loops;

    public JavaSqlExtractor(SinkCatalog catalog, Collection<JavaFile> files) {
        this(catalog, files, ExtractionContext.NONE, new Schema());
    }

    /**
     * {@code context}: resource roots and entity tables for the sources that need them; {@code schema}: the
     * project's keys, for jOOQ's {@code onKey()} joins.
     */
    public JavaSqlExtractor(SinkCatalog catalog, Collection<JavaFile> files, ExtractionContext context, Schema schema) {
        this(catalog, new ProjectIndex(files), context, schema);
    }

    /** Over an index that may load files on demand (the pre-filter's). */
    public JavaSqlExtractor(SinkCatalog catalog, ProjectIndex index, ExtractionContext context, Schema schema) {
        this.catalog = catalog;
        this.index = index;
        this.typeNames = new TypeNames(index, catalog.knownTypes());
        this.folder = new StringFolder(index, typeNames);
        this.supertypes = new Supertypes(index, typeNames);
        this.arguments = new SqlArguments(folder);
        this.constructorSites = new ConstructorSites(this, catalog, typeNames, supertypes, arguments, new SqlHolders(index));
        this.jdbi = new JdbiSqlObjects(this, context.resourceRoots(), catalog, index, supertypes);
        this.fragments = new HibernateFragments(typeNames, context.entityTable());
        this.sinkCalls = new SinkCalls(this, catalog, typeNames, supertypes, arguments);
        this.providers = new MyBatisProviders(this, typeNames, index, folder);
        this.countCalls = new RepositoryCountCalls(this, typeNames);
        FluentContext fluent = new FluentContext(index, new TypeNames(index, JooqRoots.KNOWN_TYPES), folder, schema);
        this.jooq = new JooqChains(fluent);
        this.loops = new QueryLoops(new QueryCalls(this, catalog, typeNames, supertypes, index, arguments,
                context.mapperInterfaces()), folder);
        this.criteria = new CriteriaQueries(fluent, null);
    }

    /** Also reads Spring Data repository methods without a query as the SQL derived from their names. */
    public JavaSqlExtractor(SinkCatalog catalog, Collection<JavaFile> files, JpaModel jpa) {
        this(catalog, files, jpa, ExtractionContext.NONE, new Schema());
    }

    /** Also reads derived queries (through {@code jpa}), and the sources that need resources, entity tables or keys. */
    public JavaSqlExtractor(SinkCatalog catalog, Collection<JavaFile> files, JpaModel jpa, ExtractionContext context,
                            Schema schema) {
        this(catalog, new ProjectIndex(files), files, jpa, context, schema);
    }

    /** {@code files}: those parsed up front, where derived queries' named-query clashes are looked for. */
    public JavaSqlExtractor(SinkCatalog catalog, ProjectIndex index, Collection<JavaFile> files, JpaModel jpa,
                            ExtractionContext context, Schema schema) {
        this(catalog, index, context, schema);
        this.derived = new DerivedQueries(jpa, index, typeNames, files);
        this.criteria = criteria.withModel(jpa);
    }

    /** Forgets what folding remembered across files (the heap ran short): later files fold it again. */
    public void dropMemos() {
        folder.dropMemos();
    }

    /** What the derived queries of one file became, for the note over a run (some files' from the cache). */
    public DerivedQueries.Tally derivedTally(Path file) {
        return derived == null ? new DerivedQueries.Tally(java.util.Set.of(), Map.of()) : derived.tally(file);
    }

    public List<SqlSite> sites(JavaFile file) {
        return sites(file, u -> { });
    }

    /** The file's sites; the sink calls and annotations whose SQL cannot be read go to {@code unresolved}. */
    public List<SqlSite> sites(JavaFile file, Consumer<UnresolvedSite> unresolvedSites) {
        try {
            return folder.inOneFile(() -> sitesOf(file, unresolvedSites));
        } finally {
            file.forgetNodes(); // files stay loaded for others to read (constants, callers): not their node lists
        }
    }

    private List<SqlSite> sitesOf(JavaFile file, Consumer<UnresolvedSite> unresolvedSites) {
        List<SqlSite> out = new ArrayList<>();
        // em.createQuery(cq) with a Criteria query: read here, so not unresolved as a JPQL argument
        CriteriaQueries.Found criteriaQueries = criteria.find(file, unresolvedSites);
        Consumer<UnresolvedSite> unresolved = u -> {
            if (!criteriaQueries.claims(u)) unresolvedSites.accept(u);
        };
        out.addAll(criteriaQueries.sites());
        for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
            if (catalog.isSinkMethodName(call.getNameAsString())) sinkCalls.sites(call, file.path(), out, unresolved);
            else countCalls.site(call, file.path(), derived).ifPresent(out::add);
        }
        constructorSites.sites(file, out, unresolved);
        jdbi.inheritedSites(file, out, unresolved);
        for (AnnotationExpr a : file.findAll(AnnotationExpr.class)) annotationSites(a, file.path(), out, unresolved);
        if (derived != null) out.addAll(derived.sites(file));
        // jOOQ: one site per chain; a plain-SQL call read by name above is read here with its receiver's type
        for (SqlSite s : jooq.sites(file)) {
            out.removeIf(o -> o.line() == s.line() && o.column() == s.column());
            out.add(s);
        }
        out.addAll(loops.callSites(file));
        out.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
        return out;
    }

    /** The declared type of a receiver expression, as written, when it can be read. */
    Optional<String> declaredType(Expression scope) {
        if (scope instanceof MethodCallExpr m && (m.getScope().isEmpty() || m.getScope().get() instanceof com.github.javaparser.ast.expr.ThisExpr)) {
            // getSession().createQuery(hql): the return type of the project's own getSession()
            // (Object, a type variable: says nothing of the receiver)
            return folder.callee(m).map(d -> d.getType().asString())
                    .filter(t -> !t.equals("void") && !t.equals("Object") && !t.matches("[A-Z][0-9]?"));
        }
        return Declarations.receiverType(scope);
    }


    private void annotationSites(AnnotationExpr a, Path file, List<SqlSite> out, Consumer<UnresolvedSite> unresolved) {
        String written = a.getNameAsString();
        String resolved = typeNames.resolve(written, a);
        if (MyBatisProviders.isProvider(written, resolved)) {
            providers.sites(a, file, out, unresolved);
            return;
        }
        Optional<SinkCatalog.AnnotationSink> sink = catalog.annotation(resolved);
        boolean typed = sink.isPresent();
        if (sink.isEmpty() && !resolved.contains(".")) {
            sink = catalog.annotationsBySimpleName(written).stream().findFirst();
        }
        if (sink.isEmpty()) return;
        if (JdbiSqlObjects.owns(sink.get())) {
            jdbi.sites(a, sink.get(), file, out, unresolved);
            return;
        }
        Language language = sink.get().language();
        if (isTrue(a, "nativeQuery")) language = Language.SQL;
        String entity = repositoryEntity(a);
        for (String attribute : sink.get().attributes()) {
            Optional<Expression> value = attribute(a, attribute);
            if (value.isEmpty()) continue;
            List<SqlText> variants = withStaticText(foldAnnotationValue(value.get()));
            String api = sink.get().api() + (attribute.equals(sink.get().attributes().get(0)) ? "" : "." + attribute);
            if (variants.isEmpty()) {
                if (typed) unresolved.accept(unresolvedAt(file, value.get(), api, UnresolvedSite.ENTIRELY_DYNAMIC, ""));
                continue;
            }
            if (sink.get().shape() != SinkCatalog.Shape.STATEMENT) {
                Optional<List<SqlText>> wrapped = fragments.wrap(sink.get().shape(), a, variants);
                if (wrapped.isEmpty()) {
                    unresolved.accept(unresolvedAt(file, value.get(), api, UnresolvedSite.FRAGMENT_TABLE_UNKNOWN, ""));
                    continue;
                }
                variants = wrapped.get();
            } else if (!typed && variants.stream().noneMatch(v -> SqlLooks.likeSql(v.text()))) {
                continue;
            }
            out.add(site(file, value.get(), api, language, variants, a).withEntity(entity));
        }
    }

    private static UnresolvedSite unresolvedAt(Path file, Expression at, String api, String reason, String detail) {
        Position p = at.getBegin().orElse(new Position(1, 1));
        return new UnresolvedSite(file, p.line, p.column, api, reason, detail);
    }

    /** An annotation value folded (array values joined), for the readers of other annotation forms. */
    public List<SqlText> foldValue(Expression value) {
        return foldAnnotationValue(value);
    }

    /** MyBatis joins the strings of an array value with a space. */
    private List<SqlText> foldAnnotationValue(Expression value) {
        if (!(value instanceof ArrayInitializerExpr array)) return folder.fold(value);
        List<SqlText> out = List.of(SqlText.empty());
        boolean first = true;
        for (Expression part : array.getValues()) {
            if (!first) out = Variants.concat(out, List.of(SqlText.of(" ", folder.origin(part))));
            out = Variants.concat(out, folder.fold(part));
            first = false;
        }
        return out;
    }

    public static Optional<Expression> attribute(AnnotationExpr a, String name) {
        if (a instanceof SingleMemberAnnotationExpr single) {
            return name.equals("value") ? Optional.of(single.getMemberValue()) : Optional.empty();
        }
        if (a instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair p : normal.getPairs()) if (p.getNameAsString().equals(name)) return Optional.of(p.getValue());
        }
        return Optional.empty();
    }

    private static boolean isTrue(AnnotationExpr a, String name) {
        return attribute(a, name).filter(BooleanLiteralExpr.class::isInstance)
                .map(e -> ((BooleanLiteralExpr) e).getValue()).orElse(false);
    }

    /** For {@code interface Repo extends JpaRepository<Track, Long>}: {@code Track}. */
    private static String repositoryEntity(Node n) {
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof ClassOrInterfaceDeclaration c && c.isInterface()) {
                for (ClassOrInterfaceType t : c.getExtendedTypes()) {
                    if (t.getTypeArguments().isPresent() && !t.getTypeArguments().get().isEmpty()) {
                        return TypeNames.stripGenerics(t.getTypeArguments().get().get(0).asString());
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** Drops variants that hold nothing but placeholders: no SQL is known there. */
    private static List<SqlText> withStaticText(List<SqlText> variants) {
        List<SqlText> out = new ArrayList<>();
        for (SqlText v : variants) {
            String known = v.text().replace(Placeholders.DYNAMIC, "").strip();
            if (!known.isEmpty()) out.add(v);
        }
        return out;
    }

    public SqlSite site(Path file, Expression at, String api, Language language, List<SqlText> variants, Node context) {
        Position p = at.getBegin().orElse(new Position(1, 1));
        Origin o = Origin.at(file, p.line, p.column);
        MethodCallExpr call = context instanceof MethodCallExpr c ? c : null;
        String zeroTest = call == null ? null : ResultTests.zeroTestOf(call).orElse(null);
        Paging paging = language == Language.JPQL ? Paging.of(context) : Paging.NONE;
        LoopContext loop = call == null ? null : loops.around(call).orElse(null);
        // a helper's keyword chosen at run time (whereAnd()): only the variants where it fits
        List<SqlText> fitting = dev.sqllint.extract.java.KeywordChoices.fitting(variants);
        return new SqlSite(file, o.line(), o.column(), api, language, fitting, owner(context), null,
                Suppressions.enclosing(context), zeroTest, paging, loop);
    }

    public static String owner(Node n) {
        String member = null;
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (member == null && p instanceof CallableDeclaration<?> c) member = c.getNameAsString();
            if (member == null && p instanceof FieldDeclaration f) member = f.getVariable(0).getNameAsString();
            if (p instanceof TypeDeclaration<?> t) return t.getNameAsString() + (member == null ? "" : "." + member);
        }
        return member == null ? "" : member;
    }
}
