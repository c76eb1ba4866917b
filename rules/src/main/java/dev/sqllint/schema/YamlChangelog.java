package dev.sqllint.schema;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a YAML (or JSON) changelog with SnakeYAML. Only {@code compose()} runs: the result is a tree of
 * nodes with their line numbers, and no Java object is ever constructed from the document (the constructor
 * is {@link SafeConstructor} besides). Aliases are capped by SnakeYAML; the walk over the node tree is capped
 * too, since an alias-heavy document ("billion laughs") is small as text and huge as a tree.
 */
final class YamlChangelog {

    /** Far more than any changelog has; a document past it is an expansion attack or a data dump. */
    static final int MAX_NODES = 100_000;
    private static final int MAX_DEPTH = 64;

    private YamlChangelog() {
    }

    /** The document as one node named "" whose children are its top-level keys; empty (reported) when unreadable. */
    static Optional<ChangeNode> read(String text, Path file, SchemaProblems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit((int) ScriptFiles.MAX_BYTES);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : new Lines(text).of(e.getProblemMark());
            problems.report(file, line, "changelog skipped, not read as YAML: " + e.getProblem());
            return Optional.empty();
        } catch (RuntimeException e) {
            problems.report(file, 0, "changelog skipped, not read as YAML: " + oneLine(e.getMessage()));
            return Optional.empty();
        }
        if (root == null) return Optional.of(new ChangeNode("", Map.of(), List.of(), null, 1, 0));
        Walk walk = new Walk(new Lines(text));
        try {
            return Optional.of(walk.node("", root, 0));
        } catch (TooLarge e) {
            problems.report(file, 0, "changelog skipped: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Line numbers as the file has them: its line breaks are '\n' ({@link ScriptFiles} normalises them), but
     * SnakeYAML also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (YAML 1.1), so its own line
     * count runs past the file's when a value holds one. A mark's index (in code points) is mapped instead.
     */
    private static final class Lines {
        private final int[] breaks;

        Lines(String text) {
            IntStream.Builder found = IntStream.builder();
            int codePoint = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i)), codePoint++) {
                if (text.charAt(i) == '\n') found.add(codePoint);
            }
            breaks = found.build().toArray();
        }

        int of(Mark mark) {
            int i = Arrays.binarySearch(breaks, mark.getIndex());
            return (i >= 0 ? i : -i - 1) + 1;
        }
    }

    private static final class Walk {
        private final Lines lines;
        private int nodes;

        Walk(Lines lines) {
            this.lines = lines;
        }

        /** {@code key: value} as a node named {@code key}. */
        ChangeNode node(String name, Node value, int depth) {
            count(depth);
            int line = lines.of(value.getStartMark());
            if (value instanceof ScalarNode scalar) {
                return new ChangeNode(name, Map.of(), List.of(), scalar.getValue(), line, textLine(scalar));
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            List<ChangeNode> children = new ArrayList<>();
            String text = null;
            int textLine = 0;
            if (value instanceof MappingNode mapping) {
                for (NodeTuple entry : mapping.getValue()) {
                    if (!(entry.getKeyNode() instanceof ScalarNode key)) continue;
                    Node v = entry.getValueNode();
                    if (v instanceof ScalarNode scalar) {
                        attributes.put(key.getValue(), scalar.getValue());
                        if (key.getValue().equals(name)) {
                            text = scalar.getValue();
                            textLine = textLine(scalar);
                        }
                    } else {
                        ChangeNode child = node(key.getValue(), v, depth + 1);
                        children.add(new ChangeNode(child.name(), child.attributes(), child.children(), child.text(),
                                lines.of(key.getStartMark()), child.textLine()));
                    }
                }
            } else if (value instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    if (item instanceof MappingNode itemMap && !itemMap.getValue().isEmpty()) {
                        // "- changeSet: {...}": each key of the item is one child
                        for (NodeTuple entry : itemMap.getValue()) {
                            if (!(entry.getKeyNode() instanceof ScalarNode key)) continue;
                            ChangeNode child = node(key.getValue(), entry.getValueNode(), depth + 1);
                            children.add(new ChangeNode(child.name(), child.attributes(), child.children(),
                                    child.text(), lines.of(key.getStartMark()), child.textLine()));
                        }
                    } else {
                        children.add(node(name, item, depth + 1));
                    }
                }
            }
            return new ChangeNode(name, attributes, children, text, line, textLine);
        }

        private void count(int depth) {
            if (++nodes > MAX_NODES) throw new TooLarge("more than " + MAX_NODES + " YAML nodes once aliases are expanded");
            if (depth > MAX_DEPTH) throw new TooLarge("nested deeper than " + MAX_DEPTH + " levels");
        }

        /** A block scalar ({@code sql: |}) starts on the line after its indicator. */
        private int textLine(ScalarNode scalar) {
            int line = lines.of(scalar.getStartMark());
            return scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                    || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED ? line + 1 : line;
        }
    }
}
