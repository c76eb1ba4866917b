package dev.sqllint.extract.jdbi;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.sqllint.extract.FileDependencies;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.JavaSqlExtractor;
import dev.sqllint.extract.Language;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.SqlArguments;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.extract.Supertypes;
import dev.sqllint.extract.Suppressions;
import dev.sqllint.extract.UnresolvedSite;
import dev.sqllint.extract.java.Variants;
import dev.sqllint.extract.jdbi.templates.GroupFiles;
import dev.sqllint.extract.jdbi.templates.StringTemplateCalls;
import dev.sqllint.extract.jdbi.templates.StringTemplateGroup;
import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jdbi SQL objects (Jdbi 3, and Jdbi 2's {@code org.skife} ones): where a {@code @SqlQuery}/{@code @SqlUpdate}/{@code @SqlBatch} method's statement is,
 * and what template engine renders it, by the annotations on the method or its interface.
 * <ul>
 *   <li>{@code @UseClasspathSqlLocator}: in {@code com/acme/UserDao/findUser.sql} under a resource root (the
 *       annotation's value, or the method name, names the file); {@code @UseFreemarkerSqlLocator}:
 *       {@code com/acme/UserDao/findUser.sql.ftl}; {@code @UseStringTemplateSqlLocator} (Jdbi 2's
 *       {@code @UseStringTemplate3StatementLocator}, or a project annotation named for StringTemplate): the
 *       template {@code findUser} of the group file {@code com/acme/UserDao.sql.stg} (or the one the annotation
 *       names), rendered with its imports by {@link StringTemplateCalls}; a method without SQL whose type has
 *       that group file beside it, too;</li>
 *   <li>else inline, the annotation's value;</li>
 *   <li>the engine: FreeMarker ({@code @UseFreemarkerEngine}, the FreeMarker locator), StringTemplate
 *       ({@code @UseStringTemplateEngine}, its locator), else Jdbi's default {@code <name>} attributes.</li>
 * </ul>
 * Findings in a resource file point into that file.
 */
public final class JdbiSqlObjects {

    enum Engine { DEFINED_ATTRIBUTES, FREEMARKER, STRING_TEMPLATE }

    enum Locator { INLINE, CLASSPATH, FREEMARKER, STRING_TEMPLATE }

    private static final String PACKAGE = "org.jdbi.v3.sqlobject.";

    private final JavaSqlExtractor extractor;
    private final List<Path> resourceRoots;
    private final SinkCatalog catalog;
    private final ProjectIndex index;
    private final Supertypes supertypes;
    private final GroupFiles groups;

    public JdbiSqlObjects(JavaSqlExtractor extractor, List<Path> resourceRoots, SinkCatalog catalog, ProjectIndex index,
                   Supertypes supertypes) {
        this.extractor = extractor;
        this.resourceRoots = resourceRoots;
        this.catalog = catalog;
        this.index = index;
        this.supertypes = supertypes;
        this.groups = new GroupFiles(resourceRoots, ResourceText::read);
    }

    public static boolean owns(SinkCatalog.AnnotationSink sink) {
        return sink.type().startsWith(PACKAGE) || sink.type().startsWith("org.skife.jdbi.v2.sqlobject.");
    }

    /** Jdbi 3's fluent API renders with the default engine unless configured in code sqllint does not follow. */
    public static List<SqlText> expandFluent(SinkCatalog.MethodSink sink, List<SqlText> variants) {
        if (!sink.type().startsWith("org.jdbi.v3.")) return variants;
        return variants.stream().map(DefinedAttributes::expand).toList();
    }

    public void sites(AnnotationExpr a, SinkCatalog.AnnotationSink sink, Path file, List<SqlSite> out,
               Consumer<UnresolvedSite> unresolved) {
        Optional<MethodDeclaration> method = a.getParentNode().filter(MethodDeclaration.class::isInstance)
                .map(MethodDeclaration.class::cast);
        Locator locator = locator(a);
        Optional<Expression> value = JavaSqlExtractor.attribute(a, "value");
        if (locator == Locator.INLINE && value.isEmpty() && groupPath(a).flatMap(groups::group).isPresent()) {
            locator = Locator.STRING_TEMPLATE; // no SQL in the annotation, a group file beside the type: Jdbi 2's way
        }
        Engine engine = engine(a, locator);
        if (locator == Locator.STRING_TEMPLATE) {
            Optional<TypeDeclaration<?>> type = Supertypes.enclosingType(a);
            // a generic base DAO (EntitySqlDao<M, E>) is issued through its sub-DAOs, each with its own group
            if (type.isPresent() && type.get() instanceof ClassOrInterfaceDeclaration c && !c.getTypeParameters().isEmpty()) return;
            String name = templateName(a, value, method);
            Optional<String> group = groupPath(a);
            if (name.isEmpty() || group.isEmpty()) return;
            templateSite(a, sink.api(), name, group.get(), JavaSqlExtractor.owner(a), file, out, unresolved);
            return;
        }
        if (locator == Locator.INLINE) {
            if (value.isEmpty()) {
                unresolved.accept(miss(file, a, sink, UnresolvedSite.NO_TEXT, "no value and no SQL locator annotation"));
                return;
            }
            List<SqlText> variants = SqlArguments.staticText(extractor.foldValue(value.get()));
            if (variants.isEmpty()) {
                unresolved.accept(miss(file, a, sink, UnresolvedSite.ENTIRELY_DYNAMIC, ""));
                return;
            }
            out.add(extractor.site(file, value.get(), sink.api(), Language.SQL, expand(engine, variants), a));
            return;
        }
        String name = templateName(a, value, method);
        Optional<String> typePath = typePath(a);
        if (name.isEmpty() || typePath.isEmpty()) return;
        String relative = switch (locator) {
            case CLASSPATH -> typePath.get() + "/" + name + ".sql";
            case FREEMARKER -> typePath.get() + "/" + name + ".sql.ftl";
            default -> typePath.get() + ".sql.stg";
        };
        Optional<Path> resource = ResourceText.find(resourceRoots, relative);
        Optional<SqlText> text = resource.flatMap(ResourceText::read);
        if (text.isPresent() && locator == Locator.STRING_TEMPLATE) text = groupTemplate(text.get(), name);
        if (text.isEmpty() || text.get().text().isBlank()) {
            String what = locator == Locator.STRING_TEMPLATE ? relative + " (template " + name + ")" : relative;
            unresolved.accept(miss(file, a, sink, UnresolvedSite.RESOURCE_MISSING, what));
            return;
        }
        SqlText sql = text.get();
        Origin first = sql.originAt(firstNonBlank(sql.text()));
        out.add(new SqlSite(resource.get(), first.line(), first.column(), sink.api(), Language.SQL, expand(engine, List.of(sql)),
                JavaSqlExtractor.owner(a), null, Suppressions.enclosing(a)));
    }

    private String templateName(AnnotationExpr a, Optional<Expression> value, Optional<MethodDeclaration> method) {
        return value.flatMap(v -> SqlArguments.staticText(extractor.foldValue(v)).stream().findFirst())
                .map(t -> t.text().strip()).filter(s -> !s.isEmpty())
                .orElse(method.map(MethodDeclaration::getNameAsString).orElse(""));
    }

    /** A template of a group file, rendered; the site is where the template is written. */
    private void templateSite(AnnotationExpr a, String api, String name, String groupPath, String owner, Path file,
                              List<SqlSite> out, Consumer<UnresolvedSite> unresolved) {
        Optional<StringTemplateGroup> group = groups.group(groupPath);
        group.ifPresent(g -> g.files().forEach(FileDependencies::read));
        Optional<StringTemplateCalls.Rendered> rendered = group.flatMap(g -> StringTemplateCalls.render(g, name));
        List<SqlText> variants = rendered.map(r -> r.variants().stream().filter(v -> !v.text().isBlank()).toList()).orElse(List.of());
        if (variants.isEmpty()) {
            unresolved.accept(miss(file, a, api, UnresolvedSite.RESOURCE_MISSING, groupPath + " (template " + name + ")"));
            return;
        }
        SqlText body = rendered.get().template().body();
        Origin first = body.originAt(firstNonBlank(body.text()));
        out.add(new SqlSite(first.file() != null ? first.file() : rendered.get().template().file(), first.line(), first.column(),
                api, Language.SQL, variants, owner, null, Suppressions.enclosing(a)));
    }

    /**
     * The statements a DAO inherits: {@code interface AccountSqlDao extends EntitySqlDao<...>} issues
     * {@code getById} from the shared interface, rendered from its own group, where {@code <tableName()>} is its
     * table. One site per inherited method not declared again, at the template the group resolves it to.
     */
    public void inheritedSites(JavaFile file, List<SqlSite> out, Consumer<UnresolvedSite> unresolved) {
        for (ClassOrInterfaceDeclaration dao : file.findAll(ClassOrInterfaceDeclaration.class)) {
            if (!dao.isInterface() || !dao.getTypeParameters().isEmpty() || dao.getExtendedTypes().isEmpty()) continue;
            Optional<String> group = groupPathOfType(dao);
            if (group.isEmpty()) continue;
            java.util.Set<String> declared = new java.util.HashSet<>();
            for (MethodDeclaration m : dao.getMethods()) declared.add(m.getNameAsString());
            List<String> lineage = supertypes.lineage(ProjectIndex.qualifiedName(dao));
            for (String ancestor : lineage.subList(Math.min(1, lineage.size()), lineage.size())) {
                Optional<TypeDeclaration<?>> type = index.type(ancestor);
                if (type.isEmpty()) continue;
                for (MethodDeclaration m : type.get().getMethods()) {
                    if (!declared.add(m.getNameAsString())) continue;
                    for (AnnotationExpr a : m.getAnnotations()) {
                        Optional<SinkCatalog.AnnotationSink> sink = jdbiSink(a);
                        if (sink.isEmpty()) continue;
                        String name = templateName(a, JavaSqlExtractor.attribute(a, "value"), Optional.of(m));
                        templateSite(a, sink.get().api(), name, group.get(), dao.getNameAsString() + "." + m.getNameAsString(),
                                file.path(), out, unresolved);
                    }
                }
            }
        }
    }

    private Optional<SinkCatalog.AnnotationSink> jdbiSink(AnnotationExpr a) {
        return catalog.annotationsBySimpleName(a.getName().getIdentifier()).stream().filter(JdbiSqlObjects::owns).findFirst();
    }

    /** The group file of the type around {@code a}: the locator annotation's path, else {@code com/acme/UserDao.sql.stg}. */
    private static Optional<String> groupPath(AnnotationExpr a) {
        return Supertypes.enclosingType(a).flatMap(JdbiSqlObjects::groupPathOfTypeOrDefault);
    }

    private static Optional<String> groupPathOfTypeOrDefault(TypeDeclaration<?> type) {
        Optional<String> explicit = explicitGroup(type);
        if (explicit.isPresent()) return explicit;
        return typePath(type, true).map(p -> p + ".sql.stg");
    }

    /** The group of a type that declares a StringTemplate locator ({@code @UseStringTemplateSqlLocator}, one of the project's). */
    private static Optional<String> groupPathOfType(TypeDeclaration<?> type) {
        for (AnnotationExpr a : type.getAnnotations()) {
            if (isTemplateLocator(a)) return groupPathOfTypeOrDefault(type);
        }
        return Optional.empty();
    }

    private static boolean isTemplateLocator(AnnotationExpr a) {
        String n = a.getName().getIdentifier();
        return n.contains("StringTemplate") && !n.equals("UseStringTemplateEngine");
    }

    /** {@code @UseStringTemplate3StatementLocator("/org/acme/Base.sql.stg")}: a group named by path. */
    private static Optional<String> explicitGroup(TypeDeclaration<?> type) {
        for (AnnotationExpr a : type.getAnnotations()) {
            if (!isTemplateLocator(a)) continue;
            Optional<Expression> v = JavaSqlExtractor.attribute(a, "value");
            if (v.isPresent() && v.get() instanceof com.github.javaparser.ast.expr.StringLiteralExpr lit && lit.getValue().endsWith(".stg")) {
                return Optional.of(lit.getValue());
            }
        }
        return Optional.empty();
    }

    private static List<SqlText> expand(Engine engine, List<SqlText> variants) {
        List<SqlText> out = new ArrayList<>();
        for (SqlText v : variants) {
            switch (engine) {
                case FREEMARKER -> out.addAll(FreemarkerVariants.expand(v));
                case STRING_TEMPLATE -> out.addAll(StringTemplateVariants.expand(v));
                default -> out.add(DefinedAttributes.expand(v));
            }
        }
        return Variants.distinct(out);
    }

    private static Locator locator(AnnotationExpr a) {
        for (NodeWithAnnotations<?> holder : holders(a)) {
            if (holder.isAnnotationPresent("UseClasspathSqlLocator")) return Locator.CLASSPATH;
            if (holder.isAnnotationPresent("UseFreemarkerSqlLocator")) return Locator.FREEMARKER;
            if (holder.isAnnotationPresent("UseStringTemplateSqlLocator")) return Locator.STRING_TEMPLATE;
            // Jdbi 2's @UseStringTemplate3StatementLocator, a project's own annotation meant the same way
            if (holder instanceof TypeDeclaration<?> t && groupPathOfType(t).isPresent()) return Locator.STRING_TEMPLATE;
        }
        return Locator.INLINE;
    }

    private static Engine engine(AnnotationExpr a, Locator locator) {
        if (locator == Locator.FREEMARKER) return Engine.FREEMARKER;
        if (locator == Locator.STRING_TEMPLATE) return Engine.STRING_TEMPLATE;
        for (NodeWithAnnotations<?> holder : holders(a)) {
            if (holder.isAnnotationPresent("UseFreemarkerEngine")) return Engine.FREEMARKER;
            if (holder.isAnnotationPresent("UseStringTemplateEngine")) return Engine.STRING_TEMPLATE;
        }
        return Engine.DEFINED_ATTRIBUTES;
    }

    /** The method, then the types around it, innermost first: a method's own annotation wins. */
    private static List<NodeWithAnnotations<?>> holders(AnnotationExpr a) {
        List<NodeWithAnnotations<?>> out = new ArrayList<>();
        for (Node p = a.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof MethodDeclaration m) out.add(m);
            if (p instanceof TypeDeclaration<?> t) out.add(t);
        }
        return out;
    }

    private static Optional<String> typePath(Node n) {
        return typePath(n, false);
    }

    /** {@code com/acme/UserDao}, nested types joined with {@code $} as in the class file name. */
    private static Optional<String> typePath(Node n, boolean inclusive) {
        StringBuilder name = new StringBuilder();
        String pkg = "";
        for (Node p = inclusive ? n : n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?> t) name.insert(0, (name.length() == 0 ? "" : "$")).insert(0, t.getNameAsString());
            if (p instanceof CompilationUnit cu) pkg = cu.getPackageDeclaration().map(d -> d.getNameAsString() + ".").orElse("");
        }
        if (name.length() == 0) return Optional.empty();
        return Optional.of((pkg + name).replace('.', '/'));
    }

    private static final Pattern TEMPLATE = Pattern.compile("(?m)^[ \\t]*([A-Za-z_][A-Za-z0-9_]*)[ \\t]*\\([^)]*\\)[ \\t]*::=[ \\t]*");

    /** The body of template {@code name} in a StringTemplate group file: {@code <<...>>}, {@code <%...%>} or {@code "..."}. */
    static Optional<SqlText> groupTemplate(SqlText group, String name) {
        String s = group.text();
        Matcher m = TEMPLATE.matcher(s);
        while (m.find()) {
            if (!m.group(1).equals(name)) continue;
            int at = m.end();
            String open = s.startsWith("<<", at) ? "<<" : s.startsWith("<%", at) ? "<%" : s.startsWith("\"", at) ? "\"" : null;
            if (open == null) return Optional.empty();
            String close = switch (open) {
                case "<<" -> ">>";
                case "<%" -> "%>";
                default -> "\"";
            };
            int start = at + open.length();
            int end = s.indexOf(close, start);
            if (end < 0) return Optional.empty();
            if (open.equals("<<") && start < end && s.charAt(start) == '\n') start++; // ST drops the newline after <<
            return Optional.of(ResourceText.slice(group, start, end));
        }
        return Optional.empty();
    }

    private static int firstNonBlank(String s) {
        for (int i = 0; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) return i;
        return 0;
    }

    private static UnresolvedSite miss(Path file, AnnotationExpr a, SinkCatalog.AnnotationSink sink, String reason, String detail) {
        return miss(file, a, sink.api(), reason, detail);
    }

    private static UnresolvedSite miss(Path file, AnnotationExpr a, String api, String reason, String detail) {
        int line = a.getBegin().map(p -> p.line).orElse(1);
        int column = a.getBegin().map(p -> p.column).orElse(1);
        return new UnresolvedSite(file, line, column, api, reason, detail);
    }
}
