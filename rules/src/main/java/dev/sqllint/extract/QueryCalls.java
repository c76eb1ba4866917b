package dev.sqllint.extract;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.sqllint.extract.java.Declarations;
import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.extract.sinks.SqlLooks;
import dev.sqllint.sql.PlaceholderNormalizer;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which calls issue SQL, for the loops over query rows ({@link QueryLoops}): a catalogue sink on its declared type
 * ({@code jdbc.query(...)}, {@code em.createQuery(...)}, {@code handle.createQuery(...)}), a prepared statement
 * executed ({@code ps.executeQuery()}), an entity looked up by id ({@code em.find(Order.class, id)}), and the methods
 * of the project's query interfaces, which issue their SQL where they are called: a Spring Data repository's own and
 * inherited reads ({@code findById}, {@code existsById}, ...), a Jdbi SQL object's {@code @SqlQuery}/{@code
 * @SqlUpdate} methods, a MyBatis mapper's annotated methods or any method of a {@code @Mapper} interface or of an
 * interface an XML mapper names as its namespace ({@link MapperNamespaces}). Batch calls
 * ({@code addBatch}, {@code batchUpdate}, {@code saveAll}, {@code @SqlBatch}) are one round trip for many rows, and
 * are not query calls here. The receiver's type is read as declared; a receiver of unknown type counts only with a
 * sink name that says SQL by itself ({@code queryForList}).
 */
final class QueryCalls {

    /**
     * A call that issues SQL: how to name it in a message, the batch call that replaces it per row (if any), whether
     * the call site holds the SQL (a sink's argument), and whether it can return many rows (a list, a stream, a
     * result set, a query object whose chain reads them) rather than one value ({@code findById}'s Optional,
     * {@code queryForObject}): only many rows make a loop.
     */
    record QueryCall(MethodCallExpr call, String description, String batchFix, boolean holdsSql, boolean manyRows) {
    }

    private static final Set<String> BATCH = Set.of("addBatch", "executeBatch", "executeLargeBatch", "batchUpdate",
            "prepareBatch", "batch", "insertBatch", "saveAll", "selectBatchIds", "insertBatchSomeColumn", "saveAllAndFlush", "deleteAllInBatch", "deleteAllByIdInBatch");
    private static final Set<String> EXECUTE = Set.of("executeQuery", "executeUpdate", "execute", "executeLargeUpdate");
    private static final Set<String> STATEMENTS = Set.of("java.sql.PreparedStatement", "java.sql.CallableStatement");
    private static final Set<String> ENTITY_LOOKUPS = Set.of("javax.persistence.EntityManager#find",
            "jakarta.persistence.EntityManager#find", "org.hibernate.Session#get", "org.hibernate.Session#find");
    private static final Set<String> SPRING_DATA = Set.of("Repository", "CrudRepository", "ListCrudRepository",
            "PagingAndSortingRepository", "ListPagingAndSortingRepository", "JpaRepository", "JpaSpecificationExecutor",
            "QueryByExampleExecutor", "QuerydslPredicateExecutor");
    /** The reads a Spring Data repository inherits; its writes ({@code save}, {@code delete}) are left out. */
    /**
     * The reads a Spring Data repository inherits; its writes ({@code save}, {@code delete}) are left out, and so are
     * {@code getById}, {@code getOne} and {@code getReferenceById}: JPA references, loaded only when read.
     */
    private static final Set<String> INHERITED_READS = Set.of("findById", "existsById", "findOne", "findAll",
            "findAllById", "count", "exists", "findBy");
    /** MyBatis-Plus's {@code BaseMapper} reads. */
    private static final Set<String> BASE_MAPPER_READS = Set.of("selectById", "selectOne", "selectList", "selectCount",
            "selectMaps", "selectObjs", "selectPage", "exists");
    private static final Set<String> BY_ID = Set.of("findById", "existsById");
    /** Lookups by id that the persistence context answers when it already holds the entity. */
    private static final Set<String> CONTEXT_LOOKUPS = Set.of("findById", "find", "get");
    /** Sinks that return one value or a row count, never rows to loop over. */
    private static final Set<String> ONE_VALUE = Set.of("queryForObject", "queryForMap", "queryForLong", "queryForInt",
            "update", "executeUpdate", "executeLargeUpdate", "execute", "insert", "delete");
    /** Return types of many rows, as declared on a repository, mapper or SQL object method. */
    private static final Set<String> MANY = Set.of("List", "Set", "Collection", "Iterable", "Stream", "Page", "Slice",
            "Cursor", "ResultIterable", "Iterator", "ArrayList", "LinkedList", "HashSet", "SortedSet", "Flux", "Map");
    private static final Set<String> STATEMENT_ANNOTATIONS = Set.of("SqlQuery", "SqlUpdate", "SqlCall", "Select", "Insert",
            "Update", "Delete", "SelectProvider", "InsertProvider", "UpdateProvider", "DeleteProvider", "Query", "Modifying");

