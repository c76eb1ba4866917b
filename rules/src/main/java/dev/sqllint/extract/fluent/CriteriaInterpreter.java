package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import dev.sqllint.extract.TypeNames;
import dev.sqllint.extract.fluent.CriteriaValue.Attribute;
import dev.sqllint.extract.fluent.CriteriaValue.Bind;
import dev.sqllint.extract.fluent.CriteriaValue.Builder;
import dev.sqllint.extract.fluent.CriteriaValue.EntityClass;
import dev.sqllint.extract.fluent.CriteriaValue.Expr;
import dev.sqllint.extract.fluent.CriteriaValue.InValues;
import dev.sqllint.extract.fluent.CriteriaValue.JoinKind;
import dev.sqllint.extract.fluent.CriteriaValue.Lambda;
import dev.sqllint.extract.fluent.CriteriaValue.Order;
import dev.sqllint.extract.fluent.CriteriaValue.Pred;
import dev.sqllint.extract.fluent.CriteriaValue.Typed;
import dev.sqllint.extract.fluent.CriteriaValue.Unknown;
import dev.sqllint.extract.fluent.CriteriaValue.Values;
import dev.sqllint.extract.fluent.JooqValue.Cond;
import dev.sqllint.extract.java.Declarations;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs the statements of a method the way they build a JPA Criteria query: locals and parameters hold
 * {@link CriteriaValue}s, and every call is handed to the class that knows its receiver
 * ({@link CriteriaBuilderCalls} for {@code cb}, {@link CriteriaQueryCalls} for queries and typed queries,
 * {@link CriteriaPathCalls} for roots, joins, paths, predicates and lists). Statements run in order up to the
 * use ({@link StatementWalk}): every {@code if} is taken (of an {@code if}/{@code else}, the {@code else} only
 * when the {@code if} branch changes nothing), a loop body once, so dynamic queries are read with the most
 * SQL, where the shapes show. A project method called on the way runs with its parameters bound to the
 * arguments' values, so a helper that adds predicates to a list or joins to a root does so. What cannot be
 * read becomes a placeholder or a bind parameter, never an error.
 */
final class CriteriaInterpreter extends FluentEvaluator<CriteriaValue> {

    private static final int MAX_CALLS = 8;
    /** Declared types whose value, when not known, is a piece of a query rather than a Java value. */
    private static final Set<String> QUERY_PART_TYPES = Set.of("Root", "From", "Join", "ListJoin", "SetJoin",
            "MapJoin", "CollectionJoin", "PluralJoin", "Fetch", "Path", "Expression", "Predicate", "Selection",
            "CompoundSelection", "Order", "CriteriaQuery", "AbstractQuery", "Subquery", "Specification",
            "JpaRoot", "JpaPredicate", "JpaExpression", "JpaCriteriaQuery", "JpaSubQuery");
    private static final Set<String> BUILDER_TYPES = Set.of("CriteriaBuilder", "HibernateCriteriaBuilder");

    final FluentContext cx;
    final CriteriaBuilderCalls builder;
    final CriteriaQueryCalls queries;
    final CriteriaPathCalls paths;
    private final Function<String, Optional<String>> entityNames;
    private final Map<Node, CriteriaValue> bound = new IdentityHashMap<>();
    private final Set<String> aliases = new HashSet<>();
    /** The file of the site being read: its own code keeps its own positions, whoever runs it. */
    private Node siteFile;
    private int effects;
    private int calls;

    /** {@code entityNames}: the JPQL entity name of a (qualified or simple) class name, when the mappings know it. */
    CriteriaInterpreter(FluentContext cx, Function<String, Optional<String>> entityNames) {
        this.cx = cx.fresh();
        this.entityNames = entityNames;
        this.builder = new CriteriaBuilderCalls(this);
        this.queries = new CriteriaQueryCalls(this);
        this.paths = new CriteriaPathCalls(this);
    }

    // ---- statements ----

