package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.TypeNames;
import dev.sqllint.extract.fluent.JooqValue.Bind;
import dev.sqllint.extract.fluent.JooqValue.Cond;
import dev.sqllint.extract.fluent.JooqValue.Dsl;
import dev.sqllint.extract.fluent.JooqValue.Field;
import dev.sqllint.extract.fluent.JooqValue.ListOf;
import dev.sqllint.extract.fluent.JooqValue.Sort;
import dev.sqllint.extract.fluent.JooqValue.Table;
import dev.sqllint.extract.fluent.JooqValue.TableRef;
import dev.sqllint.extract.fluent.JooqValue.Unknown;
import dev.sqllint.extract.java.Declarations;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the Java expressions of a jOOQ chain into {@link JooqValue}s: names (locals through
 * {@link JooqLocals}, fields, constants, static imports of generated tables), field accesses
 * ({@code BOOK.AUTHOR_ID}, {@code b.ID}, {@code Tables.BOOK}), and calls, which it hands to the class that knows
 * the receiver: {@link JooqDsl} for {@code DSL}/{@code DSLContext}, {@link JooqFields}, {@link JooqTables},
 * {@link JooqSelectSteps}. A call of a helper method of the project is evaluated through its return statement,
 * its parameters bound to the arguments. What cannot be read becomes {@link JooqValue.Unknown}, never an error.
 */
final class JooqEvaluator extends FluentEvaluator<JooqValue> {

    private static final Set<String> JOOQ_PARAMETER_TYPES = Set.of("Condition", "Field", "TableField", "Table",
            "TableLike", "Select", "SelectField", "SelectFieldOrAsterisk", "SortField", "OrderField", "QueryPart",
            "GroupField", "TableRecord", "Record", "Name");

    final FluentContext cx;
    final JooqDsl dsl;
    final JooqFields fields;
    final JooqTables tables;
    final JooqSelectSteps steps;
    final JooqLocals locals;
    final JooqPlainSql plain;
    private final Map<VariableDeclarator, JooqValue> bound = new IdentityHashMap<>();
    private final Deque<Binding> arguments = new ArrayDeque<>();

    /** A helper method being evaluated: its parameters, bound to the call's arguments. */
    private record Binding(CallableDeclaration<?> method, Map<String, Expression> args) {
    }

    JooqEvaluator(FluentContext cx) {
        this.cx = cx.fresh();
        this.dsl = new JooqDsl(this);
        this.fields = new JooqFields(this);
        this.tables = new JooqTables(this);
        this.steps = new JooqSelectSteps(this);
        this.locals = new JooqLocals(this);
        this.plain = new JooqPlainSql(this);
    }

    @Override
    JooqValue tooDeep(Expression e) {
        return new Unknown(cx.origin(e));
    }

    @Override
    boolean isJavaValue(JooqValue v) {
        return v instanceof Bind || v instanceof Unknown;
    }

