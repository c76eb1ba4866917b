package dev.sqllint.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the Java around a JPA query says about its paging and its fetch plan, facts the query text does not hold:
 * a Spring Data method with a {@code Pageable} or {@code Limit} parameter or a {@code Page}/{@code Slice} result,
 * {@code setMaxResults}/{@code setFirstResult} on the query object (in the call chain, or on the local it is kept
 * in), and the {@code @EntityGraph} of a repository method. Hibernate cannot page a query that fetches a collection
 * in SQL; the rule that says so needs both.
 *
 * @param pagedBy how the query is paged, as written with its line ({@code `Pageable pageable` (line 12)}); null when
 *                nothing in the Java pages it
 * @param graph   the entity graph the repository method applies, or null
 */
public record Paging(String pagedBy, EntityGraph graph) {

    public static final Paging NONE = new Paging(null, null);

    /** The parameter types Spring Data pages or limits a repository query by. */
    private static final Set<String> PAGING_PARAMETERS = Set.of("Pageable", "PageRequest", "Limit",
            "OffsetScrollPosition");
    /** The result types that make Spring Data page a repository query. */
    private static final Set<String> PAGED_RESULTS = Set.of("Page", "Slice");
    /** The query object's paging calls: JPA's, and Hibernate 6's {@code setPage}. */
    private static final Set<String> PAGING_CALLS = Set.of("setMaxResults", "setFirstResult", "setPage");

    /**
     * A Spring Data {@code @EntityGraph}: the attribute paths it fetches, or the name of a {@code @NamedEntityGraph};
     * {@code written} is the annotation as written with its line.
     */
    public record EntityGraph(List<String> attributePaths, String named, String written) {
        public EntityGraph {
            attributePaths = List.copyOf(attributePaths);
        }
    }

    public boolean paged() {
        return pagedBy != null;
    }

    /**
     * The paging of the query a sink call creates ({@code em.createQuery(jpql)}, {@code session.createQuery(hql)}),
     * or of the query an annotation on a repository method declares.
     */
    public static Paging of(Node context) {
        if (context instanceof MethodCallExpr call) return new Paging(pagingCall(call), null);
        if (context instanceof AnnotationExpr a && a.getParentNode().orElse(null) instanceof MethodDeclaration m) {
            return ofRepositoryMethod(m, null);
        }
        return NONE;
    }

    /**
     * The paging of a Spring Data {@code Specification} (a lambda, or its factory method's), read where the file runs
     * it: {@code repository.findAll(spec, pageable)} with the lambda itself, the local it is kept in, or a call of the
     * method that returns it, beside a {@code Pageable} argument ({@code PageRequest.of(...)}, or a value declared as
     * a {@code Pageable} or {@code PageRequest}). A specification run elsewhere, or unpaged, gives nothing.
     */
    public static Paging ofSpecification(Node callable) {
        Node spec = callable;
        while (spec.getParentNode().orElse(null) instanceof EnclosedExpr || spec.getParentNode().orElse(null) instanceof CastExpr) {
            spec = spec.getParentNode().get();
        }
        Node parent = spec.getParentNode().orElse(null);
        Node scope;
        java.util.function.Predicate<Expression> isSpec;
        if (parent instanceof MethodCallExpr direct) {
            Node given = spec;
            scope = direct;
            isSpec = e -> e == given;
        } else if (parent instanceof VariableDeclarator v) {
            scope = v.findAncestor(CallableDeclaration.class).orElse(null);
            isSpec = e -> e instanceof NameExpr n && n.getNameAsString().equals(v.getNameAsString());
        } else {
            // returned by a factory method (toPredicate of a class is not followed: its instances are passed on)
            Optional<MethodDeclaration> factory = spec.findAncestor(MethodDeclaration.class);
            if (callable instanceof MethodDeclaration || factory.isEmpty()) return NONE;
            String name = factory.get().getNameAsString();
            scope = factory.get().findCompilationUnit().orElse(null);
            isSpec = e -> e instanceof MethodCallExpr m && m.getNameAsString().equals(name);
        }
        if (scope == null) return NONE;
        for (MethodCallExpr run : scope.findAll(MethodCallExpr.class)) {
            // the spec may be wrapped: findAll(Specification.where(withLines()).and(...), pageable)
            if (run.getArguments().size() < 2 || run.getArguments().stream()
                    .noneMatch(a -> a.findAll(Expression.class).stream().anyMatch(isSpec))) {
                continue;
            }
            for (Expression a : run.getArguments()) {
                if (pageable(a)) return new Paging(describe(run), null);
            }
        }
        return NONE;
    }

    /** {@code PageRequest.of(0, 20)}, {@code Pageable.ofSize(20)}, or a value declared as a Pageable or PageRequest. */
    private static boolean pageable(Expression e) {
        if (e instanceof MethodCallExpr m && m.getScope().orElse(null) instanceof NameExpr s) {
            return s.getNameAsString().equals("PageRequest") || s.getNameAsString().equals("Pageable");
        }
        if (!(e instanceof NameExpr n)) return false;
        dev.sqllint.extract.java.Declarations.Resolved r = dev.sqllint.extract.java.Declarations.resolve(n.getNameAsString(), n);
        String type = r == null || r.kind() == dev.sqllint.extract.java.Declarations.Resolved.Kind.FIELD_SCOPE
                ? null : r.type();
        return type != null && PAGING_PARAMETERS.contains(type.replaceAll("<.*", "").replaceAll(".*\\.", ""))
                && !type.contains("Limit") && !type.contains("ScrollPosition");
    }