    /** Runs what the bodies around {@code use} do before it: the method's statements, then a lambda's inside it. */
    void runUpTo(Node use) {
        siteFile = use.findRootNode();
        List<Node> bodies = new ArrayList<>();
        for (Node p = use.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof LambdaExpr || p instanceof CallableDeclaration<?>) bodies.add(0, p);
            if (p instanceof CallableDeclaration<?>) break;
        }
        for (int i = 0; i < bodies.size(); i++) {
            Node stop = i + 1 < bodies.size() ? bodies.get(i + 1) : use;
            BlockStmt body = body(bodies.get(i));
            if (body != null) new Run(stop).run(body.getStatements(), 0, effects);
        }
    }

    /**
     * Runs statements to the end of their block, {@code return}s included: what follows {@code TypedQuery q =
     * em.createQuery(cq)} ({@code q.setMaxResults(n)}, {@code return page(q, pageable)}).
     */
    void runRest(List<Statement> statements, int from) {
        new Run(null) {
            @Override
            protected Integer otherStatement(Statement s, Integer state) {
                if (s instanceof ReturnStmt r && r.getExpression().isPresent()) eval(r.getExpression().get());
                return effects;
            }
        }.run(statements, from, effects);
    }

    private static BlockStmt body(Node callable) {
        if (callable instanceof LambdaExpr l) return l.getBody() instanceof BlockStmt b ? b : null;
        if (callable instanceof MethodDeclaration m) return m.getBody().orElse(null);
        if (callable instanceof ConstructorDeclaration c) return c.getBody();
        return null;
    }

    /** One walk: each expression statement runs; an {@code if}'s {@code else} only when its branch did nothing. */
    private class Run extends StatementWalk<Integer> {
        Run(Node use) {
            super(use);
        }

        @Override
        protected Integer apply(Expression e, Integer state) {
            execute(e);
            return effects;
        }

        @Override
        protected Integer ifElse(IfStmt s, Integer state) {
            Integer then = step(s.getThenStmt(), state);
            if (s.getElseStmt().isEmpty() || !then.equals(state)) return then;
            return step(s.getElseStmt().get(), state);
        }
    }

    private void execute(Expression e) {
        if (e instanceof VariableDeclarationExpr v) {
            for (VariableDeclarator d : v.getVariables()) {
                if (d.getInitializer().isPresent()) bind(d, eval(d.getInitializer().get()));
            }
        } else if (e instanceof AssignExpr a && a.getOperator() == AssignExpr.Operator.ASSIGN && a.getTarget() instanceof NameExpr t) {
            CriteriaValue value = eval(a.getValue());
            Node target = declaration(t);
            if (target != null) bind(target, value);
        } else {
            eval(e);
        }
    }

    /** Something the query depends on changed: an {@code if} branch that does this was not empty. */
    void changed() {
        effects++;
    }

    void bind(Node declaration, CriteriaValue value) {
        bound.put(declaration, value);
        changed();
    }

    /** The local's declarator or the parameter a name refers to, or null (a field, a for-each variable). */
    private static Node declaration(NameExpr n) {
        Declarations.Resolved r = Declarations.resolve(n.getNameAsString(), n);
        if (r == null) return null;
        if (r.kind() == Declarations.Resolved.Kind.LOCAL) return r.local();
        return r.kind() == Declarations.Resolved.Kind.PARAMETER ? parameter(n.getNameAsString(), n) : null;
    }

    private static Parameter parameter(String name, Node use) {
        for (Node p = use.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            NodeList<Parameter> params = p instanceof LambdaExpr l ? l.getParameters()
                    : p instanceof CallableDeclaration<?> c ? c.getParameters() : null;
            if (params == null) continue;
            for (Parameter param : params) if (param.getNameAsString().equals(name)) return param;
            if (p instanceof CallableDeclaration<?>) return null;
        }
        return null;
    }

    // ---- expressions ----

    @Override
    CriteriaValue tooDeep(Expression e) {
        return new Unknown(cx.origin(e));
    }

    @Override
    boolean isJavaValue(CriteriaValue v) {
        return v instanceof Bind || v instanceof Unknown;
    }

    @Override
    CriteriaValue other(Expression e) {
        if (e instanceof ClassExpr c) return new EntityClass(c.getType().asString());
        if (e instanceof LambdaExpr l) return new Lambda(l);
        if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr) {
            return new Bind(cx.origin(e), e.toString().replaceAll("[lL_]", ""), null);
        }
        if (e instanceof StringLiteralExpr s) return new Bind(cx.origin(e), null, s.getValue());
        if (e instanceof NullLiteralExpr) return new Expr(SqlText.of("NULL", cx.origin(e)));
        if (e instanceof ObjectCreationExpr create && create.getType().getNameAsString().matches("ArrayList|LinkedList|HashSet|LinkedHashSet")) {
            CriteriaValue from = create.getArguments().size() == 1 ? eval(create.getArgument(0)) : null;
            return new Values(from instanceof Values l ? l.items : List.of());
        }
        if (e instanceof ArrayCreationExpr array) {
            return new Values(array.getInitializer().map(i -> all(i.getValues())).orElse(List.of()));
        }
        return new Bind(cx.origin(e), null, null);
    }

    @Override
    CriteriaValue name(NameExpr n) {
        String name = n.getNameAsString();
        Declarations.Resolved r = Declarations.resolve(name, n);
        if (r != null && r.kind() != Declarations.Resolved.Kind.FIELD_SCOPE) {
            Node declaration = declaration(n);
            CriteriaValue v = declaration == null ? null : bound.get(declaration);
            return v != null ? v : byType(r.type(), n);
        }
        Optional<VariableDeclarator> field = cx.field(name, n);
        if (field.isPresent()) return fieldValue(field.get(), n);
        return constant(n); // a static import
    }

    private CriteriaValue fieldValue(VariableDeclarator v, Expression use) {
        String type = v.getType().asString();
        if (v.getInitializer().isPresent() && FluentContext.isFinal(v) && isStatic(v)) return constant(use);
        return byType(type, use);
    }

    private static boolean isStatic(VariableDeclarator v) {
        return v.getParentNode().filter(FieldDeclaration.class::isInstance).map(f -> ((FieldDeclaration) f).isStatic()).orElse(false);
    }

    /** An unknown value by its declared type: a builder, a query part (a placeholder), or a Java value. */
    private CriteriaValue byType(String declared, Node at) {
        String type = declared == null ? "" : TypeNames.stripGenerics(declared);
        type = type.substring(type.lastIndexOf('.') + 1);
        if (BUILDER_TYPES.contains(type)) return new Builder();
        return QUERY_PART_TYPES.contains(type) ? new Unknown(cx.origin(at)) : new Bind(cx.origin(at), null, null);
    }

    /** A constant: a Java value, whose text is kept when it folds (an attribute name in a constant). */
    private CriteriaValue constant(Expression e) {
        List<SqlText> folded = cx.folder.fold(e);
        String text = folded.size() == 1 && folded.get(0).isComplete() ? folded.get(0).text() : null;
        return new Bind(cx.origin(e), null, text);
    }

    @Override
    CriteriaValue fieldAccess(FieldAccessExpr f) {
        String name = f.getNameAsString();
        Expression scope = f.getScope();
        if (scope instanceof ThisExpr) return cx.field(name, f).map(v -> fieldValue(v, f)).orElseGet(() -> new Unknown(cx.origin(f)));
        String owner = scope.toString();
        if (owner.endsWith("_")) return new Attribute(metamodelAttribute(name)); // Track_.owner, Track_.OWNER
        if (owner.equals("JoinType") || owner.endsWith(".JoinType")) {
            return new JoinKind(switch (name) {
                case "LEFT" -> "LEFT JOIN";
                case "RIGHT" -> "RIGHT JOIN";
                default -> "JOIN";
            });
        }
        if (cx.isTypeReference(scope)) return constant(f);
        eval(scope);
        return new Bind(cx.origin(f), null, null);
    }

    /** Hibernate's metamodel also has {@code OWNER_ID = "ownerId"}: the attribute is the camel-case name. */
    private static String metamodelAttribute(String field) {
        if (!JooqNames.isConstantName(field)) return field;
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : field.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    @Override
    CriteriaValue call(MethodCallExpr m) {
        if (m.getNameAsString().equals("getCriteriaBuilder")) return new Builder();
        Optional<Expression> scope = m.getScope();
        if (scope.isEmpty() || scope.get() instanceof ThisExpr) return helper(m, FluentContext.enclosingType(m));
        Expression s = scope.get();
        if (cx.isTypeReference(s)) {
            if (FluentContext.isCollectionFactory(m, s)) return new Values(all(m.getArguments()));
            return cx.index.type(cx.typeNames.resolve(s.toString(), m))
                    .map(t -> helper(m, t))
                    .orElseGet(() -> new Bind(cx.origin(m), null, null)); // LocalDate.now(), Specification.where(...)
        }
        CriteriaValue receiver = eval(s);
        if (receiver instanceof Bind || receiver instanceof Unknown) {
            // criteriaQueryFactory.applySpecification(root, spec, query): a method of a project class, on a field
            Optional<TypeDeclaration<?>> type = Declarations.receiverType(s)
                    .flatMap(t -> cx.index.type(cx.typeNames.resolve(TypeNames.stripGenerics(t), m)));
            if (type.isPresent() && FluentContext.helper(m, type.get()).isPresent()) return helper(m, type.get());
        }
        return apply(receiver, m);
    }

    /** A method called on a value: dispatched by what the receiver is. */
    CriteriaValue apply(CriteriaValue receiver, MethodCallExpr m) {
        if (receiver instanceof Builder) return builder.apply(m);
        if (receiver instanceof CriteriaSelect q) return queries.apply(q, m);
        if (receiver instanceof Typed t) return queries.typed(t, m);
        if (receiver instanceof CriteriaFrom f) return paths.from(f, m);
        if (receiver instanceof Expr e) return paths.expression(e.sql(), m);
        if (receiver instanceof Pred p) return paths.predicate(p, m);
        if (receiver instanceof Values l) return paths.list(l, m);
        if (receiver instanceof InValues in) return paths.in(in, m);
        if (receiver instanceof Order o) return o;
        // spec.toPredicate(root, query, cb), supplier.get(): the lambda runs with the call's arguments
        if (receiver instanceof Lambda l && l.expr().getParameters().size() == m.getArguments().size()) {
            return invoke(l.expr(), l.expr().getParameters(), all(m.getArguments()), m);
        }
        // an EntityManager, a Session, or any other object
        return queries.createQuery(m).orElseGet(() -> receiver instanceof Unknown
                ? new Unknown(cx.origin(m)) : new Bind(cx.origin(m), null, null));
    }

    /**
     * A project method: runs with its parameters bound to the arguments when it can take part in the query (it is
     * handed a piece of it, or returns one); a predicate from a method not in the sources is unknown.
     */
    private CriteriaValue helper(MethodCallExpr m, TypeDeclaration<?> type) {
        Optional<MethodDeclaration> d = FluentContext.helper(m, type);
        if (d.isEmpty()) return new Unknown(cx.origin(m));
        List<CriteriaValue> args = all(m.getArguments());
        boolean takesPart = isQueryPartType(d.get().getType().asString())
                || args.stream().anyMatch(a -> !(a instanceof Bind || a instanceof Unknown));
        return takesPart ? invoke(d.get(), d.get().getParameters(), args, m) : byType(d.get().getType().asString(), m);
    }

    private static boolean isQueryPartType(String declared) {
        String type = TypeNames.stripGenerics(declared);
        type = type.substring(type.lastIndexOf('.') + 1);
        // List<Predicate>, Predicate[]: a list of pieces
        return QUERY_PART_TYPES.contains(type) || BUILDER_TYPES.contains(type) || declared.contains("Predicate");
    }

    /**
     * Runs a method or lambda body with {@code params} bound to {@code args}, up to its last {@code return}, whose
     * value it gives (a void method: to its end). Called from another file ({@code call} set), every piece of
     * SQL it writes is placed at the call, where the file being analysed uses it.
     */
    CriteriaValue invoke(Node callable, NodeList<Parameter> params, List<CriteriaValue> args, MethodCallExpr call) {
        if (calls >= MAX_CALLS || params.size() != args.size()) return new Unknown(cx.origin(callable));
        calls++;
        Map<Node, CriteriaValue> saved = new IdentityHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            saved.put(params.get(i), bound.get(params.get(i)));
            bound.put(params.get(i), args.get(i));
        }
        // another file's helper is placed at its call; a lambda of the file analysed, run by that helper, is not
        boolean foreign = call != null && !FluentContext.sameFile(callable, call);
        boolean home = callable instanceof LambdaExpr && siteFile != null && callable.findRootNode() == siteFile;
        Origin previous = home ? cx.overrideWith(null) : foreign ? cx.overrideWith(cx.nameOrigin(call)) : null;
        try {
            if (callable instanceof LambdaExpr l && l.getBody() instanceof ExpressionStmt es) return eval(es.getExpression());
            Expression returned = returned(callable);
            BlockStmt body = body(callable);
            if (body != null) new Run(returned).run(body.getStatements(), 0, effects);
            return returned != null ? eval(returned) : new Bind(cx.origin(callable), null, null);
        } finally {
            saved.forEach((p, v) -> {
                if (v == null) bound.remove(p);
                else bound.put(p, v);
            });
            calls--;
            if (home || foreign) cx.restore(previous);
        }
    }

    private static Expression returned(Node callable) {
        if (callable instanceof MethodDeclaration d) return FluentContext.lastReturn(d).orElse(null);
        Expression last = null;
        for (ReturnStmt r : callable.findAll(ReturnStmt.class)) {
            if (r.getExpression().isPresent() && r.findAncestor(LambdaExpr.class).orElse(null) == callable) last = r.getExpression().get();
        }
        return last;
    }

    List<CriteriaValue> all(List<Expression> args) {
        List<CriteriaValue> out = new ArrayList<>();
        for (Expression a : args) out.add(eval(a));
        return out;
    }

    /** Varargs, an array or a list: the values, flattened. */
    List<CriteriaValue> arguments(MethodCallExpr m) {
        List<CriteriaValue> out = new ArrayList<>();
        for (CriteriaValue v : all(m.getArguments())) {
            if (v instanceof Values l) out.addAll(l.items);
            else out.add(v);
        }
        return out;
    }

    // ---- names ----

    /** The JPQL name of an entity class as written: its {@code @Entity(name)} when the mappings know it. */
    String entityName(String writtenClass, Node context) {
        String written = TypeNames.stripGenerics(writtenClass);
        String simple = written.substring(written.lastIndexOf('.') + 1);
        return entityNames.apply(cx.typeNames.resolve(written, context)).or(() -> entityNames.apply(simple)).orElse(simple);
    }

    /**
     * The identification variable of a new root or join: the Java local it is assigned to ({@code Root<Track> t =
     * ...} is {@code t}), else the first letter of {@code fallback}; unique in the statement, never a SQL word.
     */
    String alias(MethodCallExpr call, String fallback) {
        String base = assignedName(call);
        if (base == null) base = fallback.isEmpty() ? "x" : fallback.substring(0, 1).toLowerCase(Locale.ROOT);
        return alias(base);
    }

    /** {@code name}, or {@code name2}, ... when taken; never a SQL word or a placeholder. */
    String alias(String name) {
        String base = JooqNames.isReserved(name) || name.startsWith("sqllint") ? name + "_" : name;
        String alias = base;
        for (int i = 2; !aliases.add(alias.toLowerCase(Locale.ROOT)); i++) alias = base + i;
        return alias;
    }

    private static String assignedName(Node call) {
        Node n = call;
        while (n.getParentNode().orElse(null) instanceof CastExpr || n.getParentNode().orElse(null) instanceof EnclosedExpr) {
            n = n.getParentNode().get();
        }
        Node parent = n.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator d) return d.getNameAsString();
        if (parent instanceof AssignExpr a && a.getValue() == n && a.getTarget() instanceof NameExpr t) return t.getNameAsString();
        return null;
    }

    /** The attribute {@code get}, {@code join} or {@code fetch} names: a string, a constant, a metamodel field. */
    String attribute(Expression arg) {
        CriteriaValue v = eval(arg);
        if (v instanceof Attribute a) return a.name();
        if (v instanceof Bind b && b.text() != null && b.text().matches("[A-Za-z_$][\\w$]*")) return b.text();
        return null;
    }

    // ---- how a value renders where JPQL expects a value, a condition, a select item ----

    /** As a compared value: an entity by its id, a subquery in parentheses, a Java value as {@code ?}. */
    SqlText operand(CriteriaValue v, Node at) {
        if (v instanceof CriteriaFrom f) return f.asOperand(cx.origin(at));
        if (v instanceof Expr e) return e.sql();
        if (v instanceof Bind b) return b.sql();
        if (v instanceof CriteriaSelect q) return JooqEvaluator.parenthesised(q.render());
        if (v instanceof Pred p && !p.cond().isNone()) return p.cond().sql();
        if (v instanceof Unknown u) return u.sql();
        return SqlText.of("?", cx.origin(at));
    }

    Cond condition(CriteriaValue v, Node at) {
        if (v instanceof Pred p) return p.cond();
        if (v instanceof InValues in) return paths.inCondition(in);
        if (v instanceof Values l) {
            Cond out = Cond.NONE;
            for (CriteriaValue item : l.items) out = Cond.and(out, condition(item, at), cx.origin(at));
            return out;
        }
        // a null predicate (a Specification returning null) restricts nothing
        if (v instanceof Expr e && e.sql().text().equals("NULL")) return Cond.NONE;
        // an Expression<Boolean> as a restriction
        if (v instanceof Expr e) return new Cond(e.sql().append(SqlText.of(" = TRUE", e.sql().originAt(0))), Cond.ATOM);
        return new Cond(SqlText.placeholder(cx.origin(at)), Cond.ATOM);
    }

    /** An item of a select list: a root or join as its variable, a constructor's or tuple's items in turn. */
    SqlText selectItem(CriteriaValue v, Node at) {
        if (v instanceof CriteriaFrom f) return SqlText.of(f.alias, cx.origin(at));
        if (v instanceof Values l && !l.items.isEmpty()) {
            List<SqlText> parts = new ArrayList<>();
            for (CriteriaValue item : l.items) parts.add(selectItem(item, at));
            return JooqQuery.list(parts, cx.origin(at));
        }
        return operand(v, at);
    }
}
