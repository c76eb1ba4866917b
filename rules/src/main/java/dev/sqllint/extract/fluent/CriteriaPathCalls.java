package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.sqllint.extract.fluent.CriteriaValue.Bind;
import dev.sqllint.extract.fluent.CriteriaValue.Expr;
import dev.sqllint.extract.fluent.CriteriaValue.InValues;
import dev.sqllint.extract.fluent.CriteriaValue.JoinKind;
import dev.sqllint.extract.fluent.CriteriaValue.Order;
import dev.sqllint.extract.fluent.CriteriaValue.Pred;
import dev.sqllint.extract.fluent.CriteriaValue.Unknown;
import dev.sqllint.extract.fluent.CriteriaValue.Values;
import dev.sqllint.extract.fluent.JooqValue.Cond;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The methods of roots, joins and paths ({@code get}, {@code join}/{@code fetch} with a {@code JoinType},
 * {@code on}, {@code in}, {@code isNull}), of predicates ({@code not()}), of {@code cb.in(x)} ({@code value}),
 * and of the lists predicates are collected in ({@code add}, {@code addAll}, {@code toArray}).
 */
final class CriteriaPathCalls {

    private static final Set<String> JOINS = Set.of("join", "joinSet", "joinList", "joinCollection", "joinMap", "fetch");

    private final CriteriaInterpreter in;

    CriteriaPathCalls(CriteriaInterpreter in) {
        this.in = in;
    }

    CriteriaValue from(CriteriaFrom f, MethodCallExpr m) {
        String name = m.getNameAsString();
        Origin at = in.cx.nameOrigin(m);
        if (name.equals("get") && m.getArguments().size() == 1) {
            String attribute = in.attribute(m.getArgument(0));
            return new Expr(attribute != null ? f.path(attribute, at) : SqlText.placeholder(at));
        }
        if (JOINS.contains(name) && !m.getArguments().isEmpty()) return join(f, m, at);
        switch (name) {
            case "on" -> {
                Cond c = Cond.NONE;
                for (CriteriaValue v : in.arguments(m)) c = Cond.and(c, in.condition(v, m), at);
                f.on = c;
                in.changed();
                return f;
            }
            case "getParent" -> {
                return f.parent != null ? f.parent : f;
            }
            case "as", "alias", "treat" -> {
                return f;
            }
            default -> {
                return expression(f.asOperand(in.cx.origin(m)), m);
            }
        }
    }

    /**
     * {@code r.join("collaborators", JoinType.LEFT)}, {@code r.fetch(Track_.owner)}: a join into the query of
     * {@code f}, named after the local it is assigned to. A join to an attribute not known here joins a
     * placeholder path, so the rest of the query is still read.
     */
    private CriteriaFrom join(CriteriaFrom f, MethodCallExpr m, Origin at) {
        String attribute = in.attribute(m.getArgument(0));
        String keyword = m.getArguments().size() > 1 && in.eval(m.getArgument(1)) instanceof JoinKind k ? k.keyword() : "JOIN";
        if (m.getNameAsString().equals("fetch")) keyword += " FETCH";
        if (attribute == null) attribute = Placeholders.DYNAMIC;
        CriteriaFrom join = CriteriaFrom.join(f.owner, f, attribute, keyword, in.alias(m, attribute), at);
        f.owner.joins.add(join);
        in.changed();
        return join;
    }

    /** A path or other expression: {@code get} further, {@code in}, {@code isNull}, {@code as}. */
    CriteriaValue expression(SqlText sql, MethodCallExpr m) {
        String name = m.getNameAsString();
        Origin at = in.cx.nameOrigin(m);
        switch (name) {
            case "get" -> {
                String attribute = m.getArguments().size() == 1 ? in.attribute(m.getArgument(0)) : null;
                return new Expr(attribute != null ? sql.append(SqlText.of("." + attribute, at)) : SqlText.placeholder(at));
            }
            case "in" -> {
                return new Pred(new Cond(in(sql, m, at), Cond.ATOM));
            }
            case "isNull", "isNotNull" -> {
                return new Pred(new Cond(sql.append(SqlText.of(name.equals("isNull") ? " IS NULL" : " IS NOT NULL", at)), Cond.ATOM));
            }
            case "as", "alias" -> {
                return new Expr(sql);
            }
            case "desc", "asc" -> {
                return new Order(name.equals("desc") ? sql.append(SqlText.of(" DESC", at)) : sql);
            }
            default -> {
                return new Unknown(at);
            }
        }
    }

    /** {@code x.in(subquery)}, {@code x.in(ids)} (a collection: one parameter), {@code x.in(a, b)}. */
    private SqlText in(SqlText operand, MethodCallExpr m, Origin at) {
        List<Expression> args = m.getArguments();
        SqlText list;
        if (args.size() == 1 && in.eval(args.get(0)) instanceof CriteriaSelect q) {
            list = JooqEvaluator.parenthesised(q.render());
        } else {
            List<SqlText> values = new ArrayList<>();
            for (CriteriaValue v : in.arguments(m)) values.add(in.operand(v, m));
            list = SqlText.of("(", at).append(values.isEmpty() ? SqlText.of("?", at) : JooqQuery.list(values, at))
                    .append(SqlText.of(")", at));
        }
        return operand.append(SqlText.of(" IN ", at)).append(list);
    }

    CriteriaValue predicate(Pred p, MethodCallExpr m) {
        if (m.getNameAsString().equals("not")) return new Pred(Cond.not(p.cond(), in.cx.nameOrigin(m)));
        return m.getNameAsString().equals("alias") ? p : new Bind(in.cx.nameOrigin(m), null, null);
    }

    /** {@code cb.in(x).value(a).value(b)}. */
    CriteriaValue in(InValues values, MethodCallExpr m) {
        if (m.getNameAsString().equals("value") && m.getArguments().size() == 1) {
            values.values.add(in.operand(in.eval(m.getArgument(0)), m.getArgument(0)));
            in.changed();
            return values;
        }
        if (m.getNameAsString().equals("not")) return new Pred(Cond.not(inCondition(values), in.cx.nameOrigin(m)));
        return values;
    }

    Cond inCondition(InValues values) {
        SqlText list = values.values.isEmpty() ? SqlText.of("?", values.origin) : JooqQuery.list(values.values, values.origin);
        return new Cond(values.operand.append(SqlText.of(" IN (", values.origin)).append(list)
                .append(SqlText.of(")", values.origin)), Cond.ATOM);
    }

    /** A list of predicates (or of orders, or selections): {@code add} and {@code addAll} change it. */
    CriteriaValue list(Values l, MethodCallExpr m) {
        String name = m.getNameAsString();
        if ((name.equals("add") || name.equals("addAll")) && !m.getArguments().isEmpty()) {
            CriteriaValue v = in.eval(m.getArgument(m.getArguments().size() - 1));
            if (name.equals("addAll") && v instanceof Values more) l.items.addAll(more.items);
            else l.items.add(v);
            in.changed();
            return new Bind(in.cx.nameOrigin(m), null, null);
        }
        if (name.equals("toArray") || name.equals("stream")) return l;
        return new Bind(in.cx.nameOrigin(m), null, null);
    }
}
