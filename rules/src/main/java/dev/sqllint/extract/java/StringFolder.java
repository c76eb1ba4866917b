package dev.sqllint.extract.java;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.sqllint.extract.FileDependencies;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.TypeNames;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds a Java string expression into the SQL it evaluates to, as a list of variants: literals and text
 * blocks, {@code +} chains, constants of this and other classes (qualified, simple, static-imported,
 * inherited), effectively final locals, and local StringBuilders or re-assigned String locals (through
 * {@link LocalFlow}). What cannot be known statically becomes a placeholder that keeps the SQL parseable.
 */
public final class StringFolder {

    private static final int MAX_DEPTH = 48;
    private static final Set<String> PASS_THROUGH = Set.of("trim", "strip", "stripLeading", "stripTrailing",
            "intern", "toString");

    private final ProjectIndex index;
    private final TypeNames typeNames;
    // by name and position, not by node: a memo must not keep syntax trees alive (nodes also hash their whole
    // subtree, and two identical methods have different origins)
    private final FileDependencies.Memo<String, List<SqlText>> constantCache = FileDependencies.Memo.concurrent();
    private final FileDependencies.Memo<NodeKey, List<SqlText>> methodCache = FileDependencies.Memo.concurrent();
    private final ConstructorFields constructorFields = new ConstructorFields(this);
    /**
     * Locals folded at a use, by use and depth, while one file is extracted ({@link #inOneFile}): a site's
     * variable built from other variables ({@code String.format("%s%s", select, where)} three times over in one
     * method) would otherwise walk the same method again for every variable that reads it. Scoped to the file,
     * as it holds its nodes; not kept while a method is folded for one caller, whose parameters change values.
     */
    private final ThreadLocal<Map<Node, Map<Integer, List<SqlText>>>> localsAtUse = new ThreadLocal<>();

    public StringFolder(ProjectIndex index, TypeNames typeNames) {
        this.index = index;
        this.typeNames = typeNames;
    }

    /** Forgets the folded constants, methods and constructor fields (the heap ran short). */
    public void dropMemos() {
        constantCache.clear();
        methodCache.clear();
        constructorFields.dropMemo();
    }

    public List<SqlText> fold(Expression e) {
        return fold(e, 0);
    }

    /** Runs {@code work}, the extraction of one file, remembering the locals it folds until it returns. */
    public <T> T inOneFile(java.util.function.Supplier<T> work) {
        Map<Node, Map<Integer, List<SqlText>>> outer = localsAtUse.get();
        localsAtUse.set(new IdentityHashMap<>());
        try {
            return work.get();
        } finally {
            if (outer == null) localsAtUse.remove();
            else localsAtUse.set(outer);
        }
    }

