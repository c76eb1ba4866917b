package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.sqllint.extract.fluent.CriteriaValue.Bind;
import dev.sqllint.extract.fluent.CriteriaValue.EntityClass;
import dev.sqllint.extract.fluent.CriteriaValue.Order;
import dev.sqllint.extract.fluent.CriteriaValue.Typed;
import dev.sqllint.extract.fluent.CriteriaValue.Unknown;
import dev.sqllint.extract.fluent.JooqValue.Cond;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The methods of {@code CriteriaQuery} and {@code Subquery} ({@code from}, {@code select}, {@code multiselect},
 * {@code distinct}, {@code where}, {@code groupBy}, {@code having}, {@code orderBy}, {@code subquery},
 * {@code correlate}), each changing the query it is called on; and the step from a query to the statement that
 * runs it: {@code em.createQuery(cq)} (or a Hibernate session's), then {@code setMaxResults} and
 * {@code setFirstResult} ({@code LIMIT}, {@code OFFSET}).
 */
final class CriteriaQueryCalls {

    /** The EntityManager and Session methods that turn a criteria query into a query to run. */
    static final Set<String> CREATE_QUERY = Set.of("createQuery", "createSelectionQuery");

    private final CriteriaInterpreter in;

    CriteriaQueryCalls(CriteriaInterpreter in) {
        this.in = in;
    }

    CriteriaValue apply(CriteriaSelect q, MethodCallExpr m) {
        String name = m.getNameAsString();
        Origin at = in.cx.nameOrigin(m);
        List<Expression> args = m.getArguments();
        switch (name) {
            case "from" -> {
                return args.size() == 1 ? root(q, in.eval(args.get(0)), m, at) : new Unknown(at);
            }
            case "select", "multiselect" -> {
                List<SqlText> items = new ArrayList<>();
                for (CriteriaValue v : name.equals("select") ? in.all(args) : in.arguments(m)) items.add(in.selectItem(v, m));
                q.clauses.items = items;
                q.clauses.selectOrigin = at;
            }
            case "distinct" -> {
                // distinct(flag) is read as distinct(true): the most SQL, where the shapes show
                boolean off = args.size() == 1 && args.get(0) instanceof BooleanLiteralExpr b && !b.getValue();
                q.clauses.distinctOrigin = off ? null : at;
            }
            case "where", "having" -> {
                Cond c = Cond.NONE;
                for (CriteriaValue v : in.arguments(m)) c = Cond.and(c, in.condition(v, m), at);
                if (name.equals("where")) {
                    q.clauses.where = c;
                    q.clauses.whereOrigin = at;
                } else {
                    q.clauses.having = c;
                    q.clauses.havingOrigin = at;
                }
            }
            case "groupBy" -> {
                List<SqlText> keys = new ArrayList<>();
                for (CriteriaValue v : in.arguments(m)) keys.add(in.operand(v, m));
                q.clauses.groupBy = keys;
                q.clauses.groupByOrigin = at;
            }
            case "orderBy" -> {
                List<SqlText> keys = new ArrayList<>();
                for (CriteriaValue v : in.arguments(m)) keys.add(v instanceof Order o ? o.sql() : in.operand(v, m));
                q.clauses.orderBy = keys;
                q.clauses.orderByOrigin = at;
            }
            case "subquery" -> {
                return new CriteriaSelect(q, at);
            }
            case "correlate" -> {
                if (args.size() == 1 && in.eval(args.get(0)) instanceof CriteriaFrom outer) return CriteriaFrom.correlated(q, outer, at);
                return new Unknown(at);
            }
            default -> {
                return new Bind(at, null, null); // getRoots(), getResultType(), ...
            }
        }
        in.changed();
        return q;
    }

    /**
     * {@code cq.from(Track.class)}, the entity at the {@code from} call (where a finding about the table points);
     * of an entity class not known here ({@code cq.from(type)}), a placeholder entity.
     */
    private CriteriaFrom root(CriteriaSelect q, CriteriaValue of, MethodCallExpr m, Origin at) {
        SqlText entity = SqlText.of(of instanceof EntityClass c ? in.entityName(c.written(), m) : Placeholders.DYNAMIC, at);
        CriteriaFrom root = CriteriaFrom.root(q, in.alias(m, entity.text()), entity, at);
        q.roots.add(root);
        in.changed();
        return root;
    }

    /** {@code em.createQuery(cq)}: the JPQL of the query as it is now; empty when the argument is no criteria query. */
    Optional<CriteriaValue> createQuery(MethodCallExpr m) {
        if (!CREATE_QUERY.contains(m.getNameAsString()) || m.getArguments().size() != 1) return Optional.empty();
        CriteriaValue arg = in.eval(m.getArgument(0));
        if (!(arg instanceof CriteriaSelect q) || q.outer != null) return Optional.empty();
        return Optional.of(new Typed(q, q.render()));
    }

    CriteriaValue typed(Typed t, MethodCallExpr m) {
        String name = m.getNameAsString();
        Origin at = in.cx.nameOrigin(m);
        if (m.getArguments().size() == 1 && (name.equals("setMaxResults") || name.equals("setFirstResult"))) {
            SqlText value = in.operand(in.eval(m.getArgument(0)), m.getArgument(0));
            SqlText clause = SqlText.of(name.equals("setMaxResults") ? " LIMIT " : " OFFSET ", at).append(value);
            if (name.equals("setMaxResults")) t.limit = clause;
            else t.offset = clause;
            in.changed();
            return t;
        }
        if (name.startsWith("set") || name.equals("unwrap")) return t; // setParameter, setHint, setLockMode, ...
        return new Bind(at, null, null); // getResultList(): what it returns is Java data
    }
}
