package dev.sqllint.sql;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;
import net.sf.jsqlparser.parser.Token;

/**
 * Every node of a parsed statement with its parent. JSqlParser's visitors need one method per node type
 * (well over a hundred) and each new grammar feature adds more; walking the object graph by its fields
 * reaches every node, including ones in grammar corners we never wrote a visitor for.
 */
public final class SqlTree {

    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();
    private static final String JSQLPARSER = "net.sf.jsqlparser.";

    private final List<Object> nodes = new ArrayList<>();
    private final Map<Object, Object> parents = new IdentityHashMap<>();

    private SqlTree() {
    }

    public static SqlTree of(Object root) {
        SqlTree tree = new SqlTree();
        tree.walk(root);
        return tree;
    }

    private void walk(Object root) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object[]> todo = new ArrayDeque<>();
        todo.push(new Object[] {root, null});
        while (!todo.isEmpty()) {
            Object[] item = todo.pop();
            Object node = item[0];
            if (seen.put(node, Boolean.TRUE) != null) continue;
            nodes.add(node);
            if (item[1] != null) parents.put(node, item[1]);
            List<Object> children = children(node);
            for (int i = children.size() - 1; i >= 0; i--) todo.push(new Object[] {children.get(i), node});
        }
    }

    private static List<Object> children(Object node) {
        List<Object> out = new ArrayList<>();
        for (Field f : fieldsOf(node.getClass())) {
            Object value;
            try {
                value = f.get(node);
            } catch (IllegalAccessException e) {
                continue;
            }
            collect(value, out);
        }
        return out;
    }

    private static void collect(Object value, List<Object> out) {
        if (value == null) return;
        if (value instanceof Collection<?> c) {
            for (Object o : c) collect(o, out);
        } else if (value instanceof Object[] array) {
            for (Object o : array) collect(o, out);
        } else if (isSqlNode(value.getClass())) {
            out.add(value);
        }
    }

    private static boolean isSqlNode(Class<?> type) {
        return type.getName().startsWith(JSQLPARSER) && !Node.class.isAssignableFrom(type)
                && !Token.class.isAssignableFrom(type) && !type.isEnum();
    }

    private static List<Field> fieldsOf(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()
                            || f.getType() == String.class || Node.class.isAssignableFrom(f.getType())) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        fields.add(f);
                    } catch (RuntimeException inaccessible) {
                        // a field we cannot read holds no SQL nodes we need
                    }
                }
            }
            return fields;
        });
    }

    public <T> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object n : nodes) if (type.isInstance(n)) out.add(type.cast(n));
        return out;
    }

    public Object parent(Object node) {
        return parents.get(node);
    }

    /** The nearest ancestor of {@code node} of the given type, or null. */
    public <T> T enclosing(Object node, Class<T> type) {
        for (Object p = parent(node); p != null; p = parent(p)) if (type.isInstance(p)) return type.cast(p);
        return null;
    }

    /** All nodes under {@code root} (inclusive) of a type, not descending into nodes of type {@code stopAt}. */
    public static <T> List<T> within(Object root, Class<T> type, Class<?> stopAt) {
        List<T> out = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Object n = todo.pop();
            if (seen.put(n, Boolean.TRUE) != null) continue;
            if (n instanceof Collection<?> list) {
                // a parenthesised expression, e.g. WHERE (a OR b), is a list of its elements
                List<Object> elements = new ArrayList<>();
                collect(list, elements);
                for (int i = elements.size() - 1; i >= 0; i--) todo.push(elements.get(i));
                continue;
            }
            if (type.isInstance(n)) out.add(type.cast(n));
            if (n != root && stopAt != null && stopAt.isInstance(n)) continue;
            List<Object> children = children(n);
            for (int i = children.size() - 1; i >= 0; i--) todo.push(children.get(i));
        }
        return out;
    }

    static boolean hasPosition(Object node) {
        return node instanceof ASTNodeAccess a && a.getASTNode() != null;
    }
}
