package dev.sqllint.extract;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.sqllint.extract.java.Declarations;
import dev.sqllint.extract.java.StringFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Queries issued once per row of another query: a query call ({@link QueryCalls}) inside a loop whose elements come
 * from a query call of the same method, directly ({@code for (Order o : orderRepository.findAll())}) or through a
 * local ({@code List<Map<String, Object>> rows = jdbc.queryForList(...); for (...: rows)}), through the calls that
 * keep the rows ({@code .stream().filter(...)}, {@code .getResultList()}, {@code .iterator()}). The loops are
 * {@code for} (over the rows, or with {@code i < rows.size()}), enhanced {@code for}, {@code while} and {@code do}
 * over {@code rs.next()} or {@code it.hasNext()}, and the lambda of a per-element call ({@code forEach}, a stream's
 * {@code map}, {@code filter} ...). Anything else the loop iterates (a literal list, an enum's values, a parameter,
 * a field) is not known to be query rows, and the query in it is not reported. A project method the loop calls that
 * issues a query is reported at the call, one call away.
 */
final class QueryLoops {

    /** The loop over rows around a call: its line, and the query that gave the rows. */
    private record RowLoop(int line, QueryCalls.QueryCall outer, Node body) {
    }

    private static final Set<String> PER_ELEMENT = Set.of("forEach", "forEachOrdered", "map", "flatMap", "filter", "peek",
            "anyMatch", "allMatch", "noneMatch", "mapToObj", "mapToLong", "mapToInt", "mapToDouble", "removeIf",
            "replaceAll", "collect", "reduce", "sorted", "min", "max");
    /** Calls that keep the rows they are called on: a stream over them, a page's content, a query's result list. */
    private static final Set<String> KEEPS_ROWS = Set.of("stream", "parallelStream", "filter", "map", "mapToObj",
            "mapToLong", "mapToInt", "boxed", "sorted", "distinct", "limit", "skip", "peek", "toList", "collect",
            "iterator", "listIterator", "values", "keySet", "entrySet", "getContent", "getResultList", "getResultStream",
            "list", "toStream", "fetch", "query", "mapTo", "mapToBean", "mapToMap", "into", "getRows");
    private static final int MAX_DEPTH = 6;

    private final QueryCalls calls;
    private final StringFolder folder;

    QueryLoops(QueryCalls calls, StringFolder folder) {
        this.calls = calls;
        this.folder = folder;
    }

    /** For a sink call that holds its SQL: the loop over another query's rows it runs in, if any. */
    Optional<LoopContext> around(MethodCallExpr call) {
        Optional<QueryCalls.QueryCall> inner = calls.of(call);
        if (inner.isEmpty()) return Optional.empty();
        return rowLoop(call, new IdentityHashMap<>()).map(l -> new LoopContext(l.outer().description(), l.line(), null,
                null, inner.get().batchFix()));
    }

