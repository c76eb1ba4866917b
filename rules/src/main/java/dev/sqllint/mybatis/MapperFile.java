package dev.sqllint.mybatis;

import dev.sqllint.extract.IgnoreComment;
import dev.sqllint.extract.IgnoreComments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MyBatis XML mapper: its file, its namespace (the mapper interface it implements, which qualifies its
 * statement and fragment ids), its {@code <mapper>} element and its comments.
 */
public record MapperFile(Path path, String namespace, XmlElement root, List<XmlComment> comments) {

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{\\s*([^}\\s]+)\\s*}");

    public MapperFile {
        comments = List.copyOf(comments);
    }

    /** {@code namespace.id}, or the bare id when the mapper declares no namespace. */
    String qualify(String id) {
        return namespace.isEmpty() ? id : namespace + "." + id;
    }

    /**
     * The {@code <!-- sqllint:ignore [Rule] [reason] -->} comments, which suppress a finding on their line or
     * the line below, as {@code // sqllint:ignore} does in Java.
     */
    public IgnoreComments ignoreComments() {
        List<IgnoreComments.Placed> out = new ArrayList<>();
        for (XmlComment c : comments) {
            IgnoreComment.parse(c.content(), "<!-- " + c.content().strip() + " -->")
                    .ifPresent(ic -> out.add(new IgnoreComments.Placed(c.firstLine(), c.lastLine(), ic)));
        }
        return IgnoreComments.of(out);
    }

    /** The names of the {@code ${name}} text substitutions written in the mapper's text and attributes. */
    public Set<String> substitutionNames() {
        Set<String> out = new TreeSet<>();
        collect(root, out);
        return out;
    }

    private static void collect(XmlNode node, Set<String> out) {
        if (node instanceof XmlText t) names(t.text().text(), out);
        if (node instanceof XmlElement e) {
            e.attributes().values().forEach(v -> names(v.text(), out));
            for (XmlNode child : e.children()) collect(child, out);
        }
    }

    private static void names(String text, Set<String> out) {
        if (!text.contains("${")) return;
        Matcher m = SUBSTITUTION.matcher(text);
        while (m.find()) out.add(m.group(1));
    }
}
