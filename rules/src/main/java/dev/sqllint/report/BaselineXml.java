package dev.sqllint.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The baseline file. Written by hand, one entry per line with a fixed attribute order, sorted and without
 * timestamps, so that it is the same bytes for the same findings and a review shows exactly which
 * findings were accepted or fixed. Read with the JDK's DOM parser with DOCTYPEs refused: the file is
 * committed, so a pull request could change it, and it must never make the build fetch or expand anything.
 *
 * <pre>{@code
 * <sqllint-baseline version="1">
 *   <finding rule="OrAcrossAccessPaths" file="src/main/java/com/acme/TrackDao.java" owner="TrackDao.tracks"
 *            sqlHash="3f9a0c1b2d4e5f60" count="1" sql="SELECT t.* FROM tracks t WHERE ..."/>
 * </sqllint-baseline>
 * }</pre>
 */
final class BaselineXml {

    static final String ROOT = "sqllint-baseline";
    static final String ENTRY = "finding";
    static final String VERSION = "1";

    private BaselineXml() {
    }

    static void write(Baseline baseline, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text(baseline), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String text(Baseline baseline) {
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<!--\n");
        out.append("  sqllint baseline: findings accepted when sqllint was adopted. sqllint:check reports them but\n");
        out.append("  fails only on findings not listed here. An entry is keyed by rule, file, enclosing member and a\n");
        out.append("  hash of the normalised SQL (never a line number), so moving or reformatting code keeps it.\n");
        out.append("  Regenerate with: mvn sqllint:baseline\n");
        out.append("-->\n");
        out.append('<').append(ROOT).append(" version=\"").append(VERSION).append("\">\n");
        for (Baseline.Entry e : baseline.entries()) {
            out.append("  <").append(ENTRY);
            attribute(out, "rule", e.key().rule());
            attribute(out, "file", e.key().file());
            attribute(out, "owner", e.key().owner());
            attribute(out, "sqlHash", e.key().sqlHash());
            attribute(out, "count", Integer.toString(e.count()));
            attribute(out, "sql", e.sql());
            out.append("/>\n");
        }
        out.append("</").append(ROOT).append(">\n");
        return out.toString();
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else {
                        out.append(isXmlChar(c) ? c : '?');
                    }
                }
            }
        }
        out.append('"');
    }

    /** XML 1.0 allows no other control characters, not even as references, and no lone surrogate. */
    private static boolean isXmlChar(char c) {
        return c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
    }

    static Baseline read(Path file) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no stderr noise; fatal errors still throw
            doc = builder.parse(in, file.toUri().toString());
        } catch (SAXParseException e) {
            throw malformed("line " + e.getLineNumber() + ": " + e.getMessage());
        } catch (SAXException | ParserConfigurationException e) {
            throw malformed(e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!ROOT.equals(root.getTagName())) throw malformed("the root element is <" + root.getTagName() + ">, not <" + ROOT + ">");
        String version = root.getAttribute("version");
        if (!version.isEmpty() && !VERSION.equals(version)) {
            throw malformed("version " + version + " is not supported (this sqllint reads version " + VERSION + ")");
        }
        List<Baseline.Entry> entries = new ArrayList<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n.getNodeType() != Node.ELEMENT_NODE) continue;
            Element e = (Element) n;
            String where = "entry " + (entries.size() + 1);
            if (!ENTRY.equals(e.getTagName())) throw malformed(where + " is <" + e.getTagName() + ">, not <" + ENTRY + ">");
            BaselineKey key = new BaselineKey(required(e, "rule", where), required(e, "file", where),
                    e.getAttribute("owner"), required(e, "sqlHash", where));
            entries.add(new Baseline.Entry(key, count(e, where), e.getAttribute("sql")));
        }
        return new Baseline(entries);
    }

    /**
     * No DOCTYPE at all (so no entity expansion, internal or external), no external DTD or schema, no
     * XInclude: the OWASP settings for a parser that reads a file others can edit.
     */
    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        return f;
    }

    private static String required(Element e, String name, String where) throws IOException {
        String value = e.getAttribute(name);
        if (value.isBlank()) throw malformed(where + " has no " + name + " attribute");
        return value;
    }

    private static int count(Element e, String where) throws IOException {
        String value = e.getAttribute("count");
        if (value.isEmpty()) return 1;
        try {
            int count = Integer.parseInt(value.trim());
            if (count >= 1) return count;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw malformed(where + " has count=\"" + value + "\"; a count is a whole number of at least 1");
    }

    /** What is wrong with the file; whoever reads it names the file. */
    private static IOException malformed(String why) {
        return new IOException("not a valid sqllint baseline (" + why + ")");
    }
}