    /**
     * The file's query calls in loops over rows that hold no SQL of their own (a repository or mapper method, a
     * prepared statement executed, an entity looked up), and its calls in such loops of a project method that issues
     * a query, as sites without variants: the SQL they issue is written elsewhere, or not at all.
     */
    List<SqlSite> callSites(JavaFile file) {
        List<SqlSite> out = new ArrayList<>();
        Map<Node, Optional<RowLoop>> memo = new IdentityHashMap<>();
        for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
            if (!mayBeInALoop(call)) continue;
            Optional<RowLoop> loop = rowLoop(call, memo);
            if (loop.isEmpty()) continue;
            Optional<QueryCalls.QueryCall> inner = calls.of(call);
            if (inner.isPresent()) {
                if (inner.get().holdsSql() || preparedInTheLoop(call, loop.get())) continue; // its own site reports it
                out.add(site(file.path(), call, inner.get().description(), new LoopContext(loop.get().outer().description(),
                        loop.get().line(), inner.get().description(), null, inner.get().batchFix(), writes(call))));
                continue;
            }
            oneCallAway(call).ifPresent(c -> out.add(site(file.path(), call, c.description(), new LoopContext(
                    loop.get().outer().description(), loop.get().line(), c.description(), via(call, c.call()), null,
                    writes(c.call())))));
        }
        return out;
    }

    /** A repository or mapper method named for a write ({@code insertColumn}, {@code updateById}, {@code save}). */
    private static boolean writes(MethodCallExpr call) {
        return WRITE_NAME.matcher(call.getNameAsString()).lookingAt();
    }

    private static final java.util.regex.Pattern WRITE_NAME =
            java.util.regex.Pattern.compile("(insert|update|delete|save|remove|upsert|merge|persist)(?![a-z])");

    private static boolean mayBeInALoop(MethodCallExpr call) {
        for (Node p = call.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof ForEachStmt || p instanceof ForStmt || p instanceof WhileStmt || p instanceof DoStmt
                    || p instanceof LambdaExpr) {
                return true;
            }
            if (p instanceof CallableDeclaration<?> || p instanceof TypeDeclaration<?>) return false;
        }
        return false;
    }

    private SqlSite site(Path file, MethodCallExpr call, String api, LoopContext loop) {
        Position p = call.getName().getBegin().orElse(new Position(1, 1));
        return new SqlSite(file, p.line, p.column, api, Language.SQL, List.of(), JavaSqlExtractor.owner(call), null,
                Suppressions.enclosing(call), null, Paging.NONE, loop);
    }

    /**
     * The query a project method the loop calls issues ({@code enrich(order)} whose body calls {@code
     * jdbc.query(...)}): its first query call, when the method's body is in the project (an interface's method is not
     * followed: which implementation runs is unknown).
     */
    private Optional<QueryCalls.QueryCall> oneCallAway(MethodCallExpr call) {
        Optional<MethodDeclaration> callee = folder.callee(call);
        if (callee.isEmpty() || callee.get().getBody().isEmpty()) return Optional.empty();
        if (call.findAncestor(MethodDeclaration.class).orElse(null) == callee.get()) return Optional.empty();
        for (MethodCallExpr inside : callee.get().getBody().get().findAll(MethodCallExpr.class)) {
            Optional<QueryCalls.QueryCall> q = calls.of(inside, call);
            if (q.isPresent()) return q;
        }
        return Optional.empty();
    }

    /** {@code OrderService.load (line 40)}: the method called, and the line of the query in it. */
    private String via(MethodCallExpr call, MethodCallExpr query) {
        String owner = folder.callee(call).flatMap(d -> d.findAncestor(TypeDeclaration.class))
                .map(t -> ((TypeDeclaration<?>) t).getNameAsString() + ".").orElse("");
        return owner + call.getNameAsString() + " (line " + query.getBegin().map(p -> p.line).orElse(0) + ")";
    }

    /** {@code ps.executeQuery()} on a statement prepared inside the same loop: the prepare call's site reports it. */
    private static boolean preparedInTheLoop(MethodCallExpr call, RowLoop loop) {
        if (!(call.getScope().orElse(null) instanceof NameExpr n)) return false;
        Declarations.Resolved r = Declarations.resolve(n.getNameAsString(), n);
        return r != null && r.local() != null && isInside(r.local(), loop.body());
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParentNode().orElse(null)) if (p == ancestor) return true;
        return false;
    }

    /** The innermost enclosing loop of the same method that iterates query rows. */
    private Optional<RowLoop> rowLoop(Node at, Map<Node, Optional<RowLoop>> memo) {
        Node child = at;
        for (Node p = at.getParentNode().orElse(null); p != null; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof TypeDeclaration<?>) return Optional.empty();
            if (p instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) return Optional.empty();
            Node loop = p;
            Node body = loopBody(p, child);
            if (body == null) continue;
            Optional<RowLoop> found = memo.get(loop);
            if (found == null) {
                found = rowsIterated(loop).map(q -> new RowLoop(loop.getBegin().map(b -> b.line).orElse(0), q, body));
                memo.put(loop, found);
            }
            if (found.isPresent()) return leavesAfter(at, body) ? Optional.empty() : found;
        }
        return Optional.empty();
    }

    /**
     * The statements after the one holding {@code at} leave the loop ({@code ...; break;}, {@code return x;}, a
     * throw), in its block or an enclosing one inside the loop's body: it runs once at most, when the row sought is
     * found, not once per row.
     */
    private static boolean leavesAfter(Node at, Node body) {
        boolean nestedLoop = false; // a break there leaves that loop, not the loop over rows
        boolean inLambda = body.getParentNode().orElse(null) instanceof LambdaExpr; // a return there ends one element
        Node child = at;
        for (Node p = at.getParentNode().orElse(null); p != null && child != body; child = p, p = p.getParentNode().orElse(null)) {
            if (p instanceof ForEachStmt || p instanceof ForStmt || p instanceof WhileStmt || p instanceof DoStmt
                    || p instanceof SwitchStmt) {
                nestedLoop = true;
            }
            if (p instanceof LambdaExpr) inLambda = true;
            if (!(p instanceof BlockStmt block) || !(child instanceof Statement statement)) continue;
            int from = block.getStatements().indexOf(statement);
            for (int i = from + 1; i < block.getStatements().size(); i++) {
                Statement next = block.getStatement(i);
                if (next instanceof ThrowStmt || (next instanceof ReturnStmt && !inLambda)) return true;
                if (next instanceof BreakStmt b && b.getLabel().isEmpty() && !nestedLoop && !inLambda) return true;
            }
        }
        return false;
    }

    /** The loop's body when {@code child} is it (so the node below runs once per element); else null. */
    private static Node loopBody(Node p, Node child) {
        if (p instanceof ForEachStmt f) return f.getBody() == child ? child : null;
        if (p instanceof ForStmt f) return f.getBody() == child ? child : null;
        if (p instanceof WhileStmt w) return w.getBody() == child ? child : null;
        if (p instanceof DoStmt d) return d.getBody() == child ? child : null;
        if (p instanceof LambdaExpr l && l.getBody() == child) return child;
        return null;
    }

    /** The query whose rows the loop goes through, if that is what it iterates. */
    private Optional<QueryCalls.QueryCall> rowsIterated(Node loop) {
        if (loop instanceof ForEachStmt f) return rows(f.getIterable(), 0);
        if (loop instanceof ForStmt f) return f.getCompare().flatMap(c -> sizeOf(c));
        if (loop instanceof WhileStmt w) return stepper(w.getCondition());
        if (loop instanceof DoStmt d) return stepper(d.getCondition());
        if (loop instanceof LambdaExpr l) return perElement(l);
        return Optional.empty();
    }

    /** {@code i < rows.size()}. */
    private Optional<QueryCalls.QueryCall> sizeOf(Expression compare) {
        if (!(compare instanceof BinaryExpr b)) return Optional.empty();
        for (Expression side : List.of(b.getLeft(), b.getRight())) {
            if (side instanceof MethodCallExpr m && m.getNameAsString().equals("size") && m.getScope().isPresent()) {
                return rows(m.getScope().get(), 0);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code rs.next()}, {@code it.hasNext()} on an iterator over the rows. A page's {@code hasNext()} asks for the next
     * page: a loop that reads page after page issues one query per page, not per row.
     */
    private Optional<QueryCalls.QueryCall> stepper(Expression condition) {
        Expression c = unwrap(condition);
        if (!(c instanceof MethodCallExpr m) || !m.getArguments().isEmpty() || m.getScope().isEmpty()) return Optional.empty();
        if (m.getNameAsString().equals("next")) return rows(m.getScope().get(), 0);
        if (m.getNameAsString().equals("hasNext") && isIterator(m.getScope().get())) return rows(m.getScope().get(), 0);
        return Optional.empty();
    }

    /** {@code rows.iterator()}, or a local set from one. */
    private static boolean isIterator(Expression e) {
        e = unwrap(e);
        if (e instanceof MethodCallExpr m) return m.getNameAsString().equals("iterator") || m.getNameAsString().equals("listIterator");
        if (!(e instanceof NameExpr n)) return false;
        Declarations.Resolved r = Declarations.resolve(n.getNameAsString(), n);
        return r != null && r.local() != null && r.local().getInitializer().map(QueryLoops::isIterator).orElse(false);
    }

    /** The lambda of {@code rows.forEach(...)}, {@code rows.stream().map(...)}, {@code collect(toMap(..., ...))}. */
    private Optional<QueryCalls.QueryCall> perElement(LambdaExpr lambda) {
        if (!(lambda.getParentNode().orElse(null) instanceof MethodCallExpr m) || !m.getArguments().contains(lambda)) {
            return Optional.empty();
        }
        if (lambda.getParameters().size() == 2) {
            // a RowMapper, (rs, rowNum) -> ..., passed to the query itself: it runs once per row
            Optional<QueryCalls.QueryCall> mapped = calls.of(m).filter(QueryCalls.QueryCall::manyRows);
            if (mapped.isPresent()) return mapped;
        }
        if (!PER_ELEMENT.contains(m.getNameAsString())) {
            // Collectors.toMap(r -> r.getId(), r -> repo.find(...)) inside rows.stream().collect(...)
            if (m.getParentNode().orElse(null) instanceof MethodCallExpr collect && collect.getNameAsString().equals("collect")
                    && collect.getArguments().contains(m)) {
                m = collect;
            } else {
                return Optional.empty();
            }
        }
        if (limitedAfter(m)) return Optional.empty();
        return m.getScope().flatMap(s -> rows(s, 0));
    }

    /**
     * {@code rows.stream().map(r -> repo.find(r)).limit(3)}: a stream runs its per-element steps only for the
     * elements a later {@code limit(n)} lets through, a fixed few however many rows there are.
     */
    private static boolean limitedAfter(MethodCallExpr m) {
        Node at = m;
        while (at.getParentNode().orElse(null) instanceof MethodCallExpr next && next.getScope().orElse(null) == at) {
            if (isFixedLimit(next)) return true;
            at = next;
        }
        return false;
    }

    /** {@code limit(3)}: a literal bound on the elements that go on. */
    private static boolean isFixedLimit(MethodCallExpr m) {
        return m.getNameAsString().equals("limit") && m.getArguments().size() == 1
                && unwrap(m.getArgument(0)) instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr;
    }

    /** The query call whose rows {@code e} holds: the call itself, a chain over it that keeps the rows, a local set from it. */
    private Optional<QueryCalls.QueryCall> rows(Expression e, int depth) {
        if (depth > MAX_DEPTH) return Optional.empty();
        e = unwrap(e);
        if (e instanceof MethodCallExpr m) {
            Optional<QueryCalls.QueryCall> q = calls.of(m);
            if (q.isPresent()) return q.filter(QueryCalls.QueryCall::manyRows); // findById(id).map(...): one value

            if (m.getScope().isEmpty() || !keepsRows(m.getNameAsString()) || isFixedLimit(m)) return Optional.empty();
            return rows(m.getScope().get(), depth + 1);
        }
        if (e instanceof NameExpr n) {
            Declarations.Resolved r = Declarations.resolve(n.getNameAsString(), n);
            if (r != null && r.kind() == Declarations.Resolved.Kind.PARAMETER) return resultSetOfAQuery(n);
            if (r == null || r.local() == null) return Optional.empty(); // a field: not known to be rows
            VariableDeclarator local = r.local();
            if (local.getInitializer().isPresent()) {
                Optional<QueryCalls.QueryCall> q = rows(local.getInitializer().get(), depth + 1);
                if (q.isPresent()) return q;
            }
            Optional<CallableDeclaration> method = n.findAncestor(CallableDeclaration.class);
            if (method.isEmpty()) return Optional.empty();
            for (AssignExpr a : method.get().findAll(AssignExpr.class)) {
                if (a.getOperator() == AssignExpr.Operator.ASSIGN && a.getTarget() instanceof NameExpr t
                        && t.getNameAsString().equals(n.getNameAsString())) {
                    Optional<QueryCalls.QueryCall> q = rows(a.getValue(), depth + 1);
                    if (q.isPresent()) return q;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code rs} of {@code jdbc.query(sql, rs -> { while (rs.next()) ... })}: the parameter of a one-parameter lambda
     * passed to a query call, stepped with {@code next()} (a ResultSetExtractor); any other parameter is not known.
     */
    private Optional<QueryCalls.QueryCall> resultSetOfAQuery(NameExpr n) {
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof CallableDeclaration<?> || p instanceof TypeDeclaration<?>) return Optional.empty();
            if (p instanceof LambdaExpr l && l.getParameters().size() == 1
                    && l.getParameter(0).getNameAsString().equals(n.getNameAsString())) {
                if (!(l.getParentNode().orElse(null) instanceof MethodCallExpr m) || !m.getArguments().contains(l)) {
                    return Optional.empty();
                }
                return calls.of(m).filter(QueryCalls.QueryCall::manyRows);
            }
        }
        return Optional.empty();
    }

    private static boolean keepsRows(String name) {
        return KEEPS_ROWS.contains(name) || name.startsWith("set") || name.startsWith("bind") || name.startsWith("param");
    }

    private static Expression unwrap(Expression e) {
        while (e instanceof EnclosedExpr || e instanceof CastExpr) {
            e = e instanceof EnclosedExpr en ? en.getInner() : ((CastExpr) e).getExpression();
        }
        return e;
    }
}
