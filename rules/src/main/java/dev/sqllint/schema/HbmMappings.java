package dev.sqllint.schema;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hibernate's XML mappings ({@code *.hbm.xml}) read like JPA annotations: each {@code <class>} (and
 * {@code <joined-subclass>}, {@code <union-subclass>}) is a table whose {@code <id>} or {@code <composite-id>} is its
 * primary key, {@code <natural-id>} and {@code unique="true"} properties are unique keys, {@code <many-to-one>} is a
 * foreign key to the target class's table, and a {@code <set>}/{@code <bag>} with {@code <one-to-many>} is a
 * foreign key on the element's table. Names are as written (Hibernate's default naming); a class without a
 * {@code table} maps to its unqualified name. Like JPA, mappings never override a table a script declares. The
 * DOCTYPE every mapping carries is dropped unread (it is never fetched); one with an internal subset is skipped.
 */
public final class HbmMappings {

    private static final Pattern DOCTYPE = Pattern.compile("(?s)<!DOCTYPE[^\\[>]*>");

    private record Mapped(ChangeNode element, String table, Path file, String packageName) {
    }

    private HbmMappings() {
    }

    /** Adds the mapped tables no script declared; returns how many. */
    public static int apply(List<Path> files, Schema schema, SchemaProblems problems) {
        List<Mapped> classes = new ArrayList<>();
        Map<String, String> tableOfClass = new HashMap<>();
        for (Path file : files) {
            Optional<ChangeNode> root = ScriptFiles.bytes(file, problems).flatMap(b -> parse(b, file, problems));
            if (root.isEmpty() || !root.get().name().equals("hibernate-mapping")) continue;
            String pkg = root.get().attribute("package");
            collect(root.get(), pkg, file, classes, tableOfClass);
        }
        Schema mapped = new Schema();
        for (Mapped c : classes) table(c, mapped, tableOfClass);
        for (Table t : mapped.tables()) { // a reference names the class: its table's key, once per column set
            List<ForeignKey> seen = new ArrayList<>();
            t.replaceForeignKeys(fk -> {
                ForeignKey resolved = fk.referencedColumns().isEmpty()
                        ? SqlDdl.foreignKey(mapped, fk.name(), fk.columns(), fk.referencedTable(), List.of(), fk.source()) : fk;
                boolean repeated = seen.stream().anyMatch(o -> o.columns().equals(resolved.columns())
                        && o.referencedTable().equals(resolved.referencedTable()));
                seen.add(resolved);
                return repeated ? null : resolved;
            });
        }
        return schema.adoptMissing(mapped).size();
    }

