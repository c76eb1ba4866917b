package dev.sqllint.extract;

import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import dev.sqllint.extract.java.CallerSites;
import dev.sqllint.extract.java.Declarations;
import dev.sqllint.extract.java.StringFolder;
import dev.sqllint.extract.sinks.SinkCatalog.SqlArgument;
import dev.sqllint.extract.sinks.SqlLooks;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which arguments of a sink call hold SQL, folded: the first ({@code jdbc.query(sql, ...)}); the first that
 * folds to text, which is the second after a {@code Connection} (Commons DbUtils {@code run.query(conn, sql,
 * handler)}); or every statement ({@code jdbc.batchUpdate(DELETE_ITEMS, DELETE_ORDER)}, or an array of them).
 * A supplier lambda ({@code client.sql(() -> "...")}) is read through its body.
 */
public final class SqlArguments {

    /** One SQL argument: where it is written and what it folds to (only variants with static text). */
    record Picked(Expression at, List<SqlText> variants) {
    }

    private static final Set<String> TEXT_TYPES = Set.of("String", "CharSequence", "StringBuilder", "StringBuffer",
            "java.lang.String", "var");

    private final StringFolder folder;
    private final CallerSites callers;

    SqlArguments(StringFolder folder) {
        this.folder = folder;
        this.callers = new CallerSites(folder);
    }

    /**
     * The SQL arguments; {@code needSqlLook} (an untyped receiver) keeps only text that reads as a statement.
     */
    List<Picked> pick(SqlArgument spec, List<Expression> args, boolean needSqlLook) {
        List<Picked> out = new ArrayList<>();
        if (args.isEmpty()) return out;
        switch (spec) {
            case FIRST -> fold(args.get(0), needSqlLook).ifPresent(out::add);
            case AFTER_CONNECTION -> {
                Optional<Picked> first = fold(args.get(0), needSqlLook);
                if (first.isPresent()) out.add(first.get());
                else if (args.size() > 1) fold(args.get(1), needSqlLook).ifPresent(out::add);
            }
            case EVERY_STATEMENT -> {
                for (Expression e : statements(args.get(0))) fold(e, needSqlLook).ifPresent(out::add);
                for (Expression e : args.subList(1, args.size())) fold(e, true).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The argument that would hold SQL when {@link #pick} finds none, for the unresolved-site report. */
    static Expression sqlPosition(SqlArgument spec, List<Expression> args) {
        if (spec == SqlArgument.AFTER_CONNECTION && args.size() > 1 && !plausiblyText(args.get(0))) return args.get(1);
        return args.get(0);
    }

    /**
     * Whether an argument could be a string at all: not a lambda, a method reference or an object of another
     * type ({@code jdbc.execute(con -> ...)} and {@code jdbc.query(psc, mapper)} carry no SQL text).
     */
    static boolean plausiblyText(Expression e) {
        if (e instanceof LambdaExpr || e instanceof MethodReferenceExpr) return false;
        if (e instanceof ObjectCreationExpr o) return TEXT_TYPES.contains(o.getType().getNameAsString());
        if (e instanceof CastExpr c) return TEXT_TYPES.contains(c.getType().asString());
        if (e instanceof NameExpr n) {
            Declarations.Resolved r = Declarations.resolve(n.getNameAsString(), n);
            String type = r == null ? null : r.kind() == Declarations.Resolved.Kind.FIELD_SCOPE
                    ? Declarations.fieldType(n.getNameAsString(), n).orElse(null) : r.type();
            return type == null || TEXT_TYPES.contains(TypeNames.stripGenerics(type)) || type.endsWith("[]");
        }
        return true;
    }

    private static List<Expression> statements(Expression first) {
        ArrayInitializerExpr init = first instanceof ArrayInitializerExpr a ? a
                : first instanceof ArrayCreationExpr c ? c.getInitializer().orElse(null) : null;
        return init == null ? List.of(first) : init.getValues();
    }

    private Optional<Picked> fold(Expression arg, boolean needSqlLook) {
        Expression e = supplierBody(arg);
        List<SqlText> variants = staticText(folder.fold(e));
        if (variants.isEmpty() || variants.stream().anyMatch(v -> !v.isComplete())) {
            // assembled in a helper from what its callers pass: read through them
            Optional<List<SqlText>> throughCallers = callers.fold(e).map(SqlArguments::staticText).filter(v -> !v.isEmpty());
            if (throughCallers.isPresent()) variants = throughCallers.get();
        }
        if (variants.isEmpty()) return Optional.empty();
        if (needSqlLook && variants.stream().noneMatch(v -> SqlLooks.likeSql(v.text()))) return Optional.empty();
        return Optional.of(new Picked(e, variants));
    }

    /** {@code () -> "SELECT ..."} and {@code () -> { return SQL; }}: the returned expression. */
    private static Expression supplierBody(Expression e) {
        if (!(e instanceof LambdaExpr lambda) || !lambda.getParameters().isEmpty()) return e;
        if (lambda.getBody() instanceof ExpressionStmt es) return es.getExpression();
        return lambda.getBody().findFirst(ReturnStmt.class).flatMap(ReturnStmt::getExpression).orElse(e);
    }

    /** Drops variants that hold nothing but placeholders: no SQL is known there. */
    public static List<SqlText> staticText(List<SqlText> variants) {
        List<SqlText> out = new ArrayList<>();
        for (SqlText v : variants) {
            String known = v.text().replace(Placeholders.DYNAMIC, "").strip();
            if (!known.isEmpty()) out.add(v);
        }
        return out;
    }
}
