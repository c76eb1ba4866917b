package dev.sqllint.schema;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.schema.JpaClasses.Attr;
import dev.sqllint.schema.JpaClasses.Kind;
import dev.sqllint.schema.JpaClasses.MappedClass;
import dev.sqllint.schema.JpaModel.Association;
import dev.sqllint.schema.JpaModel.Cardinality;
import dev.sqllint.schema.JpaModel.Join;
import dev.sqllint.schema.JpaModel.Problem;
import dev.sqllint.schema.JpaModel.Property;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link JpaModel} the way Hibernate binds annotations: classes first (entities, mapped
 * superclasses, embeddables), then each entity's table and the columns of its properties, then primary
 * keys, then owning associations (whose default join columns need the target's key), then the
 * {@code mappedBy} sides, which borrow the owner's columns.
 */
final class JpaReader {

    private static final List<String> ASSOCIATIONS = List.of("ManyToOne", "OneToOne", "OneToMany", "ManyToMany");
    private static final Set<String> SETS = Set.of("Set", "HashSet", "LinkedHashSet", "SortedSet", "NavigableSet",
            "TreeSet");

    /** A column: logical name (what implicit names are built from), physical name, table, SQL type. */
    private record Col(String logical, String physical, String table, String type) {
    }

    private sealed interface Prop permits Basic, Embedded, Reference {
        String name();

        Attr attr();
    }

    private record Basic(String name, Attr attr, Col column) implements Prop {
    }

    private record Embedded(String name, Attr attr, Map<String, Prop> parts) implements Prop {
    }

    /** An association property; {@code table} is the table its owner's columns live in. */
    private record Reference(String name, Attr attr, AnnotationExpr kind, String mappedBy, String table)
            implements Prop {
        String kindName() {
            return kind.getName().getIdentifier();
        }
    }

    /** What is known about one entity while it is read. */
    private final class EntityState {
        final MappedClass cls;
        final String name;
        EntityState parent;
        final List<MappedClass> superclasses = new ArrayList<>();
        String table;
        final Map<String, Prop> props = new LinkedHashMap<>();
        List<Col> pk;
        String pkSource;
        final Map<String, Association> associations = new LinkedHashMap<>();
        /** {@code @ElementCollection} properties: collections of values or embeddables, in a table of their own. */
        final Map<String, AnnotationExpr> elementCollections = new LinkedHashMap<>();

        EntityState(MappedClass cls) {
            this.cls = cls;
            this.name = annotations.string(cls.marker(), "name").orElse(cls.type().getNameAsString());
        }

        EntityState root() {
            return parent == null ? this : parent.root();
        }

        /** SINGLE_TABLE (the default), JOINED or TABLE_PER_CLASS, as the root entity says. */
        String strategy() {
            return JpaAnnotations.find(root().cls.type(), "Inheritance")
                    .flatMap(a -> JpaAnnotations.enumName(a, "strategy")).orElse("SINGLE_TABLE");
        }
    }

    private final JpaNaming naming;
    private final List<Problem> problems = new ArrayList<>();
    private final JpaAnnotations annotations;
    private final JpaClasses classes;
    private final Map<String, EntityState> entities = new LinkedHashMap<>();
    private final Schema tables = new Schema();
    private final Set<EntityState> resolvingKeys = new HashSet<>();

    JpaReader(Collection<JavaFile> files, JpaNaming naming, dev.sqllint.extract.ProjectIndex index) {
        this.naming = naming;
        Map<CompilationUnit, Path> paths = new IdentityHashMap<>();
        for (JavaFile f : files) paths.put(f.unit(), f.path());
        this.annotations = new JpaAnnotations(paths, problems, index);
        this.classes = new JpaClasses(files, index);
    }

    JpaModel read() {
        for (MappedClass c : classes.all()) {
            if (c.kind() == Kind.ENTITY) entities.put(c.qualifiedName(), new EntityState(c));
        }
        for (EntityState e : entities.values()) linkSuperclasses(e);
        for (EntityState e : entities.values()) createTable(e);
        for (EntityState e : entities.values()) readProperties(e);
        for (EntityState e : entities.values()) primaryKey(e);
        for (EntityState e : entities.values()) tableConstraints(e);
        for (EntityState e : entities.values()) {
            for (Prop p : e.props.values()) {
                if (p instanceof Reference r && r.mappedBy() == null) owningSide(e, r);
            }
        }
        for (EntityState e : entities.values()) {
            for (Prop p : e.props.values()) {
                if (p instanceof Reference r && r.mappedBy() != null) inverseSide(e, r);
            }
        }
        for (EntityState e : entities.values()) naturalId(e);
        return new JpaModel(entityData(), tables, List.copyOf(new LinkedHashSet<>(problems)), annotations.constantFiles());
    }

    // ---- classes ------------------------------------------------------------------------------------

    /** The mapped superclasses up to the nearest entity ancestor, which becomes the parent. */
    private void linkSuperclasses(EntityState e) {
        Set<String> seen = new HashSet<>();
        Optional<MappedClass> up = classes.superclass(e.cls);
        while (up.isPresent() && seen.add(up.get().qualifiedName())) {
            MappedClass c = up.get();
            if (c.kind() == Kind.ENTITY) {
                EntityState parent = entities.get(c.qualifiedName());
                if (!descendsFrom(parent, e)) e.parent = parent;
                break;
            }
            if (c.kind() == Kind.EMBEDDABLE) break;
            e.superclasses.add(0, c);
            up = classes.superclass(c);
        }
        if (entities.values().stream().anyMatch(o -> o != e && o.name.equals(e.name))) {
            problems.add(new Problem(e.cls.file().path(), JpaAnnotations.line(e.cls.marker()),
                    "another entity is also named " + e.name + "; JPQL lookups by that name see only one"));
        }
    }

    /** Whether {@code e} is {@code ancestor} or extends it: a cycle of {@code extends} in broken sources. */
    private static boolean descendsFrom(EntityState e, EntityState ancestor) {
        for (EntityState s = e; s != null; s = s.parent) {
            if (s == ancestor) return true;
        }
        return false;
    }

    private boolean propertyAccess(EntityState e) {
        List<MappedClass> hierarchy = new ArrayList<>();
        for (EntityState s = e; s != null; s = s.parent) {
            hierarchy.add(s.cls);
            hierarchy.addAll(s.superclasses);
        }
        return JpaClasses.propertyAccess(hierarchy);
    }

    // ---- tables and columns -----------------------------------------------------------------------

    private void createTable(EntityState e) {
        if (e.table != null) return;
        if (e.parent != null) createTable(e.parent);
        if (e.parent != null && e.strategy().equals("SINGLE_TABLE")) {
            e.table = e.root().table;
            return;
        }
        Optional<AnnotationExpr> table = JpaAnnotations.find(e.cls.type(), "Table");
        Optional<String> explicit = table.flatMap(t -> annotations.string(t, "name"));
        e.table = naming.physical(explicit.orElse(e.name));
        String source = explicit.isPresent() ? annotations.source(table.get(), "name") : annotations.source(e.cls.marker());
        tables.createTable(e.table, source);
    }

    private Table table(String name) {
        return tables.table(name).orElseThrow();
    }

    private void readProperties(EntityState e) {
        boolean propertyAccess = propertyAccess(e);
        Map<String, AnnotationExpr> overrides = overrides(e.cls.type(), "");
        for (MappedClass c : e.superclasses) {
            e.props.putAll(properties(c.type(), propertyAccess, overrides, e.table, new HashSet<>()));
        }
        e.props.putAll(properties(e.cls.type(), propertyAccess, overrides, e.table, new HashSet<>()));
        for (MappedClass c : e.superclasses) elementCollections(c.type(), propertyAccess, e);
        elementCollections(e.cls.type(), propertyAccess, e);
        for (Col c : columns(e.props.values())) addColumn(c);
        if (e.parent == null && e.strategy().equals("SINGLE_TABLE")
                && entities.values().stream().anyMatch(o -> o.parent == e)) {
            String discriminator = JpaAnnotations.find(e.cls.type(), "DiscriminatorColumn")
                    .flatMap(a -> annotations.string(a, "name")).orElse("DTYPE");
            table(e.table).addColumn(naming.physical(discriminator), "varchar");
        }
    }

    private static void elementCollections(TypeDeclaration<?> type, boolean propertyAccess, EntityState e) {
        for (Attr a : JpaClasses.attributes(type, propertyAccess)) {
            a.jpa("ElementCollection").ifPresent(c -> e.elementCollections.put(a.name(), c));
        }
    }

    /** The properties of a class or embeddable; {@code overrides} maps a relative path to its {@code @Column}. */
    private Map<String, Prop> properties(TypeDeclaration<?> type, boolean propertyAccess,
                                         Map<String, AnnotationExpr> overrides, String table, Set<String> embedding) {
        Map<String, Prop> props = new LinkedHashMap<>();
        for (Attr a : JpaClasses.attributes(type, propertyAccess)) {
            Optional<AnnotationExpr> association = ASSOCIATIONS.stream().map(a::jpa).flatMap(Optional::stream).findFirst();
            if (association.isPresent()) {
                if (!embedding.isEmpty()) {
                    skipped(association.get(), "an association inside an embeddable is not modelled");
                    continue;
                }
                String mappedBy = annotations.string(association.get(), "mappedBy").orElse(null);
                props.put(a.name(), new Reference(a.name(), a, association.get(), mappedBy, table));
                continue;
            }
            if (a.has("ElementCollection")) continue;
            Optional<MappedClass> embeddable = classes.resolve(a.type().asString(), a.node())
                    .filter(c -> c.kind() == Kind.EMBEDDABLE);
            if (embeddable.isPresent() || a.has("Embedded") || a.has("EmbeddedId")) {
                if (embeddable.isEmpty()) {
                    skipped(a.jpa("Embedded").or(() -> a.jpa("EmbeddedId")).orElseThrow(),
                            "the embeddable " + a.type() + " is not among the sources");
                    continue;
                }
                MappedClass c = embeddable.get();
                if (!embedding.add(c.qualifiedName())) continue;
                Map<String, AnnotationExpr> inner = new HashMap<>(within(overrides, a.name()));
                inner.putAll(overrides(a.annotated(), ""));
                boolean access = JpaClasses.explicitPropertyAccess(c).orElse(propertyAccess);
                props.put(a.name(), new Embedded(a.name(), a, properties(c.type(), access, inner, table, embedding)));
                embedding.remove(c.qualifiedName());
                continue;
            }
            Optional<AnnotationExpr> column = Optional.ofNullable(overrides.get(a.name())).or(() -> a.jpa("Column"));
            String logical = column.flatMap(c -> annotations.string(c, "name")).orElse(a.name());
            props.put(a.name(), new Basic(a.name(), a, new Col(JpaNaming.unquote(logical), naming.physical(logical),
                    table, SqlTypes.of(a.type(), column, a.annotated(), annotations))));
        }
        return props;
    }

    /** {@code @AttributeOverride(name = "city", column = @Column(name = "home_city"))}, keyed by path. */
    private Map<String, AnnotationExpr> overrides(NodeWithAnnotations<?> node, String prefix) {
        Map<String, AnnotationExpr> found = new HashMap<>();
        for (AnnotationExpr o : JpaAnnotations.findRepeated(node, "AttributeOverride", "AttributeOverrides")) {
            Optional<String> name = annotations.string(o, "name");
            List<AnnotationExpr> column = JpaAnnotations.nested(o, "column");
            if (name.isPresent() && !column.isEmpty()) found.put(prefix + name.get(), column.get(0));
        }
        return found;
    }

    private static Map<String, AnnotationExpr> within(Map<String, AnnotationExpr> overrides, String property) {
        Map<String, AnnotationExpr> inner = new HashMap<>();
        String prefix = property + ".";
        overrides.forEach((path, column) -> {
            if (path.startsWith(prefix)) inner.put(path.substring(prefix.length()), column);
        });
        return inner;
    }

    private static List<Col> columns(Collection<Prop> props) {
        List<Col> cols = new ArrayList<>();
        for (Prop p : props) {
            if (p instanceof Basic b) cols.add(b.column());
            if (p instanceof Embedded emb) cols.addAll(columns(emb.parts().values()));
        }
        return cols;
    }

    private void addColumn(Col c) {
        Table t = table(c.table());
        if (!t.hasColumn(c.physical()) || t.columnType(c.physical()).isEmpty()) t.addColumn(c.physical(), c.type());
    }

    /** A column of the entity (or its ancestors) by logical or physical name; a new one when unknown. */
    private Col column(EntityState e, String name) {
        String bare = JpaNaming.unquote(name);
        for (EntityState s = e; s != null; s = s.parent) {
            for (Col c : columns(s.props.values())) {
                if (c.logical().equalsIgnoreCase(bare) || c.physical().equalsIgnoreCase(bare)) return c;
            }
        }
        for (Col c : primaryKey(e)) {
            if (c.logical().equalsIgnoreCase(bare) || c.physical().equalsIgnoreCase(bare)) return c;
        }
        return new Col(bare, naming.physical(name), e.table, "");
    }

    // ---- keys -----------------------------------------------------------------------------------------

    /** The primary key columns of the entity's table, resolved on demand (a derived id needs its target's). */
    private List<Col> primaryKey(EntityState e) {
        if (e.pk != null) return e.pk;
        if (!resolvingKeys.add(e)) return List.of();
        try {
            if (e.parent != null) {
                List<Col> inherited = primaryKey(e.parent);
                e.pkSource = e.parent.pkSource;
                e.pk = e.strategy().equals("SINGLE_TABLE") ? inherited : joinedKey(e, inherited);
            } else {
                e.pk = ownKey(e);
            }
            if (!e.table.equals(e.root().table) || e.parent == null) {
                if (!e.pk.isEmpty()) {
                    for (Col c : e.pk) addColumn(c);
                    table(e.table).setPrimaryKey(new Key(null, physical(e.pk), true, e.pkSource));
                }
            }
            return e.pk;
        } finally {
            resolvingKeys.remove(e);
        }
    }

    private List<Col> ownKey(EntityState e) {
        List<Col> key = new ArrayList<>();
        for (Prop p : e.props.values()) {
            if (!p.attr().isId()) continue;
            if (e.pkSource == null) {
                e.pkSource = annotations.source(p.attr().jpa("Id").or(() -> p.attr().jpa("EmbeddedId")).orElseThrow());
            }
            if (p instanceof Basic b) key.add(b.column());
            if (p instanceof Embedded emb) key.addAll(columns(emb.parts().values()));
            if (p instanceof Reference r) {
                for (JoinColumn jc : toOneColumns(r)) key.add(jc.local());
            }
        }
        if (key.isEmpty()) {
            problems.add(new Problem(e.cls.file().path(), JpaAnnotations.line(e.cls.marker()),
                    "entity " + e.name + " has no @Id or @EmbeddedId among the sources; its primary key is unknown"));
        }
        return key;
    }

    /** JOINED: the subclass table repeats the key (or names it by {@code @PrimaryKeyJoinColumn}) and references the parent. */
    private List<Col> joinedKey(EntityState e, List<Col> inherited) {
        List<AnnotationExpr> named = JpaAnnotations.findRepeated(e.cls.type(), "PrimaryKeyJoinColumn", "PrimaryKeyJoinColumns");
        List<Col> key = new ArrayList<>();
        for (int i = 0; i < inherited.size(); i++) {
            Col parent = inherited.get(i);
            Optional<String> name = i < named.size() ? annotations.string(named.get(i), "name") : Optional.empty();
            key.add(name.map(n -> new Col(JpaNaming.unquote(n), naming.physical(n), e.table, parent.type()))
                    .orElse(new Col(parent.logical(), parent.physical(), e.table, parent.type())));
        }
        if (e.strategy().equals("JOINED") && !key.isEmpty()) {
            for (Col c : key) addColumn(c);
            table(e.table).addForeignKey(new ForeignKey(null, physical(key), e.parent.table, physical(inherited),
                    annotations.source(e.cls.marker())));
        }
        if (e.strategy().equals("TABLE_PER_CLASS")) {
            for (EntityState s = e.parent; s != null; s = s.parent) {
                for (Col c : columns(s.props.values())) addColumn(new Col(c.logical(), c.physical(), e.table, c.type()));
            }
        }
        return key;
    }

    /** {@code @Table(uniqueConstraints, indexes)} and {@code @Column(unique = true)}. */
    private void tableConstraints(EntityState e) {
        Optional<AnnotationExpr> tableAnnotation = JpaAnnotations.find(e.cls.type(), "Table");
        if (tableAnnotation.isPresent()) {
            for (AnnotationExpr u : JpaAnnotations.nested(tableAnnotation.get(), "uniqueConstraints")) {
                List<String> cols = annotations.strings(u, "columnNames").stream().map(c -> column(e, c).physical()).toList();
                if (!cols.isEmpty()) {
                    table(e.table).addUniqueKey(new Key(annotations.string(u, "name").orElse(null), cols, true,
                            annotations.source(u)));
                }
            }
            for (AnnotationExpr index : JpaAnnotations.nested(tableAnnotation.get(), "indexes")) {
                List<String> cols = new ArrayList<>();
                for (String part : annotations.string(index, "columnList").orElse("").split(",")) {
                    String c = part.trim().replaceAll("(?i)\\s+(asc|desc)$", "");
                    if (!c.isEmpty()) cols.add(column(e, c).physical());
                }
                if (!cols.isEmpty()) {
                    table(e.table).addIndex(new Key(annotations.string(index, "name").orElse(null), cols,
                            JpaAnnotations.bool(index, "unique").orElse(false), annotations.source(index)));
                }
            }
        }
        uniqueColumns(e.props.values());
    }

    private void uniqueColumns(Collection<Prop> props) {
        for (Prop p : props) {
            if (p instanceof Embedded emb) uniqueColumns(emb.parts().values());
            if (!(p instanceof Basic b)) continue;
            Optional<AnnotationExpr> column = b.attr().jpa("Column");
            if (column.flatMap(c -> JpaAnnotations.bool(c, "unique")).orElse(false)) {
                table(b.column().table()).addUniqueKey(new Key(null, List.of(b.column().physical()), true,
                        annotations.source(column.get(), "unique")));
            }
        }
    }

    /** Hibernate's {@code @NaturalId} properties together form a unique key. */
    private void naturalId(EntityState e) {
        List<String> cols = new ArrayList<>();
        String source = null;
        for (Prop p : e.props.values()) {
            Optional<AnnotationExpr> natural = p.attr().annotated().getAnnotations().stream()
                    .filter(a -> JpaAnnotations.is(a, "NaturalId", JpaAnnotations.HIBERNATE)).findFirst();
            if (natural.isEmpty()) continue;
            if (source == null) source = annotations.source(natural.get());
            if (p instanceof Basic b) cols.add(b.column().physical());
            if (p instanceof Embedded emb) columns(emb.parts().values()).forEach(c -> cols.add(c.physical()));
            if (p instanceof Reference r) {
                association(e, r.name()).ifPresent(a -> cols.addAll(a.joins().get(0).fromColumns()));
            }
        }
        if (!cols.isEmpty()) table(e.table).addUniqueKey(new Key(null, cols, true, source));
    }

    // ---- associations -------------------------------------------------------------------------------

    /** A foreign key column and the column it references. */
    private record JoinColumn(Col local, Col referenced, Optional<AnnotationExpr> annotation) {
    }

    /** The entity a reference points to: {@code targetEntity}, else the type (a collection's element type). */
    private Optional<EntityState> target(Reference r) {
        return Optional.ofNullable(entities.get(classes.qualify(targetType(r), r.attr().node())));
    }

    private static String targetType(Reference r) {
        boolean toMany = r.kindName().equals("OneToMany") || r.kindName().equals("ManyToMany");
        return JpaAnnotations.classLiteral(r.kind(), "targetEntity")
                .orElseGet(() -> toMany ? elementType(r.attr().type()) : r.attr().type().asString());
    }

    private Optional<EntityState> reportedTarget(EntityState e, Reference r) {
        Optional<EntityState> target = target(r);
        if (target.isEmpty()) {
            skipped(r.kind(), e.name + "." + r.name() + ": the target entity " + targetType(r) + " is not among the sources");
        }
        return target;
    }

    private static String elementType(Type type) {
        if (type instanceof ClassOrInterfaceType c && c.getTypeArguments().isPresent() && !c.getTypeArguments().get().isEmpty()) {
            var args = c.getTypeArguments().get();
            return args.get(args.size() - 1).asString();
        }
        return type.asString();
    }

    private void owningSide(EntityState e, Reference r) {
        Optional<EntityState> target = reportedTarget(e, r);
        if (target.isEmpty()) return;
        EntityState t = target.get();
        switch (r.kindName()) {
            case "ManyToOne", "OneToOne" -> toOne(e, r, t);
            case "OneToMany" -> {
                if (!r.attr().has("JoinTable") && hasJoinColumns(r)) {
                    oneToManyForeignKey(e, r, t);
                } else {
                    joinTable(e, r, t, true);
                }
            }
            default -> joinTable(e, r, t, false);
        }
    }

    private static boolean hasJoinColumns(Reference r) {
        return !JpaAnnotations.findRepeated(r.attr().annotated(), "JoinColumn", "JoinColumns").isEmpty();
    }

    private void toOne(EntityState e, Reference r, EntityState t) {
        List<JoinColumn> fk = toOneColumns(r);
        if (fk.isEmpty()) return;
        String source = annotations.bareSource(r.kind());
        for (JoinColumn jc : fk) addColumn(jc.local());
        Table table = table(r.table());
        table.addForeignKey(new ForeignKey(null, physical(locals(fk)), t.table, physical(referenced(fk)), source));
        boolean isKey = r.attr().isId();
        if (r.kindName().equals("OneToOne") && !isKey) {
            table.addUniqueKey(new Key(null, physical(locals(fk)), true, source));
        } else if (fk.size() == 1 && !isKey) {
            fk.get(0).annotation().filter(a -> JpaAnnotations.bool(a, "unique").orElse(false)).ifPresent(a ->
                    table.addUniqueKey(new Key(null, List.of(fk.get(0).local().physical()), true,
                            annotations.source(a, "unique"))));
        }
        e.associations.put(r.name(), new Association(e.name, r.name(), t.name, Cardinality.TO_ONE, null,
                List.of(new Join(r.table(), physical(locals(fk)), t.table, physical(referenced(fk)))), source));
    }

    /**
     * The foreign key columns of an owning to-one: named by {@code @JoinColumn}, else
     * {@code <property>_<referenced column>} for each column of the target's primary key.
     */
    private List<JoinColumn> toOneColumns(Reference r) {
        Optional<EntityState> target = target(r);
        if (target.isEmpty()) return List.of();
        List<AnnotationExpr> written = JpaAnnotations.findRepeated(r.attr().annotated(), "JoinColumn", "JoinColumns");
        return joinColumns(written, r.name(), target.get(), r.table());
    }

    /**
     * Join columns in {@code table} referencing {@code referenced}: one per written {@code @JoinColumn}, or one
     * per primary key column when none is written; unnamed ones are {@code <prefix>_<referenced column>}.
     */
    private List<JoinColumn> joinColumns(List<AnnotationExpr> written, String prefix, EntityState referenced, String table) {
        List<Col> key = primaryKey(referenced);
        List<JoinColumn> result = new ArrayList<>();
        int count = written.isEmpty() ? key.size() : written.size();
        for (int i = 0; i < count; i++) {
            Optional<AnnotationExpr> jc = written.isEmpty() ? Optional.empty() : Optional.of(written.get(i));
            Optional<String> refName = jc.flatMap(a -> annotations.string(a, "referencedColumnName"));
            Col ref = refName.map(n -> column(referenced, n)).orElse(i < key.size() ? key.get(i) : null);
            if (ref == null) return List.of();
            Optional<String> name = jc.flatMap(a -> annotations.string(a, "name"));
            String logical = name.orElse(prefix + "_" + ref.logical());
            result.add(new JoinColumn(new Col(JpaNaming.unquote(logical), naming.physical(logical), table, ref.type()), ref, jc));
        }
        return result;
    }

    /** Unidirectional {@code @OneToMany @JoinColumn}: the foreign key is in the target's table. */
    private void oneToManyForeignKey(EntityState e, Reference r, EntityState t) {
        List<AnnotationExpr> written = JpaAnnotations.findRepeated(r.attr().annotated(), "JoinColumn", "JoinColumns");
        List<JoinColumn> fk = joinColumns(written, r.name(), e, t.table);
        if (fk.isEmpty()) return;
        String source = annotations.bareSource(r.kind());
        for (JoinColumn jc : fk) addColumn(jc.local());
        table(t.table).addForeignKey(new ForeignKey(null, physical(locals(fk)), e.table, physical(referenced(fk)), source));
        e.associations.put(r.name(), new Association(e.name, r.name(), t.name, Cardinality.TO_MANY, null,
                List.of(new Join(e.table, physical(referenced(fk)), t.table, physical(locals(fk)))), source));
    }

    /**
     * {@code @ManyToMany}, or {@code @OneToMany} without join column: a link table named by {@code @JoinTable}
     * or by the naming strategy, with {@code joinColumns} to the owner and {@code inverseJoinColumns} to the
     * target. A {@code Set} makes both column sets its primary key; a one-to-many makes the target side unique.
     */
    private void joinTable(EntityState e, Reference r, EntityState t, boolean oneToMany) {
        Optional<AnnotationExpr> jt = r.attr().jpa("JoinTable");
        Optional<String> explicit = jt.flatMap(a -> annotations.string(a, "name"));
        String name = naming.physical(explicit.orElse(naming.implicitJoinTable(e.table, r.name(), t.table)));
        String ownerPrefix = inverseProperty(e, r, t).orElse(e.name);
        List<JoinColumn> owner = joinColumns(jt.map(a -> JpaAnnotations.nested(a, "joinColumns")).orElse(List.of()),
                ownerPrefix, e, name);
        List<JoinColumn> inverse = joinColumns(jt.map(a -> JpaAnnotations.nested(a, "inverseJoinColumns")).orElse(List.of()),
                r.name(), t, name);
        if (owner.isEmpty() || inverse.isEmpty()) return;
        String source = annotations.bareSource(r.kind());
        String tableSource = explicit.isPresent() ? annotations.source(jt.get(), "name") : source;
        Table table = tables.createTable(name, tableSource);
        for (JoinColumn jc : owner) addColumn(jc.local());
        for (JoinColumn jc : inverse) addColumn(jc.local());
        table.addForeignKey(new ForeignKey(null, physical(locals(owner)), e.table, physical(referenced(owner)), source));
        table.addForeignKey(new ForeignKey(null, physical(locals(inverse)), t.table, physical(referenced(inverse)), source));
        if (r.attr().type() instanceof ClassOrInterfaceType c && SETS.contains(c.getNameAsString())) {
            List<String> key = new ArrayList<>(physical(locals(owner)));
            key.addAll(physical(locals(inverse)));
            table.setPrimaryKey(new Key(null, key, true, source));
        }
        if (oneToMany) table.addUniqueKey(new Key(null, physical(locals(inverse)), true, source));
        e.associations.put(r.name(), new Association(e.name, r.name(), t.name, Cardinality.TO_MANY, null, List.of(
                new Join(e.table, physical(referenced(owner)), name, physical(locals(owner))),
                new Join(name, physical(locals(inverse)), t.table, physical(referenced(inverse)))), source));
    }

    /** The target's {@code @ManyToMany(mappedBy = "<this property>")}, which names the owner's join columns. */
    private Optional<String> inverseProperty(EntityState e, Reference r, EntityState t) {
        for (EntityState s = t; s != null; s = s.parent) {
            for (Prop p : s.props.values()) {
                if (p instanceof Reference back && r.name().equals(back.mappedBy())) return Optional.of(back.name());
            }
        }
        return Optional.empty();
    }

    /** {@code mappedBy}: the owner's join, walked the other way. */
    private void inverseSide(EntityState e, Reference r) {
        Optional<EntityState> target = reportedTarget(e, r);
        if (target.isEmpty()) return;
        Optional<Association> owner = association(target.get(), r.mappedBy());
        if (owner.isEmpty()) {
            skipped(r.kind(), e.name + "." + r.name() + " is mapped by " + target.get().name + "." + r.mappedBy()
                    + ", which is not an owning association among the sources");
            return;
        }
        List<Join> joins = new ArrayList<>();
        for (Join j : owner.get().joins()) joins.add(0, j.reversed());
        Cardinality cardinality = r.kindName().equals("OneToOne") || r.kindName().equals("ManyToOne")
                ? Cardinality.TO_ONE : Cardinality.TO_MANY;
        e.associations.put(r.name(), new Association(e.name, r.name(), target.get().name, cardinality, r.mappedBy(),
                joins, annotations.source(r.kind(), "mappedBy")));
    }

    private static Optional<Association> association(EntityState e, String property) {
        for (EntityState s = e; s != null; s = s.parent) {
            Association a = s.associations.get(property);
            if (a != null && a.owningSide()) return Optional.of(a);
        }
        return Optional.empty();
    }

    private static List<Col> locals(List<JoinColumn> columns) {
        return columns.stream().map(JoinColumn::local).toList();
    }

    private static List<Col> referenced(List<JoinColumn> columns) {
        return columns.stream().map(JoinColumn::referenced).toList();
    }

    private static List<String> physical(List<Col> columns) {
        return columns.stream().map(Col::physical).toList();
    }

    private void skipped(AnnotationExpr at, String reason) {
        problems.add(new Problem(annotations.file(at), JpaAnnotations.line(at), reason));
    }

    // ---- the model ----------------------------------------------------------------------------------

    private List<JpaModel.EntityData> entityData() {
        List<JpaModel.EntityData> data = new ArrayList<>();
        for (EntityState e : entities.values()) {
            JpaModel.Entity entity = new JpaModel.Entity(e.name, e.cls.qualifiedName(), e.table,
                    physical(primaryKey(e)), e.cls.file().path());
            data.add(new JpaModel.EntityData(entity, e.parent == null ? null : e.parent.name, properties(e.props),
                    Collections.unmodifiableMap(e.associations), relations(e), namedGraphs(e)));
        }
        return data;
    }

    /**
     * What each association and element collection of the entity (or of an entity it extends) is, as its annotation
     * says, whether or not its target is among the sources: {@code @OneToMany List<Item> items} is a collection
     * even when {@code Item} comes from a jar.
     */
    private Map<String, KeyModel.Relation> relations(EntityState e) {
        Map<String, KeyModel.Relation> out = new LinkedHashMap<>();
        for (EntityState s = e; s != null; s = s.parent) {
            for (Prop p : s.props.values()) {
                if (!(p instanceof Reference r) || out.containsKey(r.name())) continue;
                boolean toMany = r.kindName().equals("OneToMany") || r.kindName().equals("ManyToMany");
                out.put(r.name(), new KeyModel.Relation(e.name, r.name(), target(r).map(t -> t.name).orElse(null),
                        toMany, evidence(s.name, r.name(), r.kind())));
            }
            for (Map.Entry<String, AnnotationExpr> c : s.elementCollections.entrySet()) {
                out.putIfAbsent(c.getKey(), new KeyModel.Relation(e.name, c.getKey(), null, true,
                        evidence(s.name, c.getKey(), c.getValue())));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@code Order.items is @OneToMany (Order.java:42)}. */
    private String evidence(String entity, String property, AnnotationExpr kind) {
        String source = annotations.bareSource(kind); // Order.java:42 @OneToMany
        int space = source.indexOf(' ');
        return entity + "." + property + " is " + source.substring(space + 1) + " (" + source.substring(0, space) + ")";
    }

    /**
     * The entity's {@code @NamedEntityGraph}s: each attribute node a path, and a node's subgraph the paths under it
     * ({@code customer.addresses}); a graph without a name is named after the entity, as JPA names it.
     */
    private List<KeyModel.NamedGraph> namedGraphs(EntityState e) {
        List<KeyModel.NamedGraph> out = new ArrayList<>();
        for (AnnotationExpr g : JpaAnnotations.findRepeated(e.cls.type(), "NamedEntityGraph", "NamedEntityGraphs")) {
            String name = annotations.string(g, "name").orElse(e.name);
            Map<String, AnnotationExpr> subgraphs = new HashMap<>();
            for (AnnotationExpr sub : JpaAnnotations.nested(g, "subgraphs")) {
                annotations.string(sub, "name").ifPresent(n -> subgraphs.put(n, sub));
            }
            List<String> paths = new ArrayList<>();
            attributeNodes(g, "", subgraphs, paths, 0);
            if (JpaAnnotations.bool(g, "includeAllAttributes").orElse(false)) {
                for (Prop p : e.props.values()) if (p instanceof Reference r) paths.add(r.name());
            }
            out.add(new KeyModel.NamedGraph(e.name, name, paths, annotations.source(g, "name")));
        }
        return out;
    }

    private void attributeNodes(AnnotationExpr graph, String prefix, Map<String, AnnotationExpr> subgraphs,
                                List<String> paths, int depth) {
        if (depth > 5) return; // a subgraph that names itself
        for (AnnotationExpr node : JpaAnnotations.nested(graph, "attributeNodes")) {
            Optional<String> attribute = annotations.string(node, "value");
            if (attribute.isEmpty()) continue;
            paths.add(prefix + attribute.get());
            Optional<AnnotationExpr> sub = annotations.string(node, "subgraph").map(subgraphs::get);
            sub.ifPresent(s -> attributeNodes(s, prefix + attribute.get() + ".", subgraphs, paths, depth + 1));
        }
    }

    private static Map<String, Property> properties(Map<String, Prop> props) {
        Map<String, Property> result = new LinkedHashMap<>();
        props.forEach((name, p) -> {
            if (p instanceof Basic b) result.put(name, new Property.Column(b.column().physical()));
            if (p instanceof Embedded emb) result.put(name, new Property.Embedded(properties(emb.parts())));
            if (p instanceof Reference) result.put(name, new Property.Reference());
        });
        return Collections.unmodifiableMap(result);
    }
}
