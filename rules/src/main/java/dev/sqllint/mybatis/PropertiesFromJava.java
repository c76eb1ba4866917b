package dev.sqllint.mybatis;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.ProjectIndex;
import dev.sqllint.extract.TypeNames;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * MyBatis properties the project sets in Java before it builds its configuration: {@code properties.put("name",
 * value)} (or {@code setProperty}) on a {@code java.util.Properties} handed to MyBatis, for a {@code ${name}} the
 * mappers use. A value is read when it is text written in the code: a literal, or the entry for the project's
 * database of a static per-database map ({@code put("limitAfter", DbSessions.LIMIT_AFTER.get(databaseType))},
 * whose class fills {@code LIMIT_AFTER.put(POSTGRES, "LIMIT #{maxResults} OFFSET #{firstResult}")} in a static
 * block; see {@link StaticMapEntries}). A name put with a value not read so, or with two different values, stays
 * unknown, as if nothing set it.
 */
public final class PropertiesFromJava {

    /** The project's Java files whose text passes a test, parsed; a file that does not parse is left out. */
    public interface JavaSources {
        List<JavaFile> parsedWhere(Predicate<String> text);
    }

    private final ProjectIndex index;
    private final Dialect dialect;
    private final Map<TypeDeclaration<?>, StaticMapEntries> maps = new IdentityHashMap<>();

    private PropertiesFromJava(ProjectIndex index, Dialect dialect) {
        this.index = index;
        this.dialect = dialect;
    }

    /** The values the Java sets for {@code names} (the {@code ${...}} the mappers use that nothing else defines). */
    public static Map<String, SqlText> read(Set<String> names, JavaSources sources, ProjectIndex index, Dialect dialect) {
        if (names.isEmpty()) return Map.of();
        List<JavaFile> files = sources.parsedWhere(text -> text.contains("Properties")
                && names.stream().anyMatch(n -> text.contains("\"" + n + "\"")));
        return new PropertiesFromJava(index, dialect).read(names, files);
    }

    private Map<String, SqlText> read(Set<String> names, List<JavaFile> files) {
        Map<String, SqlText> out = new LinkedHashMap<>();
        Set<String> unknown = new HashSet<>();
        for (JavaFile file : files) {
            for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
                String method = call.getNameAsString();
                if (!(method.equals("put") || method.equals("setProperty")) || call.getArguments().size() != 2) continue;
                if (!(call.getArgument(0) instanceof StringLiteralExpr key) || !names.contains(key.asString())) continue;
                if (!(call.getScope().orElse(null) instanceof NameExpr receiver) || !isProperties(receiver)) continue;
                String name = key.asString();
                Optional<String> value = value(call.getArgument(1));
                SqlText before = out.get(name);
                if (value.isEmpty() || (before != null && !before.text().equals(value.get()))) {
                    unknown.add(name);
                } else {
                    out.put(name, SqlText.of(value.get(), origin(file, call)));
                }
            }
        }
        out.keySet().removeAll(unknown);
        return out;
    }

    private Optional<String> value(Expression e) {
        if (e instanceof StringLiteralExpr s) return Optional.of(s.asString());
        if (e instanceof TextBlockLiteralExpr t) return Optional.of(t.asString());
        if (!(e instanceof MethodCallExpr call) || call.getScope().isEmpty()) return Optional.empty();
        boolean get = call.getNameAsString().equals("get") && call.getArguments().size() == 1;
        boolean orDefault = call.getNameAsString().equals("getOrDefault") && call.getArguments().size() == 2;
        if (!get && !orDefault) return Optional.empty();
        Optional<Map<String, String>> map = staticMap(call.getScope().get(), call);
        if (map.isEmpty()) return Optional.empty();
        Expression key = call.getArgument(0);
        String value = key instanceof StringLiteralExpr literal ? map.get().get(literal.asString()) : forOurDatabase(map.get());
        if (value != null) return Optional.of(value);
        return orDefault ? value(call.getArgument(1)) : Optional.empty();
    }

    /**
     * The entry for the project's database of a map keyed by database names ({@code postgres}, {@code mssql}); null
     * when no key names it (a map keyed otherwise is not per database, and which key the code passes is unknown).
     */
    private String forOurDatabase(Map<String, String> map) {
        for (Map.Entry<String, String> entry : map.entrySet()) {
            if (Dialect.named(entry.getKey()).orElse(null) == dialect) return entry.getValue();
        }
        return null;
    }

    /** The entries of the static map a receiver names: {@code Owner.FIELD}, or {@code FIELD} of an enclosing class. */
    private Optional<Map<String, String>> staticMap(Expression scope, Node at) {
        if (scope instanceof FieldAccessExpr access && access.getScope() instanceof NameExpr owner) {
            String qualified = new TypeNames(index, Set.of()).resolve(owner.getNameAsString(), at);
            return index.type(qualified).map(type -> entries(type, access.getNameAsString()));
        }
        if (scope instanceof NameExpr field) {
            for (Node n = at; n != null; n = n.getParentNode().orElse(null)) {
                if (n instanceof TypeDeclaration<?> type && declares(type, field.getNameAsString())) {
                    return Optional.of(entries(type, field.getNameAsString()));
                }
            }
        }
        return Optional.empty();
    }

    private Map<String, String> entries(TypeDeclaration<?> type, String field) {
        return maps.computeIfAbsent(type, StaticMapEntries::of).entries(field);
    }

    private static boolean declares(TypeDeclaration<?> type, String field) {
        return type.getFieldByName(field).isPresent();
    }

    /** Whether the receiver is declared a {@code Properties}: a parameter, a local or a field in scope. */
    private static boolean isProperties(NameExpr receiver) {
        String name = receiver.getNameAsString();
        for (Node n = receiver; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> callable) {
                for (Parameter p : callable.getParameters()) {
                    if (p.getNameAsString().equals(name)) return isPropertiesType(p.getTypeAsString());
                }
                for (VariableDeclarator v : callable.findAll(VariableDeclarator.class)) {
                    if (v.getNameAsString().equals(name) && !(v.getParentNode().orElse(null) instanceof FieldDeclaration)) {
                        return isPropertiesType(v.getTypeAsString());
                    }
                }
            }
            if (n instanceof TypeDeclaration<?> type) {
                Optional<FieldDeclaration> field = type.getFieldByName(name);
                if (field.isPresent()) return isPropertiesType(field.get().getElementType().asString());
            }
        }
        return false;
    }

    private static boolean isPropertiesType(String type) {
        return type.equals("Properties") || type.equals("java.util.Properties");
    }

    private static Origin origin(JavaFile file, Node node) {
        return node.getBegin().map(p -> Origin.at(file.path(), p.line, p.column)).orElse(Origin.at(file.path(), 0, 0));
    }
}
