package dev.sqllint.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed Java source file. Its compilation unit knows its path, so any node can tell which file it is in.
 *
 * <p>The extraction looks for a dozen kinds of nodes in every file (sink calls, annotations, constructors,
 * lambdas, loops...). {@link #findAll} serves them all from one walk of the tree, in the order
 * {@code Node.findAll} gives: a walk per kind was a fifth of the cost of parsing the file.
 */
public final class JavaFile {

    private static final DataKey<JavaFile> FILE = new DataKey<>() {
    };

    private final Path path;
    private final CompilationUnit unit;
    /** Every node of the unit in pre-order, made on the first {@link #findAll}; trees are never changed after parsing. */
    private volatile List<Node> nodes;

    public JavaFile(Path path, CompilationUnit unit) {
        this.path = path;
        this.unit = unit;
        unit.setData(FILE, this); // before the file is shared with other threads: node data is not thread-safe
    }

    public Path path() {
        return path;
    }

    public CompilationUnit unit() {
        return unit;
    }

    /** The nodes of type {@code type} in the file, as {@code unit().findAll(type)} gives them. */
    public <T extends Node> List<T> findAll(Class<T> type) {
        List<Node> all = nodes;
        if (all == null) {
            nodes = all = preOrder(unit);
        }
        List<T> out = new ArrayList<>();
        for (Node n : all) if (type.isInstance(n)) out.add(type.cast(n));
        return out;
    }

    /**
     * Every node under {@code root}, root first, in {@link Node#walk}'s order (pre-order, children left to right),
     * with a stack of our own: walk's iterator pushes every node on a synchronized java.util.Stack.
     */
    public static List<Node> preOrder(Node root) {
        List<Node> out = new ArrayList<>();
        java.util.ArrayDeque<Node> pending = new java.util.ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node n = pending.pop();
            out.add(n);
            List<Node> children = n.getChildNodes();
            for (int i = children.size() - 1; i >= 0; i--) pending.push(children.get(i));
        }
        return out;
    }

    /** Lets the node list go (the tree stays): the file's extraction is over, and the files kept loaded need no lists. */
    public void forgetNodes() {
        nodes = null;
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

    @Override
    public String toString() {
        return "JavaFile[" + path + "]";
    }

    /** The file a node of a parsed {@link JavaFile} is in, if it is in one. */
    public static Path of(Node node) {
        JavaFile file = containing(node);
        return file == null ? null : file.path;
    }

    /** The nodes of type {@code type} in the compilation unit {@code node} is in (its file's, when it was parsed as one). */
    public static <T extends Node> List<T> findAllInUnitOf(Node node, Class<T> type) {
        JavaFile file = containing(node);
        return file != null ? file.findAll(type) : node.findRootNode().findAll(type);
    }

    /** The parsed file a node is in, or null when its tree was not parsed as a file. */
    public static JavaFile containing(Node node) {
        Node root = node.findRootNode();
        return root.containsData(FILE) ? root.getData(FILE) : null;
    }
}