    @Override
    JooqValue other(Expression e) {
        if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr || e instanceof DoubleLiteralExpr) {
            return new Bind(cx.origin(e), e.toString().replaceAll("[lLdDfF_]", ""));
        }
        if (e instanceof ObjectCreationExpr create && create.getType().getNameAsString().matches("ArrayList|LinkedList|HashSet|LinkedHashSet")) {
            return create.getArguments().size() == 1 && !create.getArgument(0).isIntegerLiteralExpr()
                    ? asList(eval(create.getArgument(0))) : new ListOf(List.of());
        }
        if (e instanceof ArrayCreationExpr array && array.getInitializer().isPresent()) {
            return new ListOf(all(array.getInitializer().get().getValues()));
        }
        return new Bind(cx.origin(e), null);
    }

    /** A bound previous value of a re-assigned local ({@code c = c.and(...)}), while its new value is evaluated. */
    void bind(VariableDeclarator local, JooqValue value) {
        if (value == null) bound.remove(local);
        else bound.put(local, value);
    }

    @Override
    JooqValue name(NameExpr n) {
        String name = n.getNameAsString();
        Origin at = cx.origin(n);
        Declarations.Resolved r = Declarations.resolve(name, n);
        if (r != null && r.kind() == Declarations.Resolved.Kind.LOCAL) {
            JooqValue previous = bound.get(r.local());
            if (previous != null) return previous;
            if (cx.roots.isDslContextType(r.type(), n)) return new Dsl();
            return locals.valueAt(r, n);
        }
        if (r != null && r.kind() == Declarations.Resolved.Kind.PARAMETER) {
            Expression arg = argument(name, n);
            if (arg != null) return eval(arg);
            if (cx.roots.isDslContextType(r.type(), n)) return new Dsl();
            String type = r.type() == null ? "" : TypeNames.stripGenerics(r.type());
            type = type.substring(type.lastIndexOf('.') + 1);
            return JOOQ_PARAMETER_TYPES.contains(type) || type.startsWith("Select") ? new Unknown(at) : new Bind(at, null);
        }
        Optional<VariableDeclarator> field = cx.field(name, n);
        if (field.isPresent()) return fieldValue(field.get(), n);
        Optional<String> owner = cx.typeNames.staticImportOwner(name, n);
        if (owner.isPresent()) {
            Optional<ProjectIndex.Constant> c = cx.index.constant(owner.get(), name);
            if (c.isPresent()) return constant(c.get().initializer(), n);
        }
        if (JooqNames.isConstantName(name)) return tables.generated(name, n);
        return new Unknown(at);
    }

    private JooqValue fieldValue(VariableDeclarator v, Node use) {
        if (cx.roots.isDslContextType(v.getType().asString(), v)) return new Dsl();
        if (v.getInitializer().isPresent() && FluentContext.isFinal(v)) return constant(v.getInitializer().get(), use);
        return JooqNames.isConstantName(v.getNameAsString()) ? tables.generated(v.getNameAsString(), use) : new Unknown(cx.origin(use));
    }

    /**
     * A constant's initializer; from another file, its SQL is placed at the use. When the generated classes
     * are in the sources after all, {@code BOOK = new Book()} (or {@code = Book.BOOK}) is the table {@code book}.
     */
    private JooqValue constant(Expression initializer, Node use) {
        JooqValue v;
        if (FluentContext.sameFile(initializer, use)) {
            v = eval(initializer);
        } else {
            Origin previous = cx.overrideWith(cx.origin(use));
            try {
                v = eval(initializer);
            } finally {
                cx.restore(previous);
            }
        }
        String name = use instanceof NameExpr n ? n.getNameAsString() : use instanceof FieldAccessExpr f ? f.getNameAsString() : "";
        boolean generatedTable = initializer instanceof ObjectCreationExpr || initializer instanceof FieldAccessExpr;
        return v instanceof Bind && generatedTable && JooqNames.isConstantName(name) ? tables.generated(name, use) : v;
    }

    @Override
    JooqValue fieldAccess(FieldAccessExpr f) {
        String name = f.getNameAsString();
        Expression scope = f.getScope();
        if (scope instanceof ThisExpr) {
            return cx.field(name, f).map(v -> fieldValue(v, f)).orElseGet(() -> new Unknown(cx.origin(f)));
        }
        if (cx.isTypeReference(scope)) {
            String owner = cx.typeNames.resolve(scope.toString(), f);
            Optional<ProjectIndex.Constant> c = cx.index.constant(owner, name);
            if (c.isPresent()) return constant(c.get().initializer(), f);
            // Tables.BOOK, Book.BOOK (generated, absent): a table; Status.ACTIVE: a value
            return JooqNames.isConstantName(name) && !isEnumOfProject(owner) ? tables.generated(name, f) : new Bind(cx.origin(f), null);
        }
        JooqValue of = eval(scope);
        if (of instanceof Table t && JooqNames.isConstantName(name)) return tables.column(t, name, f);
        if (of instanceof Unknown u && JooqNames.isConstantName(name)) return new Field(u.sql());
        return new Bind(cx.origin(f), null);
    }

    private boolean isEnumOfProject(String type) {
        return cx.index.type(type).map(TypeDeclaration::isEnumDeclaration).orElse(false);
    }

    @Override
    JooqValue call(MethodCallExpr m) {
        Optional<Expression> scope = m.getScope();
        if (scope.isEmpty()) {
            if (cx.roots.isStaticDslCall(m)) return dsl.staticCall(m);
            return helper(m, enclosingType(m)).orElseGet(() -> new Unknown(cx.origin(m)));
        }
        Expression s = scope.get();
        if (cx.roots.isDslClass(s)) return dsl.staticCall(m);
        // configuration.dsl(), tx.dsl() in dsl.transaction(tx -> ...)
        if (m.getNameAsString().equals("dsl") && m.getArguments().isEmpty()) return new Dsl();
        if (s instanceof ThisExpr) return helper(m, enclosingType(m)).orElseGet(() -> new Unknown(cx.origin(m)));
        if (cx.isTypeReference(s)) {
            if (FluentContext.isCollectionFactory(m, s)) return new ListOf(all(m.getArguments()));
            String owner = cx.typeNames.resolve(s.toString(), m);
            Optional<TypeDeclaration<?>> type = cx.index.type(owner);
            // LocalDate.of(...), UUID.fromString(...): a value computed in Java, bound as a parameter
            if (type.isEmpty()) return new Bind(cx.origin(m), null);
            return helper(m, type.get()).orElseGet(() -> new Unknown(cx.origin(m)));
        }
        JooqValue receiver = eval(s);
        return apply(receiver, m);
    }

    /** A method called on a value: dispatched by what the receiver is. */
    JooqValue apply(JooqValue receiver, MethodCallExpr m) {
        if (receiver instanceof Dsl) return dsl.contextCall(m);
        if (receiver instanceof JooqQuery q) return steps.apply(q, m);
        if (receiver instanceof Table t) return tables.apply(t, m);
        if (receiver instanceof ListOf l) return l;
        if (receiver instanceof Bind b) return new Bind(cx.origin(m), null);
        return fields.apply(receiver, m);
    }

    /** A project method called by this chain, evaluated through its (last) return statement. */
    private Optional<JooqValue> helper(MethodCallExpr m, TypeDeclaration<?> type) {
        return FluentContext.helper(m, type)
                .flatMap(d -> FluentContext.lastReturn(d).map(returned -> invoke(d, m, returned)));
    }

    private JooqValue invoke(MethodDeclaration d, MethodCallExpr call, Expression returned) {
        Map<String, Expression> args = new HashMap<>();
        for (int i = 0; i < d.getParameters().size(); i++) args.put(d.getParameter(i).getNameAsString(), call.getArgument(i));
        arguments.push(new Binding(d, args));
        boolean foreign = !FluentContext.sameFile(d, call);
        Origin previous = foreign ? cx.overrideWith(cx.nameOrigin(call)) : null;
        try {
            return eval(returned);
        } finally {
            arguments.pop();
            if (foreign) cx.restore(previous);
        }
    }

    /** The argument bound to parameter {@code name} of the helper being evaluated around {@code use}, if any. */
    private Expression argument(String name, Node use) {
        CallableDeclaration<?> method = use.findAncestor(CallableDeclaration.class).map(c -> (CallableDeclaration<?>) c).orElse(null);
        if (method == null) return null;
        for (Binding b : arguments) {
            if (b.method() == method) {
                // evaluated where it is written: its names resolve in the caller, with the caller's bindings
                return b.args().get(name);
            }
        }
        return null;
    }

    private static TypeDeclaration<?> enclosingType(Node n) {
        return FluentContext.enclosingType(n);
    }

    List<JooqValue> all(NodeList<Expression> args) {
        List<JooqValue> out = new ArrayList<>();
        for (Expression a : args) out.add(eval(a));
        return out;
    }

    /** Varargs or one collection: the values, flattened. */
    List<JooqValue> arguments(MethodCallExpr m) {
        List<JooqValue> out = new ArrayList<>();
        for (JooqValue v : all(m.getArguments())) {
            if (v instanceof ListOf l) out.addAll(l.items());
            else out.add(v);
        }
        return out;
    }

    private static JooqValue asList(JooqValue v) {
        return v instanceof ListOf ? v : new ListOf(List.of(v));
    }

    // ---- how a value renders where SQL expects a value, a condition, a table, a select item ----

    /** As an operand: a field's SQL, {@code ?} for a Java value, a parenthesised subquery. */
    SqlText value(JooqValue v, Node at) {
        if (v instanceof Field f) return f.sql();
        if (v instanceof Bind b) return b.sql();
        if (v instanceof JooqQuery q) return parenthesised(q.render());
        if (v instanceof Cond c && !c.isNone()) return c.sql();
        if (v instanceof Sort s) return s.sql();
        if (v instanceof Unknown u) return u.sql();
        if (v instanceof ListOf l) {
            List<SqlText> parts = new ArrayList<>();
            for (JooqValue item : l.items()) parts.add(value(item, at));
            return parts.isEmpty() ? SqlText.of("?", cx.origin(at)) : JooqQuery.list(parts, cx.origin(at));
        }
        return SqlText.of("?", cx.origin(at)); // an enum constant read as a generated table, a record, ...
    }

    Cond condition(JooqValue v, Node at) {
        if (v instanceof Cond c) return c;
        if (v instanceof ListOf l) {
            Cond out = Cond.NONE;
            for (JooqValue item : l.items()) out = Cond.and(out, condition(item, at), cx.origin(at));
            return out;
        }
        if (v instanceof Field f) return new Cond(f.sql(), Cond.ATOM);
        return new Cond(SqlText.placeholder(cx.origin(at)), Cond.ATOM);
    }

    /** An item of a select list. */
    SqlText selectItem(JooqValue v, Node at) {
        if (v instanceof Table t) return SqlText.of(t.base().qualifier() + ".*", cx.origin(at));
        if (v instanceof Field f && f.alias() != null) return f.sql().append(SqlText.of(" AS ", f.alias().originAt(0))).append(f.alias());
        return value(v, at);
    }

    Table table(JooqValue v, Node at) {
        if (v instanceof Table t) return t;
        if (v instanceof JooqQuery q) {
            Origin o = cx.origin(at);
            return new Table(new TableRef(null, "q", parenthesised(q.render()).append(SqlText.of(" AS q", o))));
        }
        return new Table(new TableRef(null, null, SqlText.placeholder(cx.origin(at))));
    }

    static SqlText parenthesised(SqlText s) {
        Origin o = s.originAt(0);
        return SqlText.of("(", o).append(s).append(SqlText.of(")", o));
    }

    /** The text of a string argument ({@code "b"} of {@code .as("b")}), or null when it cannot be folded. */
    String text(Expression e) {
        if (e instanceof MethodCallExpr m && m.getNameAsString().equals("name") && m.getArguments().size() >= 1) {
            return text(m.getArgument(m.getArguments().size() - 1));
        }
        List<SqlText> folded = cx.folder.fold(e);
        if (folded.isEmpty() || !folded.get(0).isComplete()) return null;
        String s = folded.get(0).text().trim();
        return s.isEmpty() ? null : s;
    }
}
