package dev.sqllint.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the source roots declare: every type by qualified name, and every constant-like field
 * ({@code static final}, interface fields, or {@code final} with an initializer) with its initializer, so
 * SQL assembled from constants in other classes can be folded.
 */
public final class ProjectIndex {

    /** A field whose initializer can be folded, and the file and type it lives in. */
    public record Constant(String typeName, String name, Expression initializer, JavaFile file) {
        public String label() {
            int dot = typeName.lastIndexOf('.');
            return (dot < 0 ? typeName : typeName.substring(dot + 1)) + "." + name;
        }
    }

    private final Map<String, TypeDeclaration<?>> types = new HashMap<>();
    private final Map<String, JavaFile> fileOfType = new HashMap<>();
    private final Map<String, Constant> constants = new HashMap<>();

    public ProjectIndex(Collection<JavaFile> files) {
        for (JavaFile f : files) index(f);
    }

    private void index(JavaFile file) {
        CompilationUnit cu = file.unit();
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        for (TypeDeclaration<?> type : cu.getTypes()) indexType(type, pkg + type.getNameAsString(), file);
    }

    private void indexType(TypeDeclaration<?> type, String qualified, JavaFile file) {
        types.put(qualified, type);
        fileOfType.put(qualified, file);
        boolean isInterface = type.isClassOrInterfaceDeclaration() && type.asClassOrInterfaceDeclaration().isInterface();
        for (FieldDeclaration field : type.getFields()) {
            boolean constantLike = isInterface || field.isFinal();
            if (!constantLike) continue;
            for (VariableDeclarator v : field.getVariables()) {
                v.getInitializer().ifPresent(init -> constants.put(qualified + "#" + v.getNameAsString(),
                        new Constant(qualified, v.getNameAsString(), init, file)));
            }
        }
        for (Node member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                indexType(nested, qualified + "." + nested.getNameAsString(), file);
            }
        }
    }

    public Optional<Constant> constant(String typeName, String field) {
        return Optional.ofNullable(constants.get(typeName + "#" + field));
    }

    public boolean hasType(String qualifiedName) {
        return types.containsKey(qualifiedName);
    }

    public Optional<TypeDeclaration<?>> type(String qualifiedName) {
        return Optional.ofNullable(types.get(qualifiedName));
    }

    /** Qualified name of a declared type node (nested types joined with dots). */
    public static String qualifiedName(TypeDeclaration<?> type) {
        StringBuilder name = new StringBuilder(type.getNameAsString());
        Node n = type.getParentNode().orElse(null);
        while (n != null) {
            if (n instanceof TypeDeclaration<?> outer) name.insert(0, outer.getNameAsString() + ".");
            if (n instanceof CompilationUnit cu) {
                cu.getPackageDeclaration().ifPresent(p -> name.insert(0, p.getNameAsString() + "."));
                break;
            }
            n = n.getParentNode().orElse(null);
        }
        return name.toString();
    }

    public List<String> typeNames() {
        return List.copyOf(types.keySet());
    }
}
