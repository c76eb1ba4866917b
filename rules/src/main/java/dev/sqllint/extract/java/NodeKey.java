package dev.sqllint.extract.java;

import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import dev.sqllint.extract.JavaFile;
import java.nio.file.Path;

/**
 * A syntax node named by where it is (file, kind, range) rather than held: a memo keyed by it keeps no syntax
 * tree alive, finds its entry again when the file is parsed anew after the index dropped it, and hashes in
 * constant time (nodes hash and compare their whole subtree).
 */
record NodeKey(Path file, Class<?> kind, int beginLine, int beginColumn, int endLine, int endColumn) {

    /** The node's key; null when it has no position or is not in a parsed file (then it is not memoised). */
    static NodeKey of(Node node) {
        Range r = node.getRange().orElse(null);
        Path file = r == null ? null : JavaFile.of(node);
        if (file == null) return null;
        return new NodeKey(file, node.getClass(), r.begin.line, r.begin.column, r.end.line, r.end.column);
    }
}
