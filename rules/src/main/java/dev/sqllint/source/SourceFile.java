package dev.sqllint.source;

import java.nio.file.Path;

/** A source file selected for analysis, with the root it was found under. */
public record SourceFile(Path path, Path root) {

    /**
     * The path below the root, with {@code /} separators. Cut from the path's text when it starts with the root's
     * (as every path a walk of the root gives does): relativizing was a share of listing a large tree.
     */
    public String relativePath() {
        String r = root.toString();
        String p = path.toString();
        if (p.length() > r.length() + 1 && p.startsWith(r) && p.charAt(r.length()) == root.getFileSystem().getSeparator().charAt(0)) {
            return p.substring(r.length() + 1).replace('\\', '/');
        }
        return root.relativize(path).toString().replace('\\', '/');
    }
}