    List<SqlText> fold(Expression e, int depth) {
        if (depth > MAX_DEPTH) return placeholder(e);
        if (e instanceof StringLiteralExpr s) return List.of(LiteralText.of(s, fileOf(e)));
        if (e instanceof TextBlockLiteralExpr t) return List.of(LiteralText.of(t, fileOf(e)));
        if (e instanceof CharLiteralExpr c) return List.of(SqlText.of(c.asChar() + "", origin(e)));
        if (e instanceof LiteralStringValueExpr lit) return List.of(SqlText.of(lit.getValue(), origin(e)));
        if (e instanceof com.github.javaparser.ast.expr.UnaryExpr u && u.getOperator() == com.github.javaparser.ast.expr.UnaryExpr.Operator.MINUS
                && u.getExpression() instanceof LiteralStringValueExpr lit && !(lit instanceof StringLiteralExpr)) {
            return List.of(SqlText.of("-" + lit.getValue(), origin(e))); // int IGNORE_MISFIRE_POLICY = -1
        }
        if (e instanceof EnclosedExpr en) return fold(en.getInner(), depth + 1);
        if (e instanceof CastExpr cast) return fold(cast.getExpression(), depth + 1);
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            if (isArithmetic(b)) return valuePlaceholder(e); // "lvl" + (i + 1): a number, not the text "i" then "1"
            // a + b + c + ... is one level, however long: a 60-line select list must not hit the depth limit
            List<SqlText> out = List.of(SqlText.empty());
            for (Expression operand : plusOperands(b)) out = Variants.concat(out, fold(operand, depth + 1));
            return out;
        }
        if (e instanceof ConditionalExpr c) {
            return Variants.union(fold(c.getThenExpr(), depth + 1), fold(c.getElseExpr(), depth + 1));
        }
        if (e instanceof NameExpr n) return foldName(n, depth);
        if (e instanceof FieldAccessExpr f) return foldFieldAccess(f, depth);
        if (e instanceof MethodCallExpr m) return foldCall(m, depth);
        if (e instanceof ObjectCreationExpr create && isStringLike(create.getType().getNameAsString())) {
            // new StringBuilder("..."); new StringBuilder() and new StringBuilder(256) start empty
            if (create.getArguments().size() == 1 && !create.getArgument(0).isIntegerLiteralExpr()) {
                return fold(create.getArgument(0), depth + 1);
            }
            return List.of(SqlText.empty());
        }
        return placeholder(e);
    }

    /**
     * Whether a {@code +} adds numbers: its first two operands are numbers (a numeric literal, a local or
     * parameter of a numeric primitive type, {@code size()} or {@code length()}), so Java adds them before any
     * text joins. Whatever follows makes no difference to SQL: the value is unknown either way.
     */
    private static boolean isArithmetic(BinaryExpr chain) {
        List<Expression> operands = plusOperands(chain);
        return operands.size() >= 2 && isNumber(operands.get(0)) && isNumber(operands.get(1));
    }

    private static final Set<String> NUMERIC = Set.of("int", "long", "short", "byte", "double", "float", "Integer", "Long");

    private static boolean isNumber(Expression e) {
        while (e instanceof EnclosedExpr en) e = en.getInner();
        if (e instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr || e instanceof com.github.javaparser.ast.expr.LongLiteralExpr
                || e instanceof com.github.javaparser.ast.expr.DoubleLiteralExpr) {
            return true;
        }
        if (e instanceof MethodCallExpr m && m.getArguments().isEmpty() && (m.getNameAsString().equals("size") || m.getNameAsString().equals("length"))) {
            return true;
        }
        if (e instanceof NameExpr n) {
            Declarations.Resolved r = Declarations.resolve(n.getNameAsString(), n);
            return r != null && r.kind() != Declarations.Resolved.Kind.FIELD_SCOPE && r.type() != null && NUMERIC.contains(r.type());
        }
        return false;
    }

    /** The operands of a left-nested {@code +} chain, in order. */
    private static List<Expression> plusOperands(BinaryExpr chain) {
        java.util.ArrayDeque<Expression> operands = new java.util.ArrayDeque<>();
        Expression e = chain;
        while (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            operands.push(b.getRight());
            e = b.getLeft();
        }
        operands.push(e);
        return new ArrayList<>(operands);
    }

    private List<SqlText> foldName(NameExpr n, int depth) {
        String name = n.getNameAsString();
        Declarations.Resolved r = Declarations.resolve(name, n);
        if (r != null && r.kind() == Declarations.Resolved.Kind.LOCAL) {
            Map<Node, Map<Integer, List<SqlText>>> memo = CallerArguments.unbound() ? localsAtUse.get() : null;
            if (memo == null) return new LocalFlow(this, r, n, depth + 1).variants();
            List<SqlText> known = memo.getOrDefault(n, Map.of()).get(depth);
            if (known != null) return known;
            List<SqlText> folded = new LocalFlow(this, r, n, depth + 1).variants();
            memo.computeIfAbsent(n, k -> new java.util.HashMap<>()).put(depth, folded);
            return folded;
        }
        if (r != null && r.kind() == Declarations.Resolved.Kind.PARAMETER) {
            List<SqlText> bound = CallerArguments.bound(n);
            if (bound != null) return CallerArguments.atUse(this, n, bound, depth);
            return r.type() != null && NUMERIC.contains(r.type()) ? valuePlaceholder(n) : placeholder(n);
        }
        return constantInScope(name, n, depth).or(() -> constructorFields.fold(name, n, depth)).orElseGet(() -> placeholder(n));
    }

    /** A field of an enclosing type or its supertypes, or a static import. */
    private Optional<List<SqlText>> constantInScope(String name, Node use, int depth) {
        for (Node p = use.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?> type) {
                Optional<List<SqlText>> found = constantInTypeOrSupertypes(ProjectIndex.qualifiedName(type), name, depth);
                if (found.isPresent()) return found;
            }
        }
        return typeNames.staticImportOwner(name, use).flatMap(owner -> constant(owner, name, depth));
    }

    private Optional<List<SqlText>> constantInTypeOrSupertypes(String typeName, String name, int depth) {
        return typeNames.constant(typeName, name).map(c -> folded(c, depth));
    }

    private Optional<List<SqlText>> constant(String typeName, String name, int depth) {
        return index.constant(typeName, name).map(c -> folded(c, depth));
    }

    private List<SqlText> folded(ProjectIndex.Constant c, int depth) {
        String key = c.typeName() + "#" + c.name();
        List<SqlText> cached = constantCache.get(key);
        return cached != null ? cached : constantCache.compute(key, () -> foldConstant(c, depth));
    }

    private List<SqlText> foldConstant(ProjectIndex.Constant c, int depth) {
        if (c.initializer() instanceof ObjectCreationExpr create && !create.getType().getNameAsString().equals("String")
                && isStringLike(create.getType().getNameAsString())) {
            return placeholder(c.initializer()); // a final StringBuilder field is appended to elsewhere: not its initial text
        }
        List<SqlText> out = new ArrayList<>();
        for (SqlText t : fold(c.initializer(), depth + 1)) out.add(t.throughConstant(c.label()));
        return out;
    }

    private List<SqlText> foldFieldAccess(FieldAccessExpr f, int depth) {
        String name = f.getNameAsString();
        if (f.getScope() instanceof ThisExpr) {
            return constantInScope(name, f, depth).or(() -> constructorFields.fold(name, f, depth)).orElseGet(() -> placeholder(f));
        }
        String scope = f.getScope().toString();
        if (!Character.isUpperCase(lastSegment(scope).charAt(0))) return placeholder(f); // obj.field, not Type.FIELD
        String owner = typeNames.resolve(scope, f);
        return constant(owner, name, depth).orElseGet(() -> placeholder(f));
    }

    private static String lastSegment(String dotted) {
        String s = dotted.substring(dotted.lastIndexOf('.') + 1);
        return s.isEmpty() ? "x" : s;
    }

    private List<SqlText> foldCall(MethodCallExpr m, int depth) {
        String method = m.getNameAsString();
        if (m.getArguments().isEmpty() && m.getScope().isPresent() && PASS_THROUGH.contains(method)) {
            return fold(m.getScope().get(), depth + 1);
        }
        if (method.equals("append") && m.getArguments().size() == 1 && m.getScope().isPresent()) {
            // the value of sb.append(x) is the builder after the append: new StringBuilder(BASE).append(" WHERE ...")
            return Variants.concat(fold(m.getScope().get(), depth + 1), fold(m.getArgument(0), depth + 1));
        }
        if (method.equals("valueOf") && m.getArguments().size() == 1
                && m.getScope().map(s -> s.toString().equals("String")).orElse(false)) {
            return fold(m.getArgument(0), depth + 1);
        }
        Optional<List<SqlText>> formatted = FormatCalls.fold(m, this, depth);
        if (formatted.isPresent()) return formatted.get();
        if (method.equals("replace") && m.getArguments().size() == 2 && m.getScope().isPresent()) {
            Optional<List<SqlText>> replaced = replaced(m, depth); // TEMPLATE.replace("$in", "from")
            if (replaced.isPresent()) return replaced.get();
        }
        return callee(m).map(d -> returnedFor(d, m, depth)).filter(v -> !v.isEmpty()).orElseGet(() -> placeholder(m));
    }

    /**
     * What {@code d} returns for this call: when it returns a rewrite of a text parameter
     * ({@code rtp(SELECT_JOB)} returning {@code MessageFormat.format(query, prefix)}), folded with the call's
     * known arguments in place of the parameters; otherwise (no parameter read, nothing known passed) the
     * method's one folding for every caller.
     */
    private List<SqlText> returnedFor(MethodDeclaration d, MethodCallExpr m, int depth) {
        Optional<java.util.Map<String, List<SqlText>>> arguments = CallerArguments.of(d, m, a -> fold(a, depth + 1));
        if (arguments.isEmpty()) return returned(d, depth);
        return CallerArguments.binding(d, arguments.get(), () -> returnedUncached(d, depth));
    }

    /**
     * {@code text.replace("a", "b")} with known text to replace: every occurrence, as String.replace does. An
     * unknown replacement ({@code SQL.replace("{table}", table)}) is a placeholder, glued to the name the
     * replaced token prefixes.
     */
    private Optional<List<SqlText>> replaced(MethodCallExpr m, int depth) {
        List<SqlText> target = fold(m.getArgument(0), depth + 1);
        List<SqlText> replacement = fold(m.getArgument(1), depth + 1);
        if (target.size() != 1 || replacement.size() != 1 || !target.get(0).isComplete() || target.get(0).length() == 0) {
            return Optional.empty();
        }
        String from = target.get(0).text();
        SqlText to = replacement.get(0);
        List<SqlText> out = new ArrayList<>();
        for (SqlText v : fold(m.getScope().get(), depth + 1)) {
            int at = v.text().indexOf(from);
            while (at >= 0) {
                if (to.isComplete()) {
                    v = v.replace(at, at + from.length(), to.text());
                    at = v.text().indexOf(from, at + to.length());
                } else {
                    SqlText glued = FormatCalls.glued(List.of(to), v.text(), at, at + from.length()).get(0);
                    v = FormatCalls.slice(v, 0, at).append(glued).append(FormatCalls.slice(v, at + from.length(), v.length()));
                    at = v.text().indexOf(from, at + glued.length());
                }
            }
            out.add(v);
        }
        return Optional.of(Variants.distinct(out));
    }

    /**
     * A method of the project that returns a foldable string, e.g. a row mapper's {@code schema()} returning
     * {@code "l.id, l.name FROM loans l"}: found by the declared type of the receiver (or this class).
     */
    public Optional<MethodDeclaration> callee(MethodCallExpr m) {
        Optional<String> owner;
        Expression scope = m.getScope().orElse(null);
        if (scope == null || scope instanceof ThisExpr) {
            owner = m.findAncestor(TypeDeclaration.class).map(t -> ProjectIndex.qualifiedName((TypeDeclaration<?>) t));
            if (owner.isPresent()) return methodIn(owner.get(), m, true);
        }
        if (scope instanceof ObjectCreationExpr create) {
            owner = Optional.of(typeNames.resolve(create.getType().getNameWithScope(), m));
        } else if (scope instanceof NameExpr n) {
            Declarations.Resolved r = Declarations.resolve(n.getNameAsString(), n);
            Optional<String> declared = r == null ? Optional.empty()
                    : r.kind() == Declarations.Resolved.Kind.FIELD_SCOPE ? Declarations.fieldType(n.getNameAsString(), n)
                    : Optional.ofNullable(r.type());
            // no variable of that name: a static call on a type, Queries.build()
            owner = declared.or(() -> Optional.of(n.getNameAsString())).map(t -> typeNames.resolve(t, m));
        } else if (scope instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
            owner = Declarations.fieldType(f.getNameAsString(), f).map(t -> typeNames.resolve(t, m));
        } else {
            owner = Optional.empty();
        }
        return owner.flatMap(o -> methodIn(o, m, false));
    }

    private Optional<MethodDeclaration> methodIn(String owner, MethodCallExpr call, boolean enclosing) {
        for (String type = owner; type != null; type = enclosing && type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : null) {
            Optional<MethodDeclaration> found = methodInTypeOrSupertypes(type, call, 0);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    /** Declared by the type or inherited from a project supertype ({@code rtp(SQL)} in a subclass of the DAO that has it). */
    private Optional<MethodDeclaration> methodInTypeOrSupertypes(String type, MethodCallExpr call, int level) {
        Optional<TypeDeclaration<?>> decl = index.type(type);
        if (decl.isEmpty()) return Optional.empty();
        for (MethodDeclaration d : decl.get().getMethodsByName(call.getNameAsString())) {
            if (d.getParameters().size() == call.getArguments().size() && d.getBody().isPresent()) return Optional.of(d);
        }
        if (level > 4 || !(decl.get() instanceof ClassOrInterfaceDeclaration c)) return Optional.empty();
        List<ClassOrInterfaceType> supers = new ArrayList<>(c.getExtendedTypes());
        supers.addAll(c.getImplementedTypes());
        for (ClassOrInterfaceType s : supers) {
            Optional<MethodDeclaration> inherited = methodInTypeOrSupertypes(typeNames.resolve(s.getNameWithScope(), c), call, level + 1);
            if (inherited.isPresent()) return inherited;
        }
        return Optional.empty();
    }

    /** The variants of every value {@code d} returns (empty when none folds), for the readers of provider methods. */
    public List<SqlText> returnedBy(MethodDeclaration d) {
        return d.getBody().isPresent() ? returned(d, 0) : List.of();
    }

    /** The variants of every value the method returns; its parameters become placeholders. */
    private List<SqlText> returned(MethodDeclaration d, int depth) {
        NodeKey key = NodeKey.of(d);
        if (key == null) return returnedUncached(d, depth);
        List<SqlText> cached = methodCache.get(key);
        return cached != null ? cached : methodCache.compute(key, () -> returnedUncached(d, depth));
    }

    private List<SqlText> returnedUncached(MethodDeclaration d, int depth) {
        List<SqlText> out = new ArrayList<>();
        for (ReturnStmt r : d.getBody().get().findAll(ReturnStmt.class)) {
            if (r.findAncestor(LambdaExpr.class).isPresent() || r.getExpression().isEmpty()) continue;
            if (r.findAncestor(MethodDeclaration.class).orElse(null) != d) continue; // a local or anonymous class
            out = Variants.union(out, fold(r.getExpression().get(), depth + 1));
        }
        String label = d.findAncestor(TypeDeclaration.class).map(t -> ((TypeDeclaration<?>) t).getNameAsString()).orElse("")
                + "." + d.getNameAsString() + "()";
        return out.stream().map(t -> t.throughConstant(label)).toList();
    }

    private static boolean isStringLike(String type) {
        return type.equals("StringBuilder") || type.equals("StringBuffer") || type.equals("String");
    }

    List<SqlText> placeholder(Node e) {
        return List.of(SqlText.placeholder(origin(e)));
    }

    /** An unknown number: see {@link SqlText#valuePlaceholder}. */
    List<SqlText> valuePlaceholder(Node e) {
        return List.of(SqlText.valuePlaceholder(origin(e)));
    }

    public Origin origin(Node e) {
        Position p = e.getBegin().orElse(new Position(1, 1));
        return Origin.at(fileOf(e), p.line, p.column);
    }

    Path fileOf(Node e) {
        Path p = JavaFile.of(e);
        return p != null ? p : Path.of("unknown.java");
    }
}
