package dev.sqllint.extract;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Map<Node, Path> files;
    private final Map<ProjectIndex.Constant, List<SqlText>> constantCache = new ConcurrentHashMap<>();

    StringFolder(ProjectIndex index, TypeNames typeNames, Map<Node, Path> files) {
        this.index = index;
        this.typeNames = typeNames;
        this.files = files;
    }

    public List<SqlText> fold(Expression e) {
        return fold(e, 0);
    }

    List<SqlText> fold(Expression e, int depth) {
        if (depth > MAX_DEPTH) return placeholder(e);
        if (e instanceof StringLiteralExpr s) return List.of(LiteralText.of(s, fileOf(e)));
        if (e instanceof TextBlockLiteralExpr t) return List.of(LiteralText.of(t, fileOf(e)));
        if (e instanceof CharLiteralExpr c) return List.of(SqlText.of(c.asChar() + "", origin(e)));
        if (e instanceof LiteralStringValueExpr lit) return List.of(SqlText.of(lit.getValue(), origin(e)));
        if (e instanceof EnclosedExpr en) return fold(en.getInner(), depth + 1);
        if (e instanceof CastExpr cast) return fold(cast.getExpression(), depth + 1);
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            return Variants.concat(fold(b.getLeft(), depth + 1), fold(b.getRight(), depth + 1));
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

    private List<SqlText> foldName(NameExpr n, int depth) {
        String name = n.getNameAsString();
        Declarations.Resolved r = Declarations.resolve(name, n);
        if (r != null && r.kind() == Declarations.Resolved.Kind.LOCAL) {
            return new LocalFlow(this, r, n, depth + 1).variants();
        }
        if (r != null && r.kind() == Declarations.Resolved.Kind.PARAMETER) return placeholder(n);
        return constantInScope(name, n, depth).orElseGet(() -> placeholder(n));
    }

    /** A field of an enclosing type or its supertypes, or a static import. */
    private Optional<List<SqlText>> constantInScope(String name, Node use, int depth) {
        for (Node p = use.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?> type) {
                Optional<List<SqlText>> found = constantInTypeOrSupertypes(ProjectIndex.qualifiedName(type), name, depth, 0);
                if (found.isPresent()) return found;
            }
        }
        return typeNames.staticImportOwner(name, use).flatMap(owner -> constant(owner, name, depth));
    }

    private Optional<List<SqlText>> constantInTypeOrSupertypes(String typeName, String name, int depth, int level) {
        Optional<List<SqlText>> own = constant(typeName, name, depth);
        if (own.isPresent() || level > 4) return own;
        Optional<TypeDeclaration<?>> type = index.type(typeName);
        if (type.isEmpty() || !(type.get() instanceof ClassOrInterfaceDeclaration c)) return Optional.empty();
        List<ClassOrInterfaceType> supers = new ArrayList<>(c.getExtendedTypes());
        supers.addAll(c.getImplementedTypes());
        for (ClassOrInterfaceType s : supers) {
            String q = typeNames.resolve(s.getNameWithScope(), c);
            Optional<List<SqlText>> inherited = constantInTypeOrSupertypes(q, name, depth, level + 1);
            if (inherited.isPresent()) return inherited;
        }
        return Optional.empty();
    }

    private Optional<List<SqlText>> constant(String typeName, String name, int depth) {
        return index.constant(typeName, name).map(c -> {
            // not computeIfAbsent: folding a constant folds the constants it is built from, re-entering the map
            List<SqlText> cached = constantCache.get(c);
            if (cached != null) return cached;
            List<SqlText> folded = foldConstant(c, depth);
            constantCache.putIfAbsent(c, folded);
            return folded;
        });
    }

    private List<SqlText> foldConstant(ProjectIndex.Constant c, int depth) {
        List<SqlText> out = new ArrayList<>();
        for (SqlText t : fold(c.initializer(), depth + 1)) out.add(t.throughConstant(c.label()));
        return out;
    }

    private List<SqlText> foldFieldAccess(FieldAccessExpr f, int depth) {
        String name = f.getNameAsString();
        if (f.getScope() instanceof ThisExpr) {
            return constantInScope(name, f, depth).orElseGet(() -> placeholder(f));
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
        return placeholder(m);
    }

    private static boolean isStringLike(String type) {
        return type.equals("StringBuilder") || type.equals("StringBuffer") || type.equals("String");
    }

    List<SqlText> placeholder(Node e) {
        return List.of(SqlText.placeholder(origin(e)));
    }

    Origin origin(Node e) {
        Position p = e.getBegin().orElse(new Position(1, 1));
        return Origin.at(fileOf(e), p.line, p.column);
    }

    Path fileOf(Node e) {
        Node root = e.findRootNode();
        Path p = files.get(root);
        return p != null ? p : Path.of("unknown.java");
    }

    static Map<Node, Path> identityMap() {
        return new IdentityHashMap<>();
    }
}
