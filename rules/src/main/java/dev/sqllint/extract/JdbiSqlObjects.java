package dev.sqllint.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
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
 * Jdbi 3 SQL objects: where a {@code @SqlQuery}/{@code @SqlUpdate}/{@code @SqlBatch} method's statement is,
 * and what template engine renders it, by the annotations on the method or its interface.
 * <ul>
 *   <li>{@code @UseClasspathSqlLocator}: in {@code com/acme/UserDao/findUser.sql} under a resource root (the
 *       annotation's value, or the method name, names the file); {@code @UseFreemarkerSqlLocator}:
 *       {@code com/acme/UserDao/findUser.sql.ftl}; {@code @UseStringTemplateSqlLocator}: the template
 *       {@code findUser} of the group file {@code com/acme/UserDao.sql.stg};</li>
 *   <li>else inline, the annotation's value;</li>
 *   <li>the engine: FreeMarker ({@code @UseFreemarkerEngine}, the FreeMarker locator), StringTemplate
 *       ({@code @UseStringTemplateEngine}, its locator), else Jdbi's default {@code <name>} attributes.</li>
 * </ul>
 * Findings in a resource file point into that file.
 */
final class JdbiSqlObjects {

    enum Engine { DEFINED_ATTRIBUTES, FREEMARKER, STRING_TEMPLATE }

    enum Locator { INLINE, CLASSPATH, FREEMARKER, STRING_TEMPLATE }

    private static final String PACKAGE = "org.jdbi.v3.sqlobject.";

    private final JavaSqlExtractor extractor;
    private final List<Path> resourceRoots;

    JdbiSqlObjects(JavaSqlExtractor extractor, List<Path> resourceRoots) {
        this.extractor = extractor;
        this.resourceRoots = resourceRoots;
    }

    static boolean owns(SinkCatalog.AnnotationSink sink) {
        return sink.type().startsWith(PACKAGE);
    }

    /** Jdbi 3's fluent API renders with the default engine unless configured in code sqllint does not follow. */
    static List<SqlText> expandFluent(SinkCatalog.MethodSink sink, List<SqlText> variants) {
        if (!sink.type().startsWith("org.jdbi.v3.")) return variants;
        return variants.stream().map(DefinedAttributes::expand).toList();
    }

    void sites(AnnotationExpr a, SinkCatalog.AnnotationSink sink, Path file, List<SqlSite> out,
               Consumer<UnresolvedSite> unresolved) {
        Optional<MethodDeclaration> method = a.getParentNode().filter(MethodDeclaration.class::isInstance)
                .map(MethodDeclaration.class::cast);
        Locator locator = locator(a);
        Engine engine = engine(a, locator);
        Optional<Expression> value = JavaSqlExtractor.attribute(a, "value");
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
        String name = value.flatMap(v -> SqlArguments.staticText(extractor.foldValue(v)).stream().findFirst())
                .map(t -> t.text().strip()).filter(s -> !s.isEmpty())
                .orElse(method.map(MethodDeclaration::getNameAsString).orElse(""));
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

    /** {@code com/acme/UserDao}, nested types joined with {@code $} as in the class file name. */
    private static Optional<String> typePath(Node n) {
        StringBuilder name = new StringBuilder();
        String pkg = "";
        for (Node p = n.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
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
        int line = a.getBegin().map(p -> p.line).orElse(1);
        int column = a.getBegin().map(p -> p.column).orElse(1);
        return new UnresolvedSite(file, line, column, sink.api(), reason, detail);
    }
}