    /**
     * A repository method's paging ({@code Pageable}, {@code Limit}, a {@code Page} or {@code Slice} result, or
     * {@code limitedByName}: the {@code findFirst10By...} of a derived query) and entity graph.
     */
    public static Paging ofRepositoryMethod(MethodDeclaration m, String limitedByName) {
        String pagedBy = null;
        for (Parameter p : m.getParameters()) {
            String type = simpleName(p.getType());
            if (PAGING_PARAMETERS.contains(type)) {
                pagedBy = "`" + type + " " + p.getNameAsString() + "`" + line(p);
                break;
            }
        }
        if (pagedBy == null && PAGED_RESULTS.contains(simpleName(m.getType()))) {
            pagedBy = "a " + simpleName(m.getType()) + " result" + line(m.getType());
        }
        if (pagedBy == null && limitedByName != null) pagedBy = "`" + limitedByName + "`" + line(m.getName());
        return new Paging(pagedBy, entityGraph(m).orElse(null));
    }

    /** {@code @EntityGraph(attributePaths = {"items"})}, {@code @EntityGraph("Order.items")}, or none. */
    static Optional<EntityGraph> entityGraph(MethodDeclaration m) {
        for (AnnotationExpr a : m.getAnnotations()) {
            if (!a.getName().getIdentifier().equals("EntityGraph")) continue;
            List<String> paths = strings(JavaSqlExtractor.attribute(a, "attributePaths").orElse(null));
            List<String> named = strings(JavaSqlExtractor.attribute(a, "value").orElse(null));
            String written = "`" + a.toString().replaceAll("\\s+", " ") + "`" + line(a);
            return Optional.of(new EntityGraph(paths, named.isEmpty() ? null : named.get(0), written));
        }
        return Optional.empty();
    }

    private static List<String> strings(Expression e) {
        List<String> out = new ArrayList<>();
        if (e == null) return out;
        if (e instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr array) {
            for (Expression v : array.getValues()) out.addAll(strings(v));
        } else if (e instanceof StringLiteralExpr s && !s.asString().isBlank()) {
            out.add(s.asString());
        }
        return out;
    }

    /**
     * {@code em.createQuery(jpql).setParameter(...).setMaxResults(20)}, or {@code TypedQuery<Order> q = em.createQuery(jpql);
     * ... q.setFirstResult(offset)}: the paging call as written, with its line; else null.
     */
    private static String pagingCall(MethodCallExpr call) {
        Expression value = call;
        while (true) {
            Node parent = value.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr m && m.getScope().orElse(null) == value) {
                if (PAGING_CALLS.contains(m.getNameAsString())) return describe(m);
                if (!m.getNameAsString().startsWith("set") && !m.getNameAsString().equals("unwrap")) return null;
                value = m;
            } else if (parent instanceof CastExpr || parent instanceof EnclosedExpr) {
                value = (Expression) parent;
            } else {
                break;
            }
        }
        Node parent = value.getParentNode().orElse(null);
        String local = null;
        if (parent instanceof VariableDeclarator v && v.getInitializer().orElse(null) == value) local = v.getNameAsString();
        if (parent instanceof AssignExpr a && a.getValue() == value && a.getTarget() instanceof NameExpr n) {
            local = n.getNameAsString();
        }
        if (local == null) return null;
        Optional<CallableDeclaration> method = value.findAncestor(CallableDeclaration.class);
        if (method.isEmpty()) return null;
        String name = local;
        for (MethodCallExpr m : method.get().findAll(MethodCallExpr.class, m -> PAGING_CALLS.contains(m.getNameAsString()))) {
            if (rootName(m.getScope().orElse(null)).filter(name::equals).isPresent()) return describe(m);
        }
        return null;
    }

    /** The local a chain of setters starts from: {@code q} for {@code q.setParameter(...).setMaxResults(...)}. */
    private static Optional<String> rootName(Expression scope) {
        Expression e = scope;
        while (e instanceof MethodCallExpr m && m.getNameAsString().startsWith("set") && m.getScope().isPresent()) {
            e = m.getScope().get();
        }
        while (e instanceof EnclosedExpr en) e = en.getInner();
        return e instanceof NameExpr n ? Optional.of(n.getNameAsString()) : Optional.empty();
    }

    private static String describe(MethodCallExpr m) {
        String args = m.getArguments().toString().replaceAll("^\\[|]$", "").replaceAll("\\s+", " ");
        if (args.length() > 40) args = "...";
        return "`" + m.getNameAsString() + "(" + args + ")`" + line(m.getName()); // a chain begins where its first call does
    }

    private static String line(Node n) {
        return n.getBegin().map(p -> " (line " + p.line + ")").orElse("");
    }

    private static String simpleName(Type t) {
        if (!(t instanceof ClassOrInterfaceType c)) return "";
        return c.getNameAsString();
    }
}
