package dev.sqllint.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Selects the {@code .java} files under the source roots that match the includes and none of the
 * excludes. Symbolic links are not followed (a link loop cannot trap the walk), but a link to a folder or to a
 * {@code .java} file is reported, since the sources behind it go unread; unreadable directories are reported and
 * skipped.
 */
public final class SourceFinder {

    private final List<AntPattern> includes = new ArrayList<>();
    private final List<AntPattern> excludes = new ArrayList<>();

    public SourceFinder(List<String> includes, List<String> excludes) {
        List<String> in = includes == null || includes.isEmpty() ? List.of("**/*.java") : includes;
        for (String p : in) this.includes.add(AntPattern.compile(p));
        if (excludes != null) for (String p : excludes) this.excludes.add(AntPattern.compile(p));
    }

    /** The matching files, sorted by path so every run sees them in the same order. */
    public List<SourceFile> find(List<Path> roots, BiConsumer<Path, String> problems) {
        return find(roots, problems, xml -> { });
    }

    /**
     * As {@link #find(List, BiConsumer)}, telling {@code xmlFiles} of every XML file under the roots, whatever the
     * includes say (MyBatis mappers live beside the code): one walk of the roots serves both.
     */
    public List<SourceFile> find(List<Path> roots, BiConsumer<Path, String> problems, Consumer<Path> xmlFiles) {
        Set<Path> seen = new HashSet<>(); // sorted at the end: a tree set compared paths on every insert
        List<SourceFile> out = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            Path absRoot = root.toAbsolutePath().normalize();
            try {
                Files.walkFileTree(absRoot, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String name = file.getFileName().toString();
                        if (name.regionMatches(true, name.length() - 4, ".xml", 0, 4)
                                && (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file))) {
                            xmlFiles.accept(file);
                        }
                        if (attrs.isSymbolicLink()) {
                            if (!excluded(new SourceFile(file, absRoot).relativePath())) {
                                SymbolicLinks.notFollowed(file).ifPresent(why -> problems.accept(file, why));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                        if (attrs.isRegularFile() && name.endsWith(".java")) {
                            SourceFile sf = new SourceFile(file, absRoot);
                            if (selected(sf.relativePath()) && seen.add(file)) out.add(sf);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        problems.accept(file, "cannot read: " + e.getClass().getSimpleName());
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                problems.accept(absRoot, "cannot walk source root: " + e.getMessage());
            }
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    /** A link the excludes cover, as a file or as a folder, is not worth a word. */
    private boolean excluded(String relativePath) {
        return excludes.stream().anyMatch(p -> p.matches(relativePath) || p.matches(relativePath + "/"));
    }

    boolean selected(String relativePath) {
        boolean in = false;
        for (AntPattern p : includes) {
            if (p.matches(relativePath)) {
                in = true;
                break;
            }
        }
        if (!in) return false;
        for (AntPattern p : excludes) if (p.matches(relativePath)) return false;
        return true;
    }
}
