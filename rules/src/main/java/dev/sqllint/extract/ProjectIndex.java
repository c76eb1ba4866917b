package dev.sqllint.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import java.util.Collection;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the source roots declare: every type by qualified name, and every constant-like field
 * ({@code static final}, interface fields, or {@code final} with an initializer) with its initializer, so
 * SQL assembled from constants in other classes can be folded. Files are indexed up front (those the
 * pre-filter chose) or on the first question about a type they declare (the rest: a constants class, a base
 * class), through a {@link Loader}. Every answer is recorded in {@link FileDependencies}.
 */
public final class ProjectIndex {

    /** A field whose initializer can be folded, and the file and type it lives in. */
    public record Constant(String typeName, String name, Expression initializer, JavaFile file) {
        public String label() {
            int dot = typeName.lastIndexOf('.');
            return (dot < 0 ? typeName : typeName.substring(dot + 1)) + "." + name;
        }
    }

    /** Parses a file on demand; empty when it cannot be read or parsed. Must be thread-safe. */
    public interface Loader {
        Optional<JavaFile> load(Path file);
    }

    private final Map<String, TypeDeclaration<?>> types = new ConcurrentHashMap<>();
    private final Map<String, JavaFile> fileOfType = new ConcurrentHashMap<>();
    private final Map<String, Constant> constants = new ConcurrentHashMap<>();
    /** Top-level types of the files not indexed yet, by qualified name. */
    private final Map<String, Path> unloaded;
    private final Map<Path, Optional<JavaFile>> loaded = new ConcurrentHashMap<>();
    private final Loader loader;
    private final Map<Path, JavaFile> byPath = new ConcurrentHashMap<>();

    public ProjectIndex(Collection<JavaFile> files) {
        this(files, Map.of(), file -> Optional.empty());
    }

    /** {@code files} indexed now; {@code onDemand}, the top-level types of other files, loaded when asked about. */
    public ProjectIndex(Collection<JavaFile> files, Map<String, Path> onDemand, Loader loader) {
        for (JavaFile f : files) index(f);
        this.unloaded = new HashMap<>(onDemand);
        unloaded.values().removeAll(byPath.keySet());
        this.loader = loader;
    }

    private void index(JavaFile file) {
        byPath.put(file.path(), file);
        CompilationUnit cu = file.unit();
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        for (TypeDeclaration<?> type : cu.getTypes()) indexType(type, pkg + type.getNameAsString(), file);
    }

    private void indexType(TypeDeclaration<?> type, String qualified, JavaFile file) {
        types.putIfAbsent(qualified, type);
        fileOfType.putIfAbsent(qualified, file);
        boolean isInterface = type.isClassOrInterfaceDeclaration() && type.asClassOrInterfaceDeclaration().isInterface();
        for (FieldDeclaration field : type.getFields()) {
            boolean constantLike = isInterface || field.isFinal();
            if (!constantLike) continue;
            for (VariableDeclarator v : field.getVariables()) {
                v.getInitializer().ifPresent(init -> constants.putIfAbsent(qualified + "#" + v.getNameAsString(),
                        new Constant(qualified, v.getNameAsString(), init, file)));
            }
        }
        for (Node member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                indexType(nested, qualified + "." + nested.getNameAsString(), file);
            }
        }
    }

    /** Indexes the file declaring {@code qualifiedName} (or the type it is nested in) if it is not yet. */
    private void load(String qualifiedName) {
        // no short cut through types: another thread may be half-way through indexing the file; computeIfAbsent
        // below waits for it
        if (unloaded.isEmpty()) return;
        for (String name = qualifiedName; ; name = name.substring(0, name.lastIndexOf('.'))) {
            Path file = unloaded.get(name);
            if (file != null) {
                loaded.computeIfAbsent(file, f -> {
                    Optional<JavaFile> parsed = loader.load(f);
                    parsed.ifPresent(this::index);
                    return parsed;
                });
                return;
            }
            if (name.lastIndexOf('.') < 0) return;
        }
    }

    private <T> Optional<T> answer(String typeName, T value) {
        JavaFile from = fileOfType.get(typeName);
        if (from != null) FileDependencies.read(from.path());
        return Optional.ofNullable(value);
    }

    public Optional<Constant> constant(String typeName, String field) {
        load(typeName);
        return answer(typeName, constants.get(typeName + "#" + field));
    }

    public boolean hasType(String qualifiedName) {
        if (types.containsKey(qualifiedName)) return answer(qualifiedName, true).isPresent();
        Path file = unloaded.get(qualifiedName);
        if (file != null) {
            // a top-level type the outline saw: known without parsing its file
            FileDependencies.read(file);
            return true;
        }
        load(qualifiedName);
        return answer(qualifiedName, types.get(qualifiedName)).isPresent();
    }

    public Optional<TypeDeclaration<?>> type(String qualifiedName) {
        load(qualifiedName);
        return answer(qualifiedName, types.get(qualifiedName));
    }

    /** How many files were parsed on demand (successfully or not). */
    public int parsedOnDemand() {
        return loaded.size();
    }

    /** A file this index has parsed (up front or on demand), by path. */
    public Optional<JavaFile> file(Path path) {
        return Optional.ofNullable(byPath.get(path));
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

}
