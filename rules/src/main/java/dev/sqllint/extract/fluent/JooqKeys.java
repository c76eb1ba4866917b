package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.sqllint.extract.fluent.JooqValue.Cond;
import dev.sqllint.extract.fluent.JooqValue.Field;
import dev.sqllint.extract.fluent.JooqValue.TableRef;
import dev.sqllint.schema.ForeignKey;
import dev.sqllint.schema.Table;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The condition of {@code .onKey()}: jOOQ joins on the foreign key between the joined table and one joined
 * before it. The key comes from the project's schema when it declares one (either direction, or the one
 * {@code onKey(Keys.FK_...)} or {@code onKey(BOOK.AUTHOR_ID)} names); otherwise from naming: a column
 * {@code <table>_id} the schema or the file's generated references show, else
 * {@code <earlier>.id = <joined>.<earlier>_id} (parent first, then child, as jOOQ's manual writes it).
 */
final class JooqKeys {

    private final JooqEvaluator ev;
    private Set<String> references = Set.of();

    JooqKeys(JooqEvaluator ev) {
        this.ev = ev;
    }

    Cond onKey(TableRef joined, List<TableRef> earlier, MethodCallExpr m) {
        Origin at = ev.cx.nameOrigin(m);
        if (earlier.isEmpty() || joined.name() == null) return new Cond(SqlText.of("1 = 1", at), Cond.ATOM);
        if (m.getArguments().size() == 1) {
            Optional<String> named = byArgument(joined, earlier, m.getArgument(0));
            if (named.isPresent()) return new Cond(SqlText.of(named.get(), at), Cond.ATOM);
        }
        for (int i = earlier.size() - 1; i >= 0; i--) {
            TableRef e = earlier.get(i);
            if (e.name() == null) continue;
            Optional<String> declared = declared(joined, e, null).or(() -> declared(e, joined, null));
            if (declared.isPresent()) return new Cond(SqlText.of(declared.get(), at), Cond.ATOM);
        }
        for (int i = earlier.size() - 1; i >= 0; i--) {
            TableRef e = earlier.get(i);
            if (e.name() == null) continue;
            Optional<String> conventional = byColumns(joined, e).or(() -> byColumns(e, joined));
            if (conventional.isPresent()) return new Cond(SqlText.of(conventional.get(), at), Cond.ATOM);
        }
        TableRef parent = lastNamed(earlier);
        if (parent == null) return new Cond(SqlText.of("1 = 1", at), Cond.ATOM);
        String column = JooqNames.foreignKeyColumns(parent.name()).get(0);
        return new Cond(SqlText.of(parent.qualifier() + ".id = " + joined.qualifier() + "." + column, at), Cond.ATOM);
    }

    /** {@code onKey(Keys.FK_BOOK_AUTHOR)}: the key of that name; {@code onKey(BOOK.AUTHOR_ID)}: the key on that column. */
    private Optional<String> byArgument(TableRef joined, List<TableRef> earlier, Expression arg) {
        String constant = arg instanceof FieldAccessExpr f ? f.getNameAsString() : arg instanceof NameExpr n ? n.getNameAsString() : null;
        JooqValue v = ev.eval(arg);
        if (v instanceof Field f && f.sql().text().contains(".")) {
            String text = f.sql().text();
            String qualifier = text.substring(0, text.lastIndexOf('.'));
            String column = text.substring(text.lastIndexOf('.') + 1);
            List<TableRef> all = new ArrayList<>(earlier);
            all.add(joined);
            TableRef child = all.stream().filter(t -> t.qualifier().equals(qualifier)).findFirst().orElse(null);
            if (child == null) return Optional.empty();
            TableRef parent = child == joined ? lastNamed(earlier) : joined;
            if (parent == null) return Optional.empty();
            return declared(child, parent, Set.of(column)).or(() -> Optional.of(child.qualifier() + "." + column + " = "
                    + parent.qualifier() + "." + primaryKey(parent.name())));
        }
        if (constant == null) return Optional.empty();
        // FK_BOOK_AUTHOR, or BOOK__FK_BOOK_AUTHOR as newer generators name it
        String key = constant.toLowerCase(Locale.ROOT);
        String bare = key.contains("__") ? key.substring(key.indexOf("__") + 2) : key;
        List<TableRef> all = new ArrayList<>(earlier);
        all.add(joined);
        for (TableRef child : all) {
            Optional<Table> t = table(child);
            if (t.isEmpty()) continue;
            for (ForeignKey fk : t.get().foreignKeys()) {
                if (fk.name() == null || !(fk.name().equals(key) || fk.name().equals(bare))) continue;
                for (TableRef parent : all) {
                    if (parent != child && fk.referencedTable().equals(parent.name())) return Optional.of(render(fk, child, parent));
                }
            }
        }
        return Optional.empty();
    }

    /** A foreign key of {@code child} to {@code parent} in the schema (on {@code columns} when given). */
    private Optional<String> declared(TableRef child, TableRef parent, Set<String> columns) {
        Optional<Table> t = table(child);
        if (t.isEmpty()) return Optional.empty();
        for (ForeignKey fk : t.get().foreignKeys()) {
            if (!fk.referencedTable().equals(parent.name())) continue;
            if (columns != null && !new HashSet<>(fk.columns()).equals(columns)) continue;
            return Optional.of(render(fk, child, parent));
        }
        return Optional.empty();
    }

    private String render(ForeignKey fk, TableRef child, TableRef parent) {
        List<String> referenced = fk.referencedColumns().isEmpty() ? List.of(primaryKey(parent.name())) : fk.referencedColumns();
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            String ref = i < referenced.size() ? referenced.get(i) : referenced.get(0);
            terms.add(child.qualifier() + "." + fk.columns().get(i) + " = " + parent.qualifier() + "." + ref);
        }
        return String.join(" AND ", terms);
    }

    /** {@code child} has a column {@code <parent>_id}, by the schema or the file's generated references. */
    private Optional<String> byColumns(TableRef child, TableRef parent) {
        Optional<Table> t = table(child);
        Set<String> referenced = generatedReferences();
        for (String column : JooqNames.foreignKeyColumns(parent.name())) {
            boolean known = t.map(x -> x.hasColumn(column)).orElse(false) || referenced.contains(child.name() + "." + column);
            if (known) return Optional.of(child.qualifier() + "." + column + " = " + parent.qualifier() + "." + primaryKey(parent.name()));
        }
        return Optional.empty();
    }

    /** {@code book.author_id} for every {@code BOOK.AUTHOR_ID} written in the file. */
    private Set<String> generatedReferences() {
        return references;
    }

    JooqKeys withReferencesOf(MethodCallExpr m) {
        Set<String> out = new HashSet<>();
        m.findCompilationUnit().ifPresent(cu -> {
            for (FieldAccessExpr f : dev.sqllint.extract.JavaFile.findAllInUnitOf(cu, FieldAccessExpr.class)) {
                String table = f.getScope() instanceof NameExpr n ? n.getNameAsString()
                        : f.getScope() instanceof FieldAccessExpr s ? s.getNameAsString() : null;
                if (table != null && JooqNames.isConstantName(table) && JooqNames.isConstantName(f.getNameAsString())) {
                    out.add(JooqNames.sqlName(table) + "." + JooqNames.sqlName(f.getNameAsString()));
                }
            }
        });
        references = out;
        return this;
    }

    private String primaryKey(String table) {
        return ev.cx.schema.table(table).flatMap(Table::primaryKey)
                .filter(k -> k.columns().size() == 1).map(k -> k.columns().get(0)).orElse("id");
    }

    private Optional<Table> table(TableRef ref) {
        return ref.name() == null ? Optional.empty() : ev.cx.schema.table(ref.name());
    }

    private static TableRef lastNamed(List<TableRef> refs) {
        for (int i = refs.size() - 1; i >= 0; i--) if (refs.get(i).name() != null) return refs.get(i);
        return null;
    }
}