    private static final String BASE_MAPPER = "com.baomidou.mybatisplus.core.mapper.BaseMapper";

    private final JavaSqlExtractor extractor;
    private final SinkCatalog catalog;
    private final TypeNames typeNames;
    private final Supertypes supertypes;
    private final ProjectIndex index;
    private final SqlArguments arguments;
    private final Set<String> xmlMappers;

    QueryCalls(JavaSqlExtractor extractor, SinkCatalog catalog, TypeNames typeNames, Supertypes supertypes,
               ProjectIndex index, SqlArguments arguments, Set<String> xmlMappers) {
        this.xmlMappers = xmlMappers;
        this.extractor = extractor;
        this.catalog = catalog;
        this.typeNames = typeNames;
        this.supertypes = supertypes;
        this.index = index;
        this.arguments = arguments;
    }

    /** The call as a query call, or empty when it issues no SQL we can show (or issues it in a batch). */
    Optional<QueryCall> of(MethodCallExpr call) {
        return of(call, null);
    }

    /**
     * As {@link #of(MethodCallExpr)}, for a call in the body of a method that {@code caller} calls: its parameters
     * read as the caller's arguments.
     */
    Optional<QueryCall> of(MethodCallExpr call, MethodCallExpr caller) {
        Optional<QueryCall> q = read(call);
        if (q.isPresent() && !q.get().holdsSql() && CONTEXT_LOOKUPS.contains(call.getNameAsString())
                && !call.getArguments().isEmpty() && heldId(call.getArgument(call.getArguments().size() - 1), caller, 0)) {
            // findById(order.getCustomer().getId()), em.find(Loan.class, loan.getId()): the id of an entity the code
            // already holds, which the persistence context returns without a query when it is loaded
            return Optional.empty();
        }
        return q;
    }

    /** {@code x.getId()}, directly, through a local set from it, or through the parameter the caller passes it to. */
    private static boolean heldId(Expression id, MethodCallExpr caller, int depth) {
        if (depth > 3) return false;
        if (id instanceof MethodCallExpr m) {
            return m.getNameAsString().equals("getId") && m.getArguments().isEmpty() && m.getScope().isPresent();
        }
        if (!(id instanceof NameExpr n)) return false;
        Declarations.Resolved r = Declarations.resolve(n.getNameAsString(), n);
        if (r == null) return false;
        if (r.local() != null) return r.local().getInitializer().map(i -> heldId(i, caller, depth + 1)).orElse(false);
        if (r.kind() != Declarations.Resolved.Kind.PARAMETER || caller == null) return false;
        Optional<MethodDeclaration> method = n.findAncestor(MethodDeclaration.class);
        if (method.isEmpty()) return false;
        for (int i = 0; i < method.get().getParameters().size(); i++) {
            if (method.get().getParameter(i).getNameAsString().equals(n.getNameAsString()) && i < caller.getArguments().size()) {
                return heldId(caller.getArgument(i), null, depth + 1);
            }
        }
        return false;
    }