    private static Optional<ChangeNode> parse(byte[] bytes, Path file, SchemaProblems problems) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Matcher m = DOCTYPE.matcher(text);
        // the DOCTYPE's lines stay as blank lines, so every element keeps its line for the evidence
        String withoutDoctype = m.find() ? text.substring(0, m.start()) + m.group().replaceAll("[^\n]", "")
                + text.substring(m.end()) : text;
        if (withoutDoctype.contains("<!DOCTYPE")) {
            problems.report(file, 0, "Hibernate mapping skipped: its DOCTYPE declares entities, which are never expanded");
            return Optional.empty();
        }
        return XmlChangelog.read(withoutDoctype.getBytes(StandardCharsets.UTF_8), file, problems);
    }

    private static void collect(ChangeNode parent, String pkg, Path file, List<Mapped> out, Map<String, String> tables) {
        for (ChangeNode c : parent.children()) {
            if (c.name().equals("class") || c.name().equals("joined-subclass") || c.name().equals("union-subclass")) {
                String className = c.attribute("name") != null ? c.attribute("name") : c.attribute("entity-name");
                if (className == null) continue;
                String table = c.attribute("table") != null ? c.attribute("table") : simpleName(className);
                out.add(new Mapped(c, table, file, pkg));
                tables.put(simpleName(className), table);
                tables.put(qualified(className, pkg), table);
                collect(c, pkg, file, out, tables);
            } else if (c.name().equals("subclass")) {
                collect(c, pkg, file, out, tables); // single-table inheritance: the parent's table
            }
        }
    }

    private static void table(Mapped c, Schema schema, Map<String, String> tableOfClass) {
        String source = c.file().getFileName() + ":" + c.element().line();
        Table t = schema.createTable(c.table(), source);
        ChangeNode e = c.element();
        List<String> key = new ArrayList<>();
        for (ChangeNode child : e.children()) {
            switch (child.name()) {
                case "id" -> key.addAll(columns(child));
                case "composite-id" -> child.children().forEach(k -> key.addAll(columns(k)));
                case "key" -> key.addAll(columns(child)); // a joined-subclass's key is the parent's id
                case "natural-id" -> {
                    List<String> natural = new ArrayList<>();
                    child.children().forEach(p -> natural.addAll(columns(p)));
                    if (!natural.isEmpty()) t.addUniqueKey(new Key(null, natural, true, source + " natural-id"));
                }
                case "property" -> {
                    List<String> cols = columns(child);
                    cols.forEach(col -> t.addColumn(col, child.attribute("type")));
                    if (unique(child) && !cols.isEmpty()) t.addUniqueKey(new Key(null, cols, true, source));
                    String index = child.attribute("index");
                    if (index != null && !cols.isEmpty()) t.addIndex(new Key(index, cols, false, source));
                }
                case "many-to-one", "one-to-one" -> {
                    relation(c, child, false, schema);
                    List<String> cols = columns(child);
                    if (cols.isEmpty() || child.attribute("formula") != null) break;
                    if (child.name().equals("one-to-one") && child.attribute("column") == null) break; // shares the key
                    cols.forEach(col -> t.addColumn(col, ""));
                    String target = targetTable(child.attribute("class"), c.packageName(), tableOfClass);
                    if (target != null) t.addForeignKey(new ForeignKey(null, cols, target, List.of(), source));
                    if (unique(child) || child.name().equals("one-to-one")) {
                        t.addUniqueKey(new Key(null, cols, true, source));
                    }
                }
                case "set", "bag", "list", "map", "idbag", "array", "primitive-array" -> {
                    relation(c, child, true, schema);
                    collection(child, c, t, schema, tableOfClass, source);
                }
                default -> { }
            }
        }
        if (!key.isEmpty()) t.setPrimaryKey(new Key(null, key, true, source));
    }

    /**
     * What a property of the mapped class refers to, for HQL's {@code join fetch}: a {@code <set>}, {@code <bag>},
     * {@code <list>} ... is a collection ({@code Order.items is a <set> (Order.hbm.xml:12)}), a {@code <many-to-one>}
     * or {@code <one-to-one>} a single row. The entity is named as HQL names it: {@code entity-name}, else the
     * class's unqualified name.
     */
    private static void relation(Mapped owner, ChangeNode property, boolean toMany, Schema schema) {
        String name = property.attribute("name");
        String className = owner.element().attribute("entity-name") != null ? owner.element().attribute("entity-name")
                : owner.element().attribute("name");
        if (name == null || className == null) return;
        String target = toMany ? property.children().stream().map(c -> c.attribute("class") != null ? c.attribute("class")
                : c.attribute("entity-name")).filter(java.util.Objects::nonNull).findFirst().orElse(null)
                : property.attribute("class") != null ? property.attribute("class") : property.attribute("entity-name");
        String entity = simpleName(className);
        schema.addRelation(new KeyModel.Relation(entity, name, target == null ? null : simpleName(target), toMany,
                entity + "." + name + " is a <" + property.name() + "> (" + owner.file().getFileName() + ":"
                        + property.line() + ")"));
    }

    /** {@code <one-to-many>}: the element's table holds the key column; a collection table holds both sides. */
    private static void collection(ChangeNode coll, Mapped owner, Table ownerTable, Schema schema,
                                   Map<String, String> tableOfClass, String source) {
        List<String> keyColumns = coll.child("key").map(HbmMappings::columns).orElse(List.of());
        if (keyColumns.isEmpty()) return;
        Optional<ChangeNode> oneToMany = coll.child("one-to-many");
        if (oneToMany.isPresent()) {
            String elementTable = targetTable(oneToMany.get().attribute("class"), owner.packageName(), tableOfClass);
            if (elementTable == null) return;
            Table element = schema.createTable(elementTable, source);
            keyColumns.forEach(col -> element.addColumn(col, ""));
            element.addForeignKey(new ForeignKey(null, keyColumns, ownerTable.name(), List.of(), source));
            return;
        }
        String joinTable = coll.attribute("table");
        Optional<ChangeNode> manyToMany = coll.child("many-to-many");
        if (joinTable == null || manyToMany.isEmpty()) return;
        Table join = schema.createTable(joinTable, source);
        List<String> other = columns(manyToMany.get());
        join.addForeignKey(new ForeignKey(null, keyColumns, ownerTable.name(), List.of(), source));
        String target = targetTable(manyToMany.get().attribute("class"), owner.packageName(), tableOfClass);
        if (target != null && !other.isEmpty()) join.addForeignKey(new ForeignKey(null, other, target, List.of(), source));
        if (coll.name().equals("set") && !other.isEmpty()) { // a set's rows are distinct pairs: Hibernate keys them so
            List<String> both = new ArrayList<>(keyColumns);
            both.addAll(other);
            join.setPrimaryKey(new Key(null, both, true, source));
        }
    }

    /** The {@code column} attribute, else nested {@code <column name>} elements, else the property name. */
    private static List<String> columns(ChangeNode node) {
        if (node.attribute("column") != null) return List.of(Schema.normalize(node.attribute("column")));
        List<String> out = new ArrayList<>();
        for (ChangeNode c : node.children()) {
            if (c.name().equals("column") && c.attribute("name") != null) out.add(Schema.normalize(c.attribute("name")));
        }
        if (out.isEmpty() && node.attribute("name") != null && !node.name().equals("key")
                && !node.name().equals("composite-id")) {
            out.add(Schema.normalize(node.attribute("name")));
        }
        return out;
    }

    private static boolean unique(ChangeNode node) {
        if (node.flag("unique")) return true;
        return node.children().stream().anyMatch(c -> c.name().equals("column") && c.flag("unique"));
    }

    private static String targetTable(String className, String pkg, Map<String, String> tableOfClass) {
        if (className == null) return null;
        String t = tableOfClass.get(qualified(className, pkg));
        return t != null ? t : tableOfClass.get(simpleName(className));
    }

    private static String qualified(String className, String pkg) {
        return className.contains(".") || pkg == null ? className : pkg + "." + className;
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
