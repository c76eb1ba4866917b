package dev.sqllint.rules;

import dev.sqllint.sql.ParsedSql;
import dev.sqllint.sql.Placeholders;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.PlainSelect;

/** Small facts about JSqlParser expressions that several rules share. */
final class Expressions {

    private Expressions() {
    }

    /**
     * Whether the statement may filter on more than its WHERE shows: a term the analysis could not read
     * ({@code sqllint_dyn}), or a piece of text read as nothing to make it parse ({@link Placeholders#ELIDED}) from
     * the FROM clause to ORDER BY or LIMIT (a MyBatis {@code ${params.dataScope}} adding conditions at run time).
     */
    static boolean conditionsPartlyUnknown(PlainSelect select, ParsedSql sql) {
        if (select.getWhere() != null && select.getWhere().toString().contains(Placeholders.DYNAMIC)) return true;
        String text = sql.sql();
        int from = select.getFromItem() == null ? -1 : sql.earliestStart(select.getFromItem());
        if (from < 0) return text.contains(Placeholders.ELIDED);
        int to = text.length();
        if (select.getOrderByElements() != null && !select.getOrderByElements().isEmpty()) {
            int order = sql.earliestStart(select.getOrderByElements().get(0).getExpression());
            if (order >= from) to = order;
        }
        if (select.getLimit() != null) {
            int limit = sql.earliestStart(select.getLimit());
            if (limit >= from && limit < to) to = limit;
        }
        int at = text.indexOf(Placeholders.ELIDED, from);
        return at >= 0 && at < to;
    }

    /** Strips redundant parentheses: {@code ((a = 1))} is {@code a = 1}. */
    static Expression unwrap(Expression e) {
        while (e instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            Object first = list.get(0);
            if (!(first instanceof Expression inner)) break;
            e = inner;
        }
        return e;
    }

    /** The AND-ed terms of a condition, parentheses removed. */
    static List<Expression> conjuncts(Expression condition) {
        List<Expression> out = new ArrayList<>();
        collect(condition, out, AndExpression.class);
        return out;
    }

    /** The OR-ed terms of a condition, parentheses removed. */
    static List<Expression> disjuncts(Expression condition) {
        List<Expression> out = new ArrayList<>();
        collect(condition, out, OrExpression.class);
        return out;
    }

    /**
     * The leaves under {@code operator}, left to right. A loop, not recursion: generated SQL ORs ten thousand
     * terms, which JSqlParser nests ten thousand deep.
     */
    private static void collect(Expression condition, List<Expression> out, Class<?> operator) {
        Deque<Expression> todo = new ArrayDeque<>();
        if (condition != null) todo.push(condition);
        while (!todo.isEmpty()) {
            Expression e = unwrap(todo.pop());
            BinaryExpression split = operator == AndExpression.class && e instanceof AndExpression and ? and
                    : operator == OrExpression.class && e instanceof OrExpression or ? or : null;
            if (split == null) {
                out.add(e);
                continue;
            }
            if (split.getRightExpression() != null) todo.push(split.getRightExpression());
            if (split.getLeftExpression() != null) todo.push(split.getLeftExpression());
        }
    }

    /** A value known when the query runs: a literal, a bind parameter, {@code now()}-like keywords, a cast of one. */
    static boolean isValue(Expression e) {
        e = unwrap(e);
        if (e instanceof Column c) return Placeholders.isPlaceholder(c.getColumnName());
        if (e instanceof CastExpression cast) return isValue(cast.getLeftExpression());
        if (e instanceof SignedExpression s) return isValue(s.getExpression());
        if (e instanceof Function f && f.getName() != null && f.getName().equalsIgnoreCase("ANY")) return true;
        return e instanceof JdbcParameter || e instanceof JdbcNamedParameter || e instanceof LongValue
                || e instanceof StringValue || e instanceof DoubleValue || e instanceof NullValue
                || e instanceof DateTimeLiteralExpression || e instanceof TimeKeyExpression;
    }

    /** The column, when the expression is a plain column reference (not a placeholder). */
    static Column column(Expression e) {
        e = unwrap(e);
        if (e instanceof Column c && !Placeholders.isPlaceholder(c.getColumnName())) return c;
        return null;
    }

    static String columnName(Column c) {
        return lower(c.getColumnName());
    }

    static String qualifier(Column c) {
        return c.getTable() == null || c.getTable().getName() == null ? null : lower(c.getTable().getName());
    }

    static String lower(String identifier) {
        return identifier == null ? null : identifier.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
    }

    /** Short SQL for messages: whitespace collapsed, long text cut. */
    static String brief(Object node, int max) {
        String s = collapsed(text(node, max));
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /**
     * The node as JSqlParser prints it, or at least its first {@code max} characters. JSqlParser prints an AND/OR
     * chain recursing once per term, which a generated chain of thousands of terms overflows; chains are printed
     * here left to right, in a loop that stops once the text is long enough.
     */
    private static String text(Object node, int max) {
        Deque<BinaryExpression> chain = new ArrayDeque<>();
        Object leftmost = node;
        while (leftmost instanceof AndExpression || leftmost instanceof OrExpression) {
            BinaryExpression b = (BinaryExpression) leftmost;
            chain.push(b);
            leftmost = b.getLeftExpression();
        }
        StringBuilder out = new StringBuilder(String.valueOf(leftmost));
        while (!chain.isEmpty() && collapsed(out.toString()).length() <= max) {
            BinaryExpression b = chain.pop();
            out.append(' ').append(b.getStringExpression()).append(' ').append(text(b.getRightExpression(), max));
        }
        return out.toString();
    }

    private static String collapsed(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
