package dev.sqllint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The README tells the truth about the build it documents: its parameter table is the goals' parameters (from
 * the plugin descriptor the build generates from the {@code @Parameter} fields), its site snippet pins the
 * versions the build and the site integration test use, and its links into {@code docs/} lead somewhere.
 */
class ReadmeTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| *(?:`([\\w.]+)`)? *\\| *([^|]*?) *\\|");

    /** name -> {user property, default}, over every goal, from the generated plugin descriptor. */
    private static Map<String, String[]> descriptorParameters() throws Exception {
        Map<String, String[]> out = new TreeMap<>();
        Document plugin;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/maven/plugin.xml"))) {
            plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        NodeList mojos = plugin.getElementsByTagName("mojo");
        for (int m = 0; m < mojos.getLength(); m++) {
            Element mojo = (Element) mojos.item(m);
            Element configuration = child(mojo, "configuration");
            for (Element parameter : children(child(mojo, "parameters"), "parameter")) {
                if (!"true".equals(text(child(parameter, "editable")))) continue;
                String name = text(child(parameter, "name"));
                Element value = configuration == null ? null : child(configuration, name);
                String expression = value == null ? "" : value.getTextContent().strip();
                String property = expression.startsWith("${") ? expression.substring(2, expression.length() - 1) : "";
                String defaultValue = value == null ? "" : value.getAttribute("default-value");
                out.put(name, new String[] {property, defaultValue});
            }
        }
        return out;
    }

    @Test
    void parameterTableIsTheGoalsParameters() throws Exception {
        Map<String, String[]> declared = descriptorParameters();
        assertTrue(declared.containsKey("failOnViolation") && declared.containsKey("skip"), declared.keySet().toString());
        Map<String, String[]> documented = new TreeMap<>();
        String readme = readme();
        int table = readme.indexOf("| Parameter | User property | Default | Meaning |");
        assertTrue(table > 0 && readme.indexOf("| Parameter |", table + 1) < 0, "the README has one parameter table");
        for (String line : readme.substring(table).lines().skip(2).takeWhile(l -> l.startsWith("|")).toList()) {
            Matcher m = ROW.matcher(line);
            assertTrue(m.find(), "a row of the parameter table: " + line);
            documented.put(m.group(1), new String[] {m.group(2) == null ? "" : m.group(2), m.group(3).strip()});
        }
        assertEquals(declared.keySet(), documented.keySet(),
                "README.md's parameter table and the goals' @Parameter fields (editable ones) differ");
        for (Map.Entry<String, String[]> p : declared.entrySet()) {
            String[] row = documented.get(p.getKey());
            assertEquals(p.getValue()[0], row[0], p.getKey() + ": user property");
            if (!p.getValue()[1].isEmpty()) {
                assertEquals("`" + p.getValue()[1] + "`", row[1], p.getKey() + ": the default the goal declares");
            }
        }
    }

    /** The README is the user's guide, at most 300 lines (issue 14); detail goes to docs/, linked from it. */
    @Test
    void readmeIsAShortUsersGuide() throws IOException {
        long lines = readme().lines().count();
        assertTrue(lines <= 300, "README.md has " + lines + " lines; move detail to docs/");
    }

    @Test
    void relativeLinksInTheReadmeAndDocsResolve() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        assertTrue(pages.size() > 5, pages.toString());
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher m = link.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) continue; // https:, mailto:
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                checked++;
                if (!Files.exists(resolved)) {
                    broken.add(page + ": " + target);
                } else if (!anchor.isEmpty() && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(page + ": " + target + " (no such heading)");
                }
            }
        }
        assertTrue(checked > 20, "links checked: " + checked);
        assertEquals(List.of(), broken);
    }

    @Test
    void siteSnippetPinsTheVersionsTheBuildUses() throws Exception {
        String readme = readme();
        String snippet = readme.substring(readme.indexOf("<!-- site-snippet"));
        snippet = snippet.substring(snippet.indexOf("```xml") + 6, snippet.indexOf("```", snippet.indexOf("```xml") + 6));
        Document fromReadme = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(("<project>" + snippet + "</project>").getBytes(StandardCharsets.UTF_8)));

        String sitePlugin = pluginVersion(fromReadme, "maven-site-plugin");
        assertEquals(pluginVersion(pom(ROOT.resolve("pom.xml")), "maven-site-plugin"), sitePlugin, "the build's own site plugin");
        assertEquals(pluginVersion(pom(ROOT.resolve("it/samples/site-report/pom.xml")), "maven-site-plugin"), sitePlugin,
                "the site integration test's");
        assertTrue(Integer.parseInt(sitePlugin.split("\\.")[1]) >= 20, "Doxia 2 needs maven-site-plugin 3.20 or later");
        String projectVersion = text(child(pom(ROOT.resolve("pom.xml")).getDocumentElement(), "version"));
        assertEquals(projectVersion, pluginVersion(fromReadme, "sqllint-maven-plugin"));
        assertTrue(readme.contains("<version>" + projectVersion + "</version>"));
    }

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    }

    private static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** The version of the first plugin with this artifactId anywhere in the document. */
    private static String pluginVersion(Document doc, String artifactId) {
        NodeList plugins = doc.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (artifactId.equals(text(child(plugin, "artifactId")))) return text(child(plugin, "version"));
        }
        throw new AssertionError("no " + artifactId);
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(Path markdown) throws IOException {
        return Files.readAllLines(markdown, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .toList();
    }

    private static Element child(Element parent, String name) {
        if (parent == null) return null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) return out;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) out.add(e);
        }
        return out;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }
}
