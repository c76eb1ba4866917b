package dev.sqllint.sql;

import dev.sqllint.schema.JpaModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * Rewrites JPQL into the SQL its JPA mapping implies, so the rules judge JPQL exactly as the equivalent
 * SQL: entity names become tables, {@code alias.property} becomes {@code alias.column}, and an association
 * join ({@code JOIN r.targetGroups g}) becomes the join through its foreign key or join table. Every edit
 * goes through {@link SqlText#replace}, so findings still point at the JPQL as written.
 */
public final class JpqlToSql {

    private static final Pattern CONSTRUCTOR = Pattern.compile("(?i)\\bnew\\s+[\\w.$]+\\s*\\(");

    /** One text edit: replace {@code [start, end)} of the JPQL with {@code text}. */
    private record Edit(int start, int end, String text) {
    }

    private final ParsedSql jpql;
    private final JpaModel model;
    private final Map<String, JpaModel.Entity> aliases = new HashMap<>();
    private final List<Edit> edits = new ArrayList<>();
    private int linkTables;

    private JpqlToSql(ParsedSql jpql, JpaModel model) {
        this.jpql = jpql;
        this.model = model;
    }

    /**
     * {@code SELECT new com.acme.Dto(a.x, a.y) FROM ...} is JPQL only; the SQL it runs selects {@code a.x, a.y}.
     * Applied before parsing, since JSqlParser rejects the constructor expression.
     */
    public static SqlText stripConstructorExpressions(SqlText jpql) {
        SqlText out = jpql;
        Matcher m = CONSTRUCTOR.matcher(out.text());
        while (m.find()) {
            int close = closingParen(out.text(), m.end() - 1);
            if (close < 0) break;
            out = out.replace(close, close + 1, " ").replace(m.start(), m.end(), " ".repeat(m.end() - m.start()));
            m = CONSTRUCTOR.matcher(out.text());
        }
        return out;
    }

    private static int closingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') depth++;
            else if (s.charAt(i) == ')' && --depth == 0) return i;
        }
        return -1;
    }

    /** The SQL the JPQL runs, or empty when it names no mapped entity (then it is analysed as written). */
    public static Optional<SqlText> translate(ParsedSql jpql, JpaModel model) {
        if (model == null || model.entities().isEmpty()) return Optional.empty();
        JpqlToSql t = new JpqlToSql(jpql, model);
        t.collect();
        if (t.aliases.isEmpty()) return Optional.empty();
        return Optional.of(t.apply());
    }

    private void collect() {
        List<PlainSelect> selects = new ArrayList<>(jpql.tree().all(PlainSelect.class));
        selects.sort(Comparator.comparingInt(jpql::start));
        for (PlainSelect select : selects) {
            fromEntity(select.getFromItem(), null);
            if (select.getJoins() != null) for (Join j : select.getJoins()) fromEntity(j.getRightItem(), j);
        }
        for (Column c : jpql.tree().all(Column.class)) property(c);
    }

    private void fromEntity(FromItem item, Join join) {
        if (!(item instanceof Table t) || jpql.start(t) < 0) return;
        String alias = item.getAlias() == null ? null : item.getAlias().getName();
        String owner = t.getSchemaName();
        if (owner != null && aliases.containsKey(owner)) {
            model.association(aliases.get(owner).name(), t.getName())
                    .ifPresent(a -> associationJoin(t, join, owner, alias, a));
            return;
        }
        if (owner != null) return;
        model.entityByName(t.getName()).ifPresent(e -> {
            int start = jpql.start(t);
            edits.add(new Edit(start, start + t.getName().length(), e.table()));
            aliases.put(alias != null ? alias : t.getName(), e);
        });
    }

    /**
     * {@code JOIN o.items i} becomes {@code JOIN order_items i ON i.order_id = o.id} (or two steps via a link table,
     * both of the written kind: a LEFT JOIN to a many-to-many keeps the rows without a link, as Hibernate's does).
     */
    private void associationJoin(Table path, Join join, String owner, String alias, JpaModel.Association a) {
        Optional<JpaModel.Entity> target = model.entityByName(a.target());
        if (target.isEmpty() || alias == null || join == null || a.joins().isEmpty()) return;
        int start = jpql.start(path);
        int nameEnd = start + path.getFullyQualifiedName().length();
        String condition;
        String replacement;
        if (a.joins().size() == 1) {
            JpaModel.Join step = a.joins().get(0);
            replacement = step.toTable();
            condition = equalities(alias, step.toColumns(), owner, step.fromColumns());
        } else {
            JpaModel.Join first = a.joins().get(0);
            JpaModel.Join second = a.joins().get(1);
            String link = "sqllint_link" + (++linkTables);
            replacement = first.toTable() + " " + link + " ON " + equalities(link, first.toColumns(), owner, first.fromColumns())
                    + (join.isLeft() ? " LEFT JOIN " : " JOIN ") + second.toTable();
            condition = equalities(alias, second.toColumns(), link, second.fromColumns());
        }
        edits.add(new Edit(start, nameEnd, replacement));
        if (join.getOnExpressions() == null || join.getOnExpressions().isEmpty()) {
            int end = jpql.end(path);
            edits.add(new Edit(end, end, " ON " + condition));
        } else {
            Expression on = join.getOnExpressions().iterator().next();
            int at = jpql.earliestStart(on);
            if (at >= 0) edits.add(new Edit(at, at, condition + " AND "));
        }
        aliases.put(alias, target.get());
    }

    private static String equalities(String left, List<String> leftColumns, String right, List<String> rightColumns) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < Math.min(leftColumns.size(), rightColumns.size()); i++) {
            terms.add(left + "." + leftColumns.get(i) + " = " + right + "." + rightColumns.get(i));
        }
        return String.join(" AND ", terms);
    }

    /** {@code t.ownerId} becomes {@code t.owner_id}; {@code t.owner.id} becomes the foreign key {@code t.owner_id}. */
    private void property(Column c) {
        if (c.getTable() == null || c.getTable().getName() == null) return;
        String qualifier = c.getTable().getFullyQualifiedName();
        String alias = qualifier.contains(".") ? qualifier.substring(0, qualifier.indexOf('.')) : qualifier;
        JpaModel.Entity entity = aliases.get(alias);
        if (entity == null) return;
        String path = (qualifier.contains(".") ? qualifier.substring(qualifier.indexOf('.') + 1) + "." : "") + c.getColumnName();
        int start = jpql.start(c);
        int end = jpql.end(c);
        if (start < 0 || end <= start) return;
        model.columnOf(entity.name(), path).ifPresent(column -> edits.add(new Edit(start, end, alias + "." + column)));
    }

    private SqlText apply() {
        edits.sort(Comparator.comparingInt(Edit::start).reversed().thenComparing(Comparator.comparingInt(Edit::end).reversed()));
        SqlText out = jpql.text();
        int limit = Integer.MAX_VALUE;
        for (Edit e : edits) {
            if (e.end() > limit) continue; // overlapping edits: keep the later one
            out = out.replace(e.start(), e.end(), e.text());
            limit = e.start();
        }
        return out;
    }
}
