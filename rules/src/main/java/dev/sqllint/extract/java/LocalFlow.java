package dev.sqllint.extract.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.sqllint.sql.SqlText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values a local String or StringBuilder can hold at one use, found by walking the statements between
 * its declaration and the use: {@code append} chains, {@code +=} and {@code x = x + ...} add text; an
 * {@code if} yields the variants with and without its branch; a loop body counts as one pass (one item).
 *
 * <p>The walk follows paths, not just texts: each path remembers the conditions it took (see
 * {@link Conditions}), so two {@code if}s on the same condition, or on a flag the code set, are taken
 * together or not at all, and a branch that ends in {@code return} or {@code throw} does not reach the
 * statements after it. A builder passed to a method of the project is followed into it (what
 * {@code checkAndAddWhere(sql)} appends is part of the statement); passed to a method that cannot be read,
 * it ends with an unknown part.
 */
final class LocalFlow {

    private static final int MAX_PATHS = Variants.MAX * 4;
    private static final int MAX_INLINED = 3;
    private static final Set<String> PASS_THROUGH = Set.of("toString", "trim", "strip", "intern");
    /** Calls that read a builder passed to them rather than write it: logging and printing. */
    private static final Set<String> READERS = Set.of("debug", "info", "warn", "error", "trace", "fine", "finer", "finest",
            "log", "print", "println", "printf", "format", "valueOf", "equals", "contains", "requireNonNull", "add", "put",
            "append", "insert", "join", "write",
            "hash", "hashCode", "length", "isEmpty");
    /** Calls on a variable that leave it as it was, so what is known about it still holds afterwards. */
    private static final java.util.regex.Pattern QUERIES = java.util.regex.Pattern.compile(
            "(get|is|has|contains|size|length|equals|toString|stream|format|indexOf|lastIndexOf|startsWith|endsWith|charAt|substring|trim|strip|name|ordinal|value|compareTo|matches|iterator|keySet|values|entrySet).*");

    private final StringFolder folder;
    private final String name;
    /** The use the walk stops at; null when following a callee's body for its effect on a builder parameter. */
    private final Node use;
    private final int depth;
    private final boolean builder;
    private final Conditions conditions;
    private final Set<MethodDeclaration> inlining;
    private final boolean prune;
    private final Deque<List<FlowPath>> exits = new ArrayDeque<>();
    private final List<FlowPath> returned = new ArrayList<>();
    private final Map<Node, List<SqlText>> folded = new IdentityHashMap<>();
    private Declarations.Resolved decl;
    /** A parameter followed from the method's first statement, starting from what the caller passed. */
    private MethodDeclaration parameterOf;
    private List<SqlText> passed;
    private boolean reached;

    LocalFlow(StringFolder folder, Declarations.Resolved decl, Node use, int depth) {
        this(folder, decl.local().getNameAsString(), use, depth, isBuilder(decl.type(), decl.local()), Set.of(), true);
        this.decl = decl;
    }

    private LocalFlow(StringFolder folder, String name, Node use, int depth, boolean builder, Set<MethodDeclaration> inlining,
                      boolean prune) {
        this.folder = folder;
        this.name = name;
        this.use = use;
        this.depth = depth;
        this.builder = builder;
        this.conditions = new Conditions(name);
        this.inlining = inlining;
        this.prune = prune;
    }

    /**
     * A text parameter of a method folded for one caller ({@link CallerArguments}): its values at {@code use},
     * from {@code passed} through what the method appends or assigns before it.
     */
    static List<SqlText> ofParameter(StringFolder folder, MethodDeclaration method, Parameter parameter, List<SqlText> passed,
                                     Node use, int depth) {
        String type = parameter.getType().asString();
        LocalFlow flow = new LocalFlow(folder, parameter.getNameAsString(), use, depth,
                type.contains("StringBuilder") || type.contains("StringBuffer"), Set.of(), true);
        flow.parameterOf = method;
        flow.passed = passed;
        return flow.variants();
    }

    List<SqlText> variants() {
        List<FlowPath> end = walk();
        if (end.isEmpty()) { // every path ended before the use: the walk misread the code, so read it without ends
            LocalFlow lenient = new LocalFlow(folder, name, use, depth, builder, inlining, false);
            lenient.decl = decl;
            lenient.parameterOf = parameterOf;
            lenient.passed = passed;
            end = lenient.walk();
        }
        List<SqlText> out = new ArrayList<>();
        for (FlowPath p : end) out.add(p.text());
        return Variants.distinct(out);
    }