    private Optional<QueryCall> read(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (BATCH.contains(name) || call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) return Optional.empty();
        Optional<String> receiver = extractor.declaredType(call.getScope().get()).map(t -> typeNames.resolve(t, call));
        if (receiver.isEmpty()) {
            boolean distinctive = catalog.isSinkMethodName(name) && UnresolvedSite.isDistinctive(name)
                    && !call.getArguments().isEmpty();
            return distinctive ? Optional.of(new QueryCall(call, sqlOf(call).orElse(brief(call)), null, true,
                    !ONE_VALUE.contains(name))) : Optional.empty();
        }
        String type = receiver.get();
        if (!call.getArguments().isEmpty() && sinkOf(type, name).isPresent()) {
            if (type.equals("io.r2dbc.spi.Batch")) return Optional.empty();
            return Optional.of(new QueryCall(call, sqlOf(call).orElse(brief(call)), null, true, !ONE_VALUE.contains(name)));
        }
        if (call.getArguments().isEmpty() && EXECUTE.contains(name) && STATEMENTS.contains(type)) {
            return Optional.of(new QueryCall(call, preparedSql(call).orElse(brief(call)), "addBatch()/executeBatch()", false,
                    name.equals("executeQuery")));
        }
        if (ENTITY_LOOKUPS.contains(type + "#" + name)) return Optional.of(new QueryCall(call, brief(call), null, false, false));
        return projectInterfaceCall(call, type, name);
    }

    /** A method of a repository, SQL object or mapper interface of the project. */
    private Optional<QueryCall> projectInterfaceCall(MethodCallExpr call, String type, String name) {
        Optional<TypeDeclaration<?>> declared = index.type(type);
        if (declared.isEmpty() || !(declared.get() instanceof ClassOrInterfaceDeclaration iface) || !iface.isInterface()) {
            return Optional.empty();
        }
        int arity = call.getArguments().size();
        for (String t : supertypes.lineage(type)) {
            Optional<TypeDeclaration<?>> decl = index.type(t);
            if (decl.isEmpty()) continue;
            for (MethodDeclaration m : decl.get().getMethodsByName(name)) {
                if (m.getParameters().size() != arity || m.getBody().isPresent()) continue;
                if (batchAnnotated(m)) return Optional.empty();
                if (statementAnnotated(m) || isMapper(decl.get()) || xmlMappers.contains(t)
                        || (isRepository(t) && !name.startsWith("save"))) {
                    return Optional.of(new QueryCall(call, withDeclaredSql(brief(call), m), null, false, returnsMany(m)));
                }
                return Optional.empty(); // a custom fragment's method, a default method's sibling: unknown
            }
        }
        if (INHERITED_READS.contains(name) && isRepository(type)) {
            String fix = BY_ID.contains(name) ? call.getScope().get() + ".findAllById(ids)" : null;
            return Optional.of(new QueryCall(call, brief(call), fix, false, name.startsWith("findAll")));
        }
        if (BASE_MAPPER_READS.contains(name) && supertypes.lineage(type).contains(BASE_MAPPER)) {
            String fix = name.equals("selectById") ? call.getScope().get() + ".selectBatchIds(ids)" : null;
            return Optional.of(new QueryCall(call, brief(call), fix, false, name.equals("selectList") || name.equals("selectMaps")
                    || name.equals("selectObjs")));
        }
        return Optional.empty();
    }

    /**
     * {@code orders.findOpen(...) (SELECT o FROM Order o WHERE o.status = 'open')}: the call, and the query its
     * method's annotation holds when it folds to text.
     */
    private String withDeclaredSql(String call, MethodDeclaration m) {
        for (AnnotationExpr a : m.getAnnotations()) {
            if (!STATEMENT_ANNOTATIONS.contains(a.getName().getIdentifier())) continue;
            Optional<Expression> value = JavaSqlExtractor.attribute(a, "value");
            if (value.isEmpty()) continue;
            for (SqlText v : extractor.foldValue(value.get())) {
                String text = PlaceholderNormalizer.normalize(v, null).text().replace(Placeholders.DYNAMIC, "...")
                        .replaceAll("\\s+", " ").strip();
                if (text.isEmpty()) continue;
                return call + " (" + (text.length() <= 160 ? text : text.substring(0, 159) + "…") + ")";
            }
        }
        return call;
    }

    private static boolean returnsMany(MethodDeclaration m) {
        String type = TypeNames.stripGenerics(m.getType().asString());
        if (m.getType().isArrayType()) return true;
        return MANY.contains(type.substring(type.lastIndexOf('.') + 1));
    }

    private boolean isRepository(String type) {
        for (String t : supertypes.lineage(type)) {
            String simple = t.substring(t.lastIndexOf('.') + 1);
            if (SPRING_DATA.contains(simple) && (!t.contains(".") || t.startsWith("org.springframework.data."))) return true;
        }
        return false;
    }

