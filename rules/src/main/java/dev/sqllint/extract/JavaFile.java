package dev.sqllint.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import java.nio.file.Path;

/** A parsed Java source file. Its compilation unit knows its path, so any node can tell which file it is in. */
public record JavaFile(Path path, CompilationUnit unit) {

    private static final DataKey<Path> PATH = new DataKey<>() {
    };

    public JavaFile {
        unit.setData(PATH, path);
    }

    /** The same parse of the same file: comparing (and hashing) the syntax trees would walk them whole. */
    @Override
    public boolean equals(Object o) {
        return o instanceof JavaFile f && f.unit == unit && f.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    /** The file a node of a parsed {@link JavaFile} is in, if it is in one. */
    public static Path of(Node node) {
        Node root = node.findRootNode();
        return root.containsData(PATH) ? root.getData(PATH) : null;
    }
}
