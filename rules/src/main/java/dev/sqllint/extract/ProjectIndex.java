package dev.sqllint.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
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

        /** The same field of the same parse (the initializer compared by identity: nodes compare whole subtrees). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Constant c && c.initializer == initializer && c.typeName.equals(typeName)
                    && c.name.equals(name) && c.file.equals(file);
        }

        @Override
        public int hashCode() {
            return typeName.hashCode() * 31 + name.hashCode();
        }
    }

    /** Parses a file on demand; empty when it cannot be read or parsed. Must be thread-safe. */
    public interface Loader {
        Optional<JavaFile> load(Path file);
    }

    private final Map<String, TypeDeclaration<?>> types = new ConcurrentHashMap<>();
    private final Map<String, JavaFile> fileOfType = new ConcurrentHashMap<>();
    private final Map<String, Constant> constants = new ConcurrentHashMap<>();
    /** Top-level types of the files not indexed up front, by qualified name. */
    private final Map<String, Path> unloaded;
    private final Map<Path, Optional<JavaFile>> loaded = new ConcurrentHashMap<>();
    /** Files being parsed on demand now, guarded by {@link #recent}. */
    private final Map<Path, CompletableFuture<Optional<JavaFile>>> inFlight = new HashMap<>();
    private final Loader loader;
    private final Predicate<Path> declaresSupertypes;
    private final Map<Path, JavaFile> byPath = new ConcurrentHashMap<>();
    /** What each file loaded on demand put into the maps above, to take out when it is dropped. */
    private final Map<Path, Entries> entriesOf = new ConcurrentHashMap<>();
    /** Files loaded on demand, least recently used first; guarded by itself, as are loads and drops. */
    private final LinkedHashMap<Path, Boolean> recent = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<Path> inUse = ConcurrentHashMap.newKeySet();
    private final Set<Path> everLoaded = ConcurrentHashMap.newKeySet();
    private volatile int capacity;

    /** The keys one file's types and constants hold in the maps (only those it was first to declare). */
    private record Entries(List<String> types, List<String> constants) {
    }

    public ProjectIndex(Collection<JavaFile> files) {
        this(files, Map.of(), file -> Optional.empty());
    }

    /** {@code files} indexed now; {@code onDemand}, the top-level types of other files, loaded when asked about. */
    public ProjectIndex(Collection<JavaFile> files, Map<String, Path> onDemand, Loader loader) {
        this(files, onDemand, loader, Integer.MAX_VALUE);
    }

    /**
     * As above, keeping at most {@code capacity} of the files loaded on demand: the least recently used is
     * dropped (its syntax tree freed) and parsed again if asked about again. {@code files} are always kept.
     */
    public ProjectIndex(Collection<JavaFile> files, Map<String, Path> onDemand, Loader loader, int capacity) {
        this(files, onDemand, loader, capacity, file -> true);
    }

    /**
     * As above; {@code declaresSupertypes} tells, from a file's outline, whether a type in it may extend or
     * implement another (false: certainly not), so a file is not parsed only to learn that it does not.
     */
    public ProjectIndex(Collection<JavaFile> files, Map<String, Path> onDemand, Loader loader, int capacity,
                        Predicate<Path> declaresSupertypes) {
        this.declaresSupertypes = declaresSupertypes;
        for (JavaFile f : files) index(f);
        this.unloaded = new HashMap<>(onDemand);
        unloaded.values().removeAll(byPath.keySet());
        this.loader = loader;
        this.capacity = capacity;
    }

    private Entries index(JavaFile file) {
        byPath.put(file.path(), file);
        CompilationUnit cu = file.unit();
        String pkg = cu.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("");
        Entries entries = new Entries(new ArrayList<>(), new ArrayList<>());
        for (TypeDeclaration<?> type : cu.getTypes()) indexType(type, pkg + type.getNameAsString(), file, entries);
        return entries;
    }

    private void indexType(TypeDeclaration<?> type, String qualified, JavaFile file, Entries entries) {
        if (types.putIfAbsent(qualified, type) == null) entries.types().add(qualified);
        fileOfType.putIfAbsent(qualified, file);
        boolean isInterface = type.isClassOrInterfaceDeclaration() && type.asClassOrInterfaceDeclaration().isInterface();
        for (FieldDeclaration field : type.getFields()) {
            boolean constantLike = isInterface || field.isFinal();
            if (!constantLike) continue;
            for (VariableDeclarator v : field.getVariables()) {
                v.getInitializer().ifPresent(init -> {
                    String key = qualified + "#" + v.getNameAsString();
                    if (constants.putIfAbsent(key, new Constant(qualified, v.getNameAsString(), init, file)) == null) {
                        entries.constants().add(key);
                    }
                });
            }
        }
        for (Node member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                indexType(nested, qualified + "." + nested.getNameAsString(), file, entries);
            }
        }
    }

    /** Indexes the file declaring {@code qualifiedName} (or the type it is nested in) if it is not yet. */
    private void load(String qualifiedName) {
        if (unloaded.isEmpty()) return;
        for (String name = qualifiedName; ; name = name.substring(0, name.lastIndexOf('.'))) {
            Path file = unloaded.get(name);
            if (file != null) {
                load(file);
                return;
            }
            if (name.lastIndexOf('.') < 0) return;
        }
    }

    /**
     * The parsed file at {@code path}: one indexed up front, or loaded now (parsed and indexed) through the
     * loader. Empty when it cannot be read or parsed. Not recorded as a read.
     */
    public Optional<JavaFile> load(Path path) {
        JavaFile upFront = byPath.get(path);
        if (upFront != null && !entriesOf.containsKey(path)) return Optional.of(upFront);
        synchronized (recent) {
            Optional<JavaFile> known = loaded.get(path);
            if (known != null) {
                recent.get(path);
                return known;
            }
        }
        // parsed outside the lock (other threads keep loading); a thread asking for a file another is parsing waits
        // for that parse rather than parsing it again (on ThingsBoard, 29 of 711 parses were such twins)
        CompletableFuture<Optional<JavaFile>> mine;
        CompletableFuture<Optional<JavaFile>> theirs;
        synchronized (recent) {
            theirs = inFlight.get(path);
            mine = theirs == null ? new CompletableFuture<>() : null;
            if (mine != null) inFlight.put(path, mine);
        }
        if (mine == null) return theirs.join();
        Optional<JavaFile> parsed = Optional.empty();
        try {
            parsed = loader.load(path);
            synchronized (recent) {
                Optional<JavaFile> known = loaded.get(path);
                if (known != null) return parsed = known;
                parsed.ifPresent(f -> entriesOf.put(path, index(f)));
                loaded.put(path, parsed);
                everLoaded.add(path);
                recent.put(path, Boolean.TRUE);
                dropOverCapacity();
                return parsed;
            }
        } finally { // also when the parse failed with an error: the waiting threads go on without the file
            synchronized (recent) {
                inFlight.remove(path);
            }
            mine.complete(parsed);
        }
    }

    /** Runs {@code work} with {@code path} kept loaded (a file being analysed is not dropped under it). */
    public <T> T using(Path path, java.util.function.Supplier<T> work) {
        inUse.add(path);
        try {
            return work.get();
        } finally {
            inUse.remove(path);
        }
    }

    /** Keeps at most {@code files} files loaded on demand from now on (the heap ran short: fewer trees). */
    public void shrinkTo(int files) {
        synchronized (recent) {
            capacity = Math.min(capacity, files);
            dropOverCapacity();
        }
    }

    private void dropOverCapacity() {
        if (recent.size() <= capacity) return;
        Iterator<Path> eldest = recent.keySet().iterator();
        while (recent.size() > capacity && eldest.hasNext()) {
            Path path = eldest.next();
            if (inUse.contains(path)) continue;
            eldest.remove();
            drop(path);
        }
    }

    /** Forgets a file loaded on demand: its tree is garbage once no analysis holds a node of it. */
    private void drop(Path path) {
        Optional<JavaFile> file = loaded.remove(path);
        Entries entries = entriesOf.remove(path);
        if (file == null || file.isEmpty() || entries == null) return;
        JavaFile f = file.get();
        for (String type : entries.types()) {
            types.remove(type);
            fileOfType.remove(type, f);
        }
        for (String constant : entries.constants()) constants.remove(constant);
        byPath.remove(path, f);
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

    /**
     * False when {@code qualifiedName} certainly has no supertype in the project's code: its file is not parsed and
     * its outline shows no {@code extends} or {@code implements}. True otherwise (then {@link #type} tells).
     */
    public boolean mayHaveSupertypes(String qualifiedName) {
        if (types.containsKey(qualifiedName) || unloaded.isEmpty()) return true;
        for (String name = qualifiedName; ; name = name.substring(0, name.lastIndexOf('.'))) {
            Path file = unloaded.get(name);
            if (file != null) {
                if (declaresSupertypes.test(file)) return true;
                FileDependencies.read(file); // the answer came from its content
                return false;
            }
            if (name.lastIndexOf('.') < 0) return true;
        }
    }

    public Optional<TypeDeclaration<?>> type(String qualifiedName) {
        load(qualifiedName);
        return answer(qualifiedName, types.get(qualifiedName));
    }

    /** How many files were parsed on demand (successfully or not), each counted once however often it was. */
    public int parsedOnDemand() {
        return everLoaded.size();
    }

    /** The files parsed on demand (each once however often it was). */
    public Set<Path> loadedPaths() {
        return Set.copyOf(everLoaded);
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