    private List<FlowPath> walk() {
        if (parameterOf != null) {
            List<FlowPath> start = new ArrayList<>();
            for (SqlText t : passed) start.add(new FlowPath(t, Facts.NONE));
            return run(parameterOf.getBody().get().getStatements(), 0, start);
        }
        Facts facts = factsBefore();
        List<FlowPath> start = new ArrayList<>();
        for (SqlText t : initial()) start.add(new FlowPath(t, facts));
        return run(decl.block(), decl.index() + 1, start);
    }

    private List<SqlText> initial() {
        Expression init = decl.local().getInitializer().orElse(null);
        if (init == null) return List.of(SqlText.empty());
        return folder.fold(init, depth);
    }

    /**
     * What holds where the variable is declared: the conditions of the {@code if}s around it, and boolean
     * flags set by plain statements of its block before it ({@code boolean whereAdded = false;}).
     */
    private Facts factsBefore() {
        FlowPath p = new FlowPath(SqlText.empty(), Facts.NONE);
        Node child = decl.local();
        for (Node n = child.getParentNode().orElse(null); n != null && !(n instanceof MethodDeclaration);
             child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof IfStmt ifs && child != ifs.getCondition()) {
                FlowPath q = conditions.assume(ifs.getCondition(), child == ifs.getThenStmt(), p);
                if (q != null) p = q;
            }
        }
        NodeList<Statement> block = decl.block();
        for (int i = 0; i < decl.index(); i++) {
            Statement s = block.get(i);
            if (s instanceof ExpressionStmt es) p = p.withFacts(sideEffects(es.getExpression(), p));
            else for (AssignExpr a : s.findAll(AssignExpr.class)) p = p.withFacts(forget(p.facts(), a.getTarget()));
        }
        return p.facts();
    }

    /** Follows a callee's body from {@code start}, the builder being its parameter {@code name}; every path that leaves it. */
    private List<FlowPath> effect(MethodDeclaration callee, List<FlowPath> start) {
        List<FlowPath> end = run(callee.getBody().get().getStatements(), 0, start);
        return union(end, returned);
    }

    private List<FlowPath> run(List<Statement> statements, int from, List<FlowPath> state) {
        for (int i = from; i < statements.size() && !reached; i++) {
            state = step(statements.get(i), state);
        }
        return state;
    }

    private List<FlowPath> step(Statement s, List<FlowPath> state) {
        if (use != null && StatementPaths.contains(s, use)) return enter(s, state);
        if (state.isEmpty()) return state;
        if (s instanceof ExpressionStmt es) return apply(es.getExpression(), state);
        if (s instanceof BlockStmt b) return run(b.getStatements(), 0, state);
        if (s instanceof IfStmt ifs) {
            List<FlowPath> then = new ArrayList<>();
            List<FlowPath> otherwise = new ArrayList<>();
            for (FlowPath p : state) {
                FlowPath t = conditions.assume(ifs.getCondition(), true, p);
                FlowPath f = conditions.assume(ifs.getCondition(), false, p);
                if (t != null && f != null) { // undecided: a twin test of the same variables went one way before
                    Boolean twin = TwinTests.earlier(ifs.getCondition(), p);
                    if (twin != null) {
                        if (twin) f = null;
                        else t = null;
                    }
                    if (t != null) t = TwinTests.remember(ifs.getCondition(), true, t);
                    if (f != null) f = TwinTests.remember(ifs.getCondition(), false, f);
                }
                if (t != null) then.add(t);
                if (f != null) otherwise.add(f);
            }
            List<FlowPath> thenEnd = then.isEmpty() ? then : step(ifs.getThenStmt(), then);
            List<FlowPath> elseEnd = ifs.getElseStmt().isPresent() && !otherwise.isEmpty()
                    ? step(ifs.getElseStmt().get(), otherwise) : otherwise;
            return union(thenEnd, elseEnd);
        }
        if (s instanceof ForStmt f) return loop(f, f.getBody(), state);
        if (s instanceof ForEachStmt f) return loop(f, f.getBody(), state);
        if (s instanceof WhileStmt w) return loop(w, w.getBody(), state);
        if (s instanceof DoStmt d) return loop(d, d.getBody(), state);
        if (s instanceof LabeledStmt l) return step(l.getStatement(), state);
        if (s instanceof SynchronizedStmt sy) return step(sy.getBody(), state);
        if (s instanceof TryStmt t) {
            List<FlowPath> after = step(t.getTryBlock(), state);
            if (after.isEmpty()) { // the try block always leaves: what follows is reached through a catch
                for (var c : t.getCatchClauses()) after = union(after, step(c.getBody(), state));
            }
            List<FlowPath> done = after;
            return t.getFinallyBlock().map(f -> step(f, done)).orElse(after);
        }
        if (s instanceof SwitchStmt sw) {
            exits.push(new ArrayList<>());
            List<FlowPath> out = new ArrayList<>();
            boolean hasDefault = false;
            for (SwitchEntry entry : sw.getEntries()) {
                hasDefault |= entry.getLabels().isEmpty();
                out = union(out, run(entry.getStatements(), 0, state));
            }
            out = union(out, exits.pop());
            return hasDefault ? out : union(out, state);
        }
        if (s instanceof ReturnStmt && use == null) { // a callee returns to its caller, which goes on
            returned.addAll(state);
            return List.of();
        }
        if ((s instanceof ReturnStmt || s instanceof ThrowStmt) && prune) return List.of();
        if ((s instanceof BreakStmt || s instanceof ContinueStmt) && prune && !exits.isEmpty()) {
            exits.peek().addAll(state); // a loop is one pass: both leave it; a switch entry's break leaves the switch
            return List.of();
        }
        return state;
    }

    private List<FlowPath> loop(Statement loop, Statement body, List<FlowPath> state) {
        exits.push(new ArrayList<>());
        conditions.enterPass(loop);
        try {
            List<FlowPath> out = step(body, state);
            return union(out, exits.pop());
        } finally {
            conditions.leavePass(loop);
        }
    }

    /** The statement holds the use: follow only the path that leads to it, then stop. */
    private List<FlowPath> enter(Statement s, List<FlowPath> state) {
        if (s instanceof BlockStmt b) return run(b.getStatements(), 0, state);
        Optional<Statement> branch = StatementPaths.branchHolding(s, use);
        if (branch.isPresent()) {
            if (s instanceof IfStmt ifs) state = assumeAll(ifs.getCondition(), branch.get() == ifs.getThenStmt(), state);
            if (s instanceof WhileStmt w) state = assumeAll(w.getCondition(), true, state);
            return enter(branch.get(), state);
        }
        if (s instanceof TryStmt t) {
            List<FlowPath> after = step(t.getTryBlock(), state);
            if (after.isEmpty()) after = state;
            if (t.getFinallyBlock().isPresent() && StatementPaths.contains(t.getFinallyBlock().get(), use)) {
                return enter(t.getFinallyBlock().get(), after);
            }
            for (var c : t.getCatchClauses()) if (StatementPaths.contains(c.getBody(), use)) return enter(c.getBody(), after);
        } else if (s instanceof SwitchStmt sw) {
            for (SwitchEntry entry : sw.getEntries()) {
                for (int i = 0; i < entry.getStatements().size(); i++) {
                    if (StatementPaths.contains(entry.getStatement(i), use)) {
                        List<FlowPath> before = run(entry.getStatements().subList(0, i), 0, state);
                        return enter(entry.getStatement(i), before);
                    }
                }
            }
        }
        reached = true;
        return aroundUse(s, state);
    }

    /** {@code jdbc.query(sql.length() > 0 ? sql.toString() : BASE)}: the use is reached only where the test allows it. */
    private List<FlowPath> aroundUse(Statement s, List<FlowPath> state) {
        Node child = use;
        for (Node n = use.getParentNode().orElse(null); n != null && n != s; child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof ConditionalExpr c && child != c.getCondition()) {
                state = assumeAll(c.getCondition(), child == c.getThenExpr(), state);
            }
        }
        return state;
    }

    private List<FlowPath> assumeAll(Expression condition, boolean value, List<FlowPath> state) {
        List<FlowPath> out = new ArrayList<>();
        for (FlowPath p : state) {
            FlowPath q = conditions.assume(condition, value, p);
            if (q != null) out.add(q);
        }
        return out;
    }

    private List<FlowPath> apply(Expression e, List<FlowPath> state) {
        List<FlowPath> out = new ArrayList<>();
        for (FlowPath p : state) {
            for (FlowPath q : applyOne(e, p)) {
                out.add(q.withFacts(sideEffects(e, q)));
                if (out.size() >= MAX_PATHS) return distinct(out);
            }
        }
        return distinct(out);
    }

    private List<FlowPath> applyOne(Expression e, FlowPath p) {
        if (e instanceof MethodCallExpr call && rootedAtVariable(call)) return applyBuilderCalls(call, p);
        if (e instanceof AssignExpr a && a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)) {
            if (a.getOperator() == AssignExpr.Operator.PLUS) return concat(List.of(p), a.getValue());
            if (a.getOperator() == AssignExpr.Operator.ASSIGN) return changed(valueOf(a.getValue(), p));
            return List.of(p);
        }
        if (!builder) return List.of(p);
        // the builder handed to a method, which may append to it: checkAndAddWhere(sql), util.buildCondition(..., sql, ...)
        List<FlowPath> out = List.of(p);
        for (MethodCallExpr call : e.findAll(MethodCallExpr.class)) {
            if (call.findAncestor(LambdaExpr.class).filter(l -> StatementPaths.contains(e, l)).isPresent()) continue;
            for (int i = 0; i < call.getArguments().size(); i++) {
                if (call.getArgument(i) instanceof NameExpr n && n.getNameAsString().equals(name)) {
                    List<FlowPath> next = new ArrayList<>();
                    for (FlowPath q : out) next.addAll(passed(call, i, q, call == e));
                    out = distinct(next);
                }
            }
        }
        return out;
    }

    /** The builder is argument {@code index} of {@code call}: what the callee does to it. */
    private List<FlowPath> passed(MethodCallExpr call, int index, FlowPath p, boolean topLevel) {
        Optional<MethodDeclaration> callee = folder.callee(call).filter(d -> d.getBody().isPresent());
        if (callee.isPresent() && !inlining.contains(callee.get()) && inlining.size() < MAX_INLINED
                && index < callee.get().getParameters().size() && !callee.get().getParameter(index).isVarArgs()) {
            MethodDeclaration d = callee.get();
            Parameter param = d.getParameter(index);
            Set<MethodDeclaration> stack = new HashSet<>(inlining);
            stack.add(d);
            LocalFlow inner = new LocalFlow(folder, param.getNameAsString(), null, depth + 1, true, stack, prune);
            Set<String> scope = declaredIn(d);
            List<Facts.Literal> bound = boundArguments(d, call, p);
            Facts facts = p.facts();
            for (String n : scope) facts = facts.without(n);
            for (Facts.Literal b : bound) facts = Optional.ofNullable(facts.with(b)).orElse(facts);
            List<FlowPath> out = new ArrayList<>();
            for (FlowPath q : inner.effect(d, List.of(p.withFacts(facts)))) {
                out.add(q.withFacts(q.facts().restoring(p.facts(), scope))); // the callee's own names mean nothing here
            }
            return out.isEmpty() ? List.of(p) : out;
        }
        if (!topLevel || READERS.contains(call.getNameAsString())
                || call.getScope().map(s -> s.toString().toLowerCase().contains("log")).orElse(false)) {
            return List.of(p); // a value used further, or a logger: the builder is read, not written
        }
        return List.of(p.withText(p.text().append(folder.placeholder(call).get(0))));
    }

    /**
     * The callee's parameters whose value the call decides: a literal {@code true}/{@code false} or a flag
     * the caller knows ({@code build(cols, where, false)}), so the callee's tests of them take one side.
     */
    private List<Facts.Literal> boundArguments(MethodDeclaration d, MethodCallExpr call, FlowPath p) {
        List<Facts.Literal> out = new ArrayList<>();
        for (int i = 0; i < d.getParameters().size() && i < call.getArguments().size(); i++) {
            String param = d.getParameter(i).getNameAsString();
            Expression arg = call.getArgument(i);
            if (arg instanceof NullLiteralExpr) {
                out.add(new Facts.Literal(param + " == null", Set.of(param), true));
                continue;
            }
            Boolean v = conditions.eval(arg, p);
            if (v != null) out.add(new Facts.Literal(param, Set.of(param), v));
        }
        return out;
    }

    private static Set<String> declaredIn(MethodDeclaration d) {
        Set<String> out = new HashSet<>();
        for (Parameter p : d.getParameters()) out.add(p.getNameAsString());
        for (VariableDeclarator v : d.findAll(VariableDeclarator.class)) out.add(v.getNameAsString());
        return out;
    }

    /** What a statement teaches about other variables: flags set, values assigned (what was known of them is forgotten). */
    private Facts sideEffects(Expression e, FlowPath p) {
        Facts facts = p.facts();
        for (Node n : dev.sqllint.extract.JavaFile.preOrder(e)) { // findAll(Node.class)'s nodes and order, faster
            if (n instanceof AssignExpr a) {
                facts = forget(facts, a.getTarget());
                String target = targetName(a.getTarget());
                if (target != null && a.getOperator() == AssignExpr.Operator.ASSIGN && !target.equals(name)) {
                    Boolean v = conditions.eval(a.getValue(), p);
                    if (v != null) facts = withFlag(facts, target, v);
                }
            } else if (n instanceof VariableDeclarator d) {
                facts = facts.without(d.getNameAsString());
                Optional<Expression> init = d.getInitializer();
                if (init.isPresent()) {
                    Boolean v = conditions.eval(init.get(), p);
                    if (v != null) facts = withFlag(facts, d.getNameAsString(), v);
                }
            } else if (n instanceof UnaryExpr u && u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
                facts = forget(facts, u.getExpression());
            } else if (n instanceof MethodCallExpr m && m.getScope().isPresent() && m.getScope().get() instanceof NameExpr s
                    && !QUERIES.matcher(m.getNameAsString()).matches()) {
                facts = facts.without(s.getNameAsString()); // params.add(x): what was known of params may no longer hold
            }
        }
        return facts;
    }

    private static Facts withFlag(Facts facts, String flag, boolean value) {
        Facts f = facts.with(new Facts.Literal(flag, Set.of(flag), value));
        return f == null ? facts : f;
    }

    private static Facts forget(Facts facts, Expression target) {
        String n = targetName(target);
        if (n != null) return facts.without(n);
        for (NameExpr root : target.findAll(NameExpr.class)) facts = facts.without(root.getNameAsString());
        return facts;
    }

    private static String targetName(Expression target) {
        if (target instanceof NameExpr n) return n.getNameAsString();
        if (target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) return f.getNameAsString();
        return null;
    }

    private boolean rootedAtVariable(MethodCallExpr call) {
        Expression scope = call;
        while (scope instanceof MethodCallExpr m && m.getScope().isPresent()) scope = m.getScope().get();
        return scope instanceof NameExpr n && n.getNameAsString().equals(name);
    }

    private List<FlowPath> applyBuilderCalls(MethodCallExpr outer, FlowPath start) {
        List<MethodCallExpr> chain = new ArrayList<>();
        for (Expression e = outer; e instanceof MethodCallExpr m; e = m.getScope().orElse(null)) chain.add(0, m);
        List<FlowPath> state = List.of(start);
        for (MethodCallExpr m : chain) {
            String method = m.getNameAsString();
            List<FlowPath> next = new ArrayList<>();
            for (FlowPath p : state) {
                Optional<List<SqlText>> trimmed = BuilderTrims.apply(m, List.of(p.text()), folder, depth);
                if (trimmed.isPresent()) {
                    for (SqlText t : trimmed.get()) next.add(p.withText(t)); // sb.setLength(sb.length() - 5), ...
                } else if (method.equals("append") && m.getArguments().size() == 1) {
                    next.addAll(concat(List.of(p), m.getArgument(0)));
                } else if (method.equals("insert") && m.getArguments().size() == 2 && m.getArgument(0).toString().equals("0")) {
                    for (FlowPath v : valueOf(m.getArgument(1), p)) next.add(v.withText(v.text().append(p.text())));
                } else if (method.equals("setLength")) {
                    next.add(p.withText(SqlText.empty()));
                } else {
                    next.add(p);
                }
            }
            state = changed(distinct(next));
        }
        return state;
    }

    /** Each path with {@code e}'s value appended. */
    private List<FlowPath> concat(List<FlowPath> state, Expression e) {
        List<FlowPath> out = new ArrayList<>();
        for (FlowPath p : state) {
            for (FlowPath v : valueOf(e, p)) {
                out.add(v.withText(p.text().append(v.text())));
                if (out.size() >= MAX_PATHS) return changed(out);
            }
        }
        return changed(out);
    }

    /** The text was rewritten: what was known about it as a variable (not its emptiness, read from the text) is gone. */
    private List<FlowPath> changed(List<FlowPath> state) {
        List<FlowPath> out = new ArrayList<>();
        for (FlowPath p : state) out.add(p.withFacts(p.facts().without(name)));
        return out;
    }

    /**
     * The values of {@code e} on path {@code p}, as paths (text = the value): the variable itself is the
     * path's text, and a {@code ?:} whose test the path decides takes one side.
     */
    private List<FlowPath> valueOf(Expression e, FlowPath p) {
        if (e instanceof EnclosedExpr en) return valueOf(en.getInner(), p);
        if (e instanceof NameExpr n && n.getNameAsString().equals(name)) return List.of(p);
        if (e instanceof MethodCallExpr m && m.getArguments().isEmpty() && PASS_THROUGH.contains(m.getNameAsString())
                && m.getScope().isPresent() && m.getScope().get() instanceof NameExpr n && n.getNameAsString().equals(name)) {
            return List.of(p);
        }
        if (e instanceof MethodCallExpr m && rootedAtVariable(m)) return applyBuilderCalls(m, p); // x = x.append(...)
        if (e instanceof ConditionalExpr c) {
            List<FlowPath> out = new ArrayList<>();
            FlowPath t = conditions.assume(c.getCondition(), true, p);
            FlowPath f = conditions.assume(c.getCondition(), false, p);
            if (t != null) out.addAll(valueOf(c.getThenExpr(), t));
            if (f != null) out.addAll(valueOf(c.getElseExpr(), f));
            return out;
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS && mentionsSelfOrTest(b)) {
            List<FlowPath> out = List.of(p.withText(SqlText.empty()));
            for (Expression operand : plusOperands(b)) {
                List<FlowPath> next = new ArrayList<>();
                for (FlowPath acc : out) {
                    // facts so far from the accumulated path; the variable still holds p's text
                    for (FlowPath v : valueOf(operand, new FlowPath(p.text(), acc.facts()))) {
                        next.add(v.withText(acc.text().append(v.text())));
                        if (next.size() >= MAX_PATHS) break;
                    }
                }
                out = next;
            }
            return out;
        }
        List<FlowPath> out = new ArrayList<>();
        for (SqlText t : folded.computeIfAbsent(e, x -> folder.fold((Expression) x, depth))) out.add(p.withText(t));
        return out;
    }

    /** Whether a {@code +} chain reads the variable or holds a {@code ?:}, so it must be read per path. */
    private boolean mentionsSelfOrTest(Expression e) {
        if (!e.findAll(ConditionalExpr.class).isEmpty()) return true;
        for (NameExpr n : e.findAll(NameExpr.class)) if (n.getNameAsString().equals(name)) return true;
        return false;
    }

    private static List<Expression> plusOperands(BinaryExpr chain) {
        ArrayDeque<Expression> operands = new ArrayDeque<>();
        Expression e = chain;
        while (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            operands.push(b.getRight());
            e = b.getLeft();
        }
        operands.push(e);
        return new ArrayList<>(operands);
    }

    /** Paths in order, the same text with the same facts once, at most {@link #MAX_PATHS}. */
    private static List<FlowPath> distinct(List<FlowPath> in) {
        Map<List<Object>, FlowPath> seen = new LinkedHashMap<>();
        for (FlowPath p : in) {
            seen.putIfAbsent(List.of(p.text().text(), p.facts()), p);
            if (seen.size() >= MAX_PATHS) break;
        }
        return new ArrayList<>(seen.values());
    }

    private static List<FlowPath> union(List<FlowPath> a, List<FlowPath> b) {
        List<FlowPath> out = new ArrayList<>(a);
        out.addAll(b);
        return distinct(out);
    }

    private static boolean isBuilder(String type, VariableDeclarator local) {
        String t = type == null ? "" : type;
        if (t.contains("StringBuilder") || t.contains("StringBuffer")) return true;
        return local.getInitializer().map(i -> i.toString().startsWith("new StringBuilder") || i.toString().startsWith("new StringBuffer"))
                .orElse(false);
    }
}