    /** MyBatis's {@code @Mapper}, not MapStruct's or another framework's of the same name. */
    private boolean isMapper(TypeDeclaration<?> type) {
        for (AnnotationExpr a : type.getAnnotations()) {
            if (typeNames.resolve(a.getNameAsString(), a).equals("org.apache.ibatis.annotations.Mapper")) return true;
        }
        return false;
    }

    /** A query annotation of the catalogue ({@code @Query}, {@code @Select}, {@code @SqlQuery} ...), resolved by imports. */
    private boolean statementAnnotated(MethodDeclaration m) {
        for (AnnotationExpr a : m.getAnnotations()) {
            String resolved = typeNames.resolve(a.getNameAsString(), a);
            if (!STATEMENT_ANNOTATIONS.contains(a.getName().getIdentifier())) continue;
            if (catalog.annotation(resolved).isPresent() || resolved.startsWith("org.apache.ibatis.annotations.")
                    || resolved.startsWith("org.jdbi.") || resolved.startsWith("org.skife.jdbi.")
                    || resolved.startsWith("org.springframework.data.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean batchAnnotated(MethodDeclaration m) {
        for (AnnotationExpr a : m.getAnnotations()) if (a.getName().getIdentifier().equals("SqlBatch")) return true;
        return false;
    }

    private Optional<SinkCatalog.MethodSink> sinkOf(String type, String method) {
        return catalog.method(type, method)
                .or(() -> supertypes.find(type, t -> catalog.method(t, method).isPresent()).flatMap(t -> catalog.method(t, method)));
    }

    /** The SQL of a sink call, its first variant in one line, when its argument folds to text that reads as SQL. */
    Optional<String> sqlOf(MethodCallExpr call) {
        List<SqlArguments.Picked> picked = arguments.pick(SinkCatalog.SqlArgument.AFTER_CONNECTION, call.getArguments(), false);
        if (picked.isEmpty()) return Optional.empty();
        for (SqlText v : picked.get(0).variants()) {
            String text = PlaceholderNormalizer.normalize(v, null).text().replace(Placeholders.DYNAMIC, "...")
                    .replaceAll("\\s+", " ").strip();
            if (SqlLooks.likeSql(text)) return Optional.of(text.length() <= 160 ? text : text.substring(0, 159) + "…");
        }
        return Optional.empty();
    }

    /** {@code ps.executeQuery()}: the SQL {@code ps} was prepared with, when it is a local prepared from text. */
    private Optional<String> preparedSql(MethodCallExpr execute) {
        if (!(execute.getScope().orElse(null) instanceof NameExpr n)) return Optional.empty();
        Declarations.Resolved r = Declarations.resolve(n.getNameAsString(), n);
        VariableDeclarator local = r == null ? null : r.local();
        if (local == null) return Optional.empty();
        if (local.getInitializer().isPresent() && local.getInitializer().get() instanceof MethodCallExpr prepare) {
            return sqlOf(prepare);
        }
        // PreparedStatement ps = null; try { ps = conn.prepareStatement(SQL); ... }: the one assignment from a call
        Optional<com.github.javaparser.ast.body.CallableDeclaration> method = n.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class);
        if (method.isEmpty()) return Optional.empty();
        List<com.github.javaparser.ast.expr.AssignExpr> sets = method.get().findAll(com.github.javaparser.ast.expr.AssignExpr.class,
                a -> a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(n.getNameAsString()));
        if (sets.size() != 1 || !(sets.get(0).getValue() instanceof MethodCallExpr prepare)) return Optional.empty();
        return sqlOf(prepare);
    }

    /** {@code orderRepository.findById(...)}: the call as written, its arguments elided. */
    static String brief(MethodCallExpr call) {
        String scope = call.getScope().map(Expression::toString).orElse("");
        if (scope.length() > 60) scope = call.getScope().get() instanceof MethodCallExpr m ? "…" + m.getNameAsString() + "(...)" : "…";
        return (scope.isEmpty() ? "" : scope + ".") + call.getNameAsString() + (call.getArguments().isEmpty() ? "()" : "(...)");
    }
}
