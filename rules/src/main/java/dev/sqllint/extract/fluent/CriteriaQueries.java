package dev.sqllint.extract.fluent;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.JavaSqlExtractor;
import dev.sqllint.extract.Language;
import dev.sqllint.extract.Paging;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.extract.Suppressions;
import dev.sqllint.extract.UnresolvedSite;
import dev.sqllint.extract.fluent.CriteriaValue.Builder;
import dev.sqllint.extract.fluent.CriteriaValue.Typed;
import dev.sqllint.extract.java.Declarations;
import dev.sqllint.schema.JpaModel;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Finds the JPA Criteria queries a file runs and writes each as the JPQL it stands for, one {@link SqlSite} per
 * statement, judged like hand-written JPQL (through the mappings, when they are known):
 * <ul>
 *   <li>{@code em.createQuery(cq)} (or a Hibernate session's {@code createQuery}/{@code createSelectionQuery})
 *       with a {@code CriteriaQuery} built in the method, in its helpers or in a helper that returns it, with the
 *       {@code setMaxResults}/{@code setFirstResult} of the chain or of the typed-query local ({@code api}
 *       {@code JPA Criteria query}, at the argument);</li>
 *   <li>a Spring Data {@code Specification}: a lambda {@code (root, query, cb) -> ...} returned as or assigned to a
 *       {@code Specification<Entity>}, or a {@code toPredicate(Root<Entity>, ...)} method, read as
 *       {@code SELECT root FROM Entity root WHERE <predicate>} ({@code api} {@code JPA Criteria Specification}).</li>
 * </ul>
 * A {@code CriteriaQuery} argument whose building cannot be followed (a parameter, an update or delete) is
 * reported as unresolved.
 */
public final class CriteriaQueries {

    static final String API = "JPA Criteria query";
    static final String SPECIFICATION_API = "JPA Criteria Specification";

    private final FluentContext cx;
    private final Function<String, Optional<String>> entityNames;

    /** {@code jpa}: the mappings, for the JPQL name of an entity class ({@code @Entity(name = ...)}); null when not read. */
    public CriteriaQueries(FluentContext cx, JpaModel jpa) {
        this.cx = cx;
        this.entityNames = jpa == null ? c -> Optional.empty() : c -> jpa.entityByClass(c).map(JpaModel.Entity::name);
    }

    public CriteriaQueries withModel(JpaModel jpa) {
        return new CriteriaQueries(cx, jpa);
    }

    /** The sites of a file, and the places it read as Criteria (other readers' unresolved reports there are moot). */
    public record Found(List<SqlSite> sites, List<Position> claimed) {
        static final Found NONE = new Found(List.of(), List.of());

        public boolean claims(UnresolvedSite u) {
            return claimed.stream().anyMatch(p -> p.line == u.line() && p.column == u.column());
        }
    }

    public Found find(JavaFile file, Consumer<UnresolvedSite> unresolved) {
        if (!usesCriteria(file.unit())) return Found.NONE;
        List<SqlSite> sites = new ArrayList<>();
        List<Position> claimed = new ArrayList<>();
        for (MethodCallExpr m : file.findAll(MethodCallExpr.class)) {
            if (!CriteriaQueryCalls.CREATE_QUERY.contains(m.getNameAsString()) || m.getArguments().size() != 1
                    || m.getScope().isEmpty() || isText(m.getArgument(0))) {
                continue;
            }
            Expression arg = m.getArgument(0);
            Position at = arg.getBegin().orElse(new Position(1, 1));
            Optional<String> missing;
            try {
                missing = query(m, file.path(), sites);
            } catch (RuntimeException | StackOverflowError e) {
                // a query sqllint cannot follow is not SQL it can judge; the rest of the file still is
                missing = Optional.of(notReadWhy(arg).isEmpty() ? "" : "not followed (" + e.getClass().getSimpleName() + ")");
            }
            if (missing.isPresent() && !missing.get().isEmpty()) {
                unresolved.accept(new UnresolvedSite(file.path(), at.line, at.column, API, UnresolvedSite.CRITERIA_NOT_READ, missing.get()));
            }
            if (missing.isEmpty() || !missing.get().isEmpty()) claimed.add(at);
        }
        for (LambdaExpr l : file.findAll(LambdaExpr.class)) {
            if (l.getParameters().size() != 3) continue;
            specificationEntity(l).ifPresent(entity -> specification(l, l.getParameters(), entity, file.path(), sites));
        }
        for (MethodDeclaration d : file.findAll(MethodDeclaration.class)) {
            if (!d.getNameAsString().equals("toPredicate") || d.getParameters().size() != 3 || d.getBody().isEmpty()) continue;
            typeArgument(d.getParameter(0).getType(), "Root")
                    .ifPresent(entity -> specification(d, d.getParameters(), entity, file.path(), sites));
        }
        return new Found(sites, claimed);
    }

    /**
     * One {@code createQuery} call: its site (or, for the builder's {@code createQuery}, nothing) and empty; else
     * why it is not one: empty text when the argument is no criteria query at all (a JPQL string in a local,
     * another API's query), a reason when it is one that was not read.
     */
    private Optional<String> query(MethodCallExpr m, Path file, List<SqlSite> out) {
        CriteriaInterpreter in = new CriteriaInterpreter(cx, entityNames);
        in.runUpTo(m);
        CriteriaValue v = in.eval(m);
        if (v instanceof CriteriaSelect) return Optional.empty(); // cb.createQuery(Track.class): no statement, no sink
        if (!(v instanceof Typed typed)) return Optional.of(notReadWhy(m.getArgument(0)));
        if (typed.query.roots.isEmpty()) return Optional.of("no root read");
        if (typed.query.roots.stream().allMatch(r -> r.entity.text().equals(Placeholders.DYNAMIC))) {
            return Optional.of("its entity is a Class parameter");
        }
        // em.createQuery(cq).setMaxResults(10).getResultList(), or TypedQuery<T> q = em.createQuery(cq); q.setMaxResults(10);
        Node top = m;
        while (top.getParentNode().orElse(null) instanceof MethodCallExpr p && p.getScope().orElse(null) == top
                && in.apply(typed, p) == typed) {
            top = p;
        }
        while (top.getParentNode().orElse(null) instanceof CastExpr || top.getParentNode().orElse(null) instanceof EnclosedExpr) {
            top = top.getParentNode().get();
        }
        if (top.getParentNode().orElse(null) instanceof VariableDeclarator d
                && d.getParentNode().flatMap(Node::getParentNode).orElse(null) instanceof ExpressionStmt statement
                && statement.getParentNode().orElse(null) instanceof BlockStmt block) {
            in.bind(d, typed);
            in.runRest(block.getStatements(), block.getStatements().indexOf(statement) + 1);
        }
        out.add(site(file, m.getArgument(0), API, typed.statement(), m));
        return Optional.empty();
    }

    /** {@code (root, query, cb) -> ...}: {@code SELECT root FROM Entity root WHERE <what it returns>}. */
    private void specification(Node callable, NodeList<Parameter> params, String entityClass, Path file, List<SqlSite> out) {
        try {
            CriteriaInterpreter in = new CriteriaInterpreter(cx, entityNames);
            in.runUpTo(callable);
            Origin at = cx.origin(callable);
            CriteriaSelect q = new CriteriaSelect(null, at);
            SqlText entity = SqlText.of(in.entityName(entityClass, callable), at);
            CriteriaFrom root = CriteriaFrom.root(q, in.alias(params.get(0).getNameAsString()), entity, at);
            q.roots.add(root);
            CriteriaValue restriction = in.invoke(callable, params, List.of(root, q, new Builder()), null);
            q.clauses.where = JooqValue.Cond.and(q.clauses.where, in.condition(restriction, callable), at);
            if (q.clauses.whereOrigin == null) q.clauses.whereOrigin = at;
            q.clauses.items = List.of(SqlText.of(root.alias, at)); // Spring Data selects the root, whatever else the spec adds
            q.clauses.selectOrigin = at;
            Node position = callable instanceof MethodDeclaration d ? d.getName() : callable; // toPredicate: its name
            out.add(site(file, position, SPECIFICATION_API, q.render(), callable)
                    .withPaging(Paging.ofSpecification(callable)));
        } catch (RuntimeException | StackOverflowError e) {
            // a specification sqllint cannot follow is not SQL it can judge; the rest of the file still is
        }
    }

    /** The entity of a {@code Specification<Entity>} the lambda is returned as, or assigned to. */
    private static Optional<String> specificationEntity(LambdaExpr l) {
        Node n = l;
        while (n.getParentNode().orElse(null) instanceof EnclosedExpr) n = n.getParentNode().get();
        Node parent = n.getParentNode().orElse(null);
        if (parent instanceof CastExpr c) return typeArgument(c.getType(), "Specification");
        if (parent instanceof VariableDeclarator d) return typeArgument(d.getType(), "Specification");
        if (parent instanceof ReturnStmt r && r.findAncestor(LambdaExpr.class).isEmpty()) {
            return r.findAncestor(MethodDeclaration.class).flatMap(d -> typeArgument(d.getType(), "Specification"));
        }
        return Optional.empty();
    }

    /** {@code Specification<Track>} with {@code generic} "Specification": {@code Track}; not a type variable. */
    private static Optional<String> typeArgument(Type type, String generic) {
        if (!(type instanceof ClassOrInterfaceType t) || !t.getNameAsString().equals(generic)) return Optional.empty();
        Optional<NodeList<Type>> args = t.getTypeArguments();
        if (args.isEmpty() || args.get().size() != 1 || !(args.get().get(0) instanceof ClassOrInterfaceType arg)) return Optional.empty();
        String name = arg.getNameAsString();
        boolean typeVariable = arg.findAncestor(MethodDeclaration.class).map(d -> d.getTypeParameters().stream()
                .anyMatch(p -> p.getNameAsString().equals(name))).orElse(false) || name.length() == 1;
        return typeVariable ? Optional.empty() : Optional.of(arg.getNameWithScope());
    }

    /** A JPQL string: the string readers' business. */
    private static boolean isText(Expression arg) {
        return arg.isStringLiteralExpr() || arg.isTextBlockLiteralExpr() || arg.isBinaryExpr();
    }

    /**
     * Why an argument declared as a criteria query (a local, parameter or field of that type) was not read; empty
     * when it is not declared as one (a JPQL string in a local, another API's query object).
     */
    private static String notReadWhy(Expression arg) {
        if (!(arg instanceof NameExpr n)) return "";
        Declarations.Resolved r = Declarations.resolve(n.getNameAsString(), n);
        String type = r == null || r.kind() == Declarations.Resolved.Kind.FIELD_SCOPE
                ? Declarations.fieldType(n.getNameAsString(), n).orElse(null) : r.type();
        if (type == null) return "";
        if (type.matches("(?s).*\\b(CriteriaUpdate|CriteriaDelete)\\b.*")) return "an update or delete";
        if (!type.matches("(?s).*\\b(CriteriaQuery|JpaCriteriaQuery)\\b.*")) return "";
        return r != null && r.kind() == Declarations.Resolved.Kind.PARAMETER ? "passed in as a parameter"
                : "built where sqllint does not follow it";
    }

    /**
     * Imports from the Criteria API (or Spring Data's Specification), or imports an {@code EntityManager} or
     * {@code Session} and asks it for a builder ({@code var} locals need no import): only then can the file build
     * a query. The imports are read first, so that the thousands of files that cannot (entities among them) are
     * not walked.
     */
    private static boolean usesCriteria(CompilationUnit cu) {
        boolean session = false;
        for (ImportDeclaration imp : cu.getImports()) {
            String name = imp.getNameAsString();
            if (name.contains(".persistence.criteria") || name.startsWith("org.hibernate.query.criteria")
                    || name.equals("org.springframework.data.jpa.domain.Specification")) {
                return true;
            }
            session |= name.endsWith(".EntityManager") || name.endsWith(".Session")
                    || imp.isAsterisk() && (name.equals("jakarta.persistence") || name.equals("javax.persistence"));
        }
        return session && cu.findFirst(MethodCallExpr.class, m -> m.getNameAsString().equals("getCriteriaBuilder")).isPresent();
    }

    private static SqlSite site(Path file, Node at, String api, SqlText jpql, Node context) {
        Position p = at.getBegin().orElse(new Position(1, 1));
        return new SqlSite(file, p.line, p.column, api, Language.JPQL, List.of(jpql), JavaSqlExtractor.owner(context), null,
                Suppressions.enclosing(context), null, Paging.of(context));
    }
}
