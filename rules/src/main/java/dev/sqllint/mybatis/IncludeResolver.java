package dev.sqllint.mybatis;

import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Inlines {@code <include refid>} as MyBatis does before it reads a statement's dynamic tags: the fragment's
 * children take the include's place, {@code <property name value>} children define {@code ${name}} for the
 * fragment's text and attributes (and the refids of includes within it), and nested includes inherit them.
 * A fragment from another mapper keeps its own positions and is marked with its id, so a finding in it is
 * reported at the statement that includes it, naming the fragment. An include that names no fragment the run
 * read, or that includes itself, becomes a placeholder and is reported.
 */
final class IncludeResolver {

    private static final int MAX_DEPTH = 16;

    private final SqlFragments fragments;
    private final MapperFile file;
    private final String statement;
    private final MapperProblems problems;
    /** The configuration's {@code <properties>}: MyBatis replaces them in every text of a statement and its fragments. */
    private final Map<String, SqlText> configured;

    IncludeResolver(SqlFragments fragments, MapperFile file, String statement, MapperProblems problems) {
        this(fragments, file, statement, problems, Map.of());
    }

    IncludeResolver(SqlFragments fragments, MapperFile file, String statement, MapperProblems problems,
                    Map<String, SqlText> configured) {
        this.fragments = fragments;
        this.file = file;
        this.statement = statement;
        this.problems = problems;
        this.configured = configured;
    }

    XmlElement resolve(XmlElement element) {
        return element.withChildren(nodes(element.children(), configured, false, List.of(), file.namespace()));
    }

    private List<XmlNode> nodes(List<XmlNode> in, Map<String, SqlText> properties, boolean included, List<String> active,
                                String fragmentNamespace) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode n : in) {
            if (n instanceof XmlText t) {
                out.add(new XmlText(substitute(t.text(), properties)));
            } else if (n instanceof XmlElement e && e.name().equals("include")) {
                out.addAll(include(e, properties, active, fragmentNamespace));
            } else if (n instanceof XmlElement e) {
                XmlElement withAttributes = included ? e.withAttributes(substituted(e.attributes(), properties)) : e;
                out.add(withAttributes.withChildren(nodes(e.children(), properties, included, active, fragmentNamespace)));
            }
        }
        return out;
    }

    private List<XmlNode> include(XmlElement include, Map<String, SqlText> properties, List<String> active, String fragmentNamespace) {
        SqlText ref = include.attributes().get("refid");
        String refid = ref == null ? "" : substitute(ref, properties).text().strip();
        // MyBatis qualifies a bare refid with the statement's namespace; a fragment's own namespace is the fallback
        Optional<SqlFragments.Fragment> fragment = fragments.get(SqlFragments.qualify(refid, file.namespace()));
        if (fragment.isEmpty() && !refid.contains(".")) fragment = fragments.get(SqlFragments.qualify(refid, fragmentNamespace));
        if (fragment.isEmpty() && refid.contains("${")) {
            // a suffix the application configures ("authCheck${methodSuffix}"): the fragment without it is the default
            String plain = refid.replaceAll("\\$\\{[^}]*}", "");
            fragment = fragments.get(SqlFragments.qualify(plain, file.namespace()));
            if (fragment.isEmpty() && !plain.contains(".")) fragment = fragments.get(SqlFragments.qualify(plain, fragmentNamespace));
        }
        if (fragment.isEmpty()) return gap(include, "<include refid=\"" + refid + "\"> names no <sql> fragment in the mappers read");
        String id = fragment.get().id();
        if (active.contains(id) || active.size() >= MAX_DEPTH) {
            return gap(include, "<include refid=\"" + refid + "\"> includes itself or nests too deeply ("
                    + String.join(" > ", active) + " > " + id + ")");
        }
        Map<String, SqlText> inner = new HashMap<>(properties);
        for (XmlElement p : include.elements("property")) {
            String name = p.attribute("name");
            SqlText value = p.attributes().get("value");
            if (name != null && value != null) inner.put(name, substitute(value, properties));
        }
        List<String> path = new ArrayList<>(active);
        path.add(id);
        List<XmlNode> body = nodes(fragment.get().element().children(), inner, true, path, fragment.get().file().namespace());
        if (fragment.get().file().path().equals(file.path())) return body;
        return map(body, t -> t.throughConstant(id));
    }

    private List<XmlNode> gap(XmlElement include, String why) {
        Path path = file.path();
        problems.report(MapperProblems.Kind.STATEMENT_INCOMPLETE, path, include.origin().line(),
                statement + ": " + why + "; analysed with a placeholder there");
        return List.of(new XmlText(SqlText.placeholder(include.origin())));
    }

    private static Map<String, SqlText> substituted(Map<String, SqlText> attributes, Map<String, SqlText> properties) {
        if (properties.isEmpty()) return attributes;
        Map<String, SqlText> out = new LinkedHashMap<>();
        attributes.forEach((k, v) -> out.put(k, substitute(v, properties)));
        return out;
    }

    /** Replaces each {@code ${name}} a property defines; the value's characters sit where the reference is written. */
    static SqlText substitute(SqlText text, Map<String, SqlText> properties) {
        if (properties.isEmpty()) return text;
        SqlText out = text;
        int from = 0;
        while (true) {
            String s = out.text();
            int open = s.indexOf("${", from);
            if (open < 0) return out;
            int close = s.indexOf('}', open + 2);
            if (close < 0) return out;
            SqlText value = properties.get(s.substring(open + 2, close).strip());
            if (value == null) {
                from = close + 1;
                continue;
            }
            out = out.replace(open, close + 1, value.text());
            from = open + value.length();
        }
    }

    private static List<XmlNode> map(List<XmlNode> nodes, UnaryOperator<SqlText> f) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode n : nodes) {
            if (n instanceof XmlText t) {
                out.add(new XmlText(f.apply(t.text())));
            } else if (n instanceof XmlElement e) {
                Map<String, SqlText> attributes = new LinkedHashMap<>();
                e.attributes().forEach((k, v) -> attributes.put(k, f.apply(v)));
                out.add(e.withAttributes(attributes).withChildren(map(e.children(), f)));
            }
        }
        return out;
    }
}
