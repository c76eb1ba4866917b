package dev.sqllint.schema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XML changelog with the JDK's parser, locked down: no DOCTYPE at all (so no entity can be declared,
 * expanded or fetched), no external DTD or schema loading, no XInclude, secure processing on, and an entity
 * resolver that refuses anything external. A changelog that declares a DOCTYPE, even a harmless one, is
 * reported and skipped rather than parsed with a weaker configuration. The DOM holds the structure; a second,
 * equally locked-down SAX pass over the same bytes records where each element and its text start, which the
 * DOM does not know, for the sources quoted as evidence.
 */
final class XmlChangelog {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private XmlChangelog() {
    }

    /** The changelog's root element, or empty (reported) when it is malformed or declares a DOCTYPE. */
    static Optional<ChangeNode> read(byte[] xml, Path file, SchemaProblems problems) {
        Document document;
        List<Position> positions;
        try {
            document = documentBuilder().parse(new InputSource(new ByteArrayInputStream(xml)));
            positions = positions(xml);
        } catch (SAXParseException e) {
            problems.report(file, Math.max(0, e.getLineNumber()), skipped(e));
            return Optional.empty();
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            problems.report(file, 0, "changelog skipped, not read as XML: " + e.getMessage());
            return Optional.empty();
        }
        int[] next = {0};
        return Optional.of(convert(document.getDocumentElement(), positions, next));
    }

    private static String skipped(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return "changelog skipped: it declares a DOCTYPE, and DTDs and entities are never loaded or expanded";
        }
        return "changelog skipped, malformed XML: " + message;
    }

    static DocumentBuilder documentBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature(DISALLOW_DOCTYPE, true);
        factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
        factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
        factory.setFeature(LOAD_EXTERNAL_DTD, false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setEntityResolver(XmlChangelog::refuse);
        builder.setErrorHandler(STRICT);
        return builder;
    }

    private static XMLReader saxReader() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature(DISALLOW_DOCTYPE, true);
        factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
        factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
        factory.setFeature(LOAD_EXTERNAL_DTD, false);
        factory.setXIncludeAware(false);
        SAXParser parser = factory.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        XMLReader reader = parser.getXMLReader();
        reader.setEntityResolver(XmlChangelog::refuse);
        reader.setErrorHandler(STRICT);
        return reader;
    }

    private static InputSource refuse(String publicId, String systemId) throws SAXException {
        throw new SAXException("external entity refused: " + systemId);
    }

    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** Where an element's start tag begins, and its own text with the lines it spans kept. */
    private record Position(int line, String text, int textLine) { }

    private static List<Position> positions(byte[] xml) throws ParserConfigurationException, SAXException, IOException {
        XMLReader reader = saxReader();
        PositionHandler handler = new PositionHandler(ScriptFiles.decode(xml));
        reader.setContentHandler(handler);
        reader.parse(new InputSource(new ByteArrayInputStream(xml)));
        return handler.positions;
    }

    /**
     * Records element positions in document order. The locator stands at the end of each event: a start
     * tag's line is found by looking back to its {@code <}; a run of text starts as many lines above the
     * locator as it has line breaks.
     */
    private static final class PositionHandler extends DefaultHandler {
        private final String source;
        private final int[] lineStarts;
        private final List<Position> positions = new ArrayList<>();
        private final List<Integer> open = new ArrayList<>();
        private final List<StringBuilder> texts = new ArrayList<>();
        /** Per open element: the line its text starts on, and the line the text has reached. */
        private final List<int[]> textLines = new ArrayList<>();
        private Locator locator;

        PositionHandler(String source) {
            this.source = source;
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = 0; i < source.length(); i++) if (source.charAt(i) == '\n') starts.add(i + 1);
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            open.add(positions.size());
            positions.add(new Position(tagStartLine(), null, 0));
            texts.add(new StringBuilder());
            textLines.add(new int[] {0, 0});
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (open.isEmpty()) return;
            String chunk = new String(ch, start, length);
            int breaks = (int) chunk.chars().filter(c -> c == '\n').count();
            int chunkLine = locator.getLineNumber() - breaks;
            StringBuilder text = texts.get(texts.size() - 1);
            int[] lines = textLines.get(textLines.size() - 1);
            if (lines[0] == 0) {
                lines[0] = chunkLine;
                lines[1] = chunkLine;
            }
            for (; lines[1] < chunkLine; lines[1]++) text.append('\n');
            text.append(chunk);
            lines[1] += breaks;
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            int index = open.remove(open.size() - 1);
            String text = texts.remove(texts.size() - 1).toString();
            int[] lines = textLines.remove(textLines.size() - 1);
            positions.set(index, new Position(positions.get(index).line(), text, lines[0]));
        }

        /** The line of the {@code <} before the locator, which stands just after the start tag. */
        private int tagStartLine() {
            int line = locator.getLineNumber();
            if (line < 1 || line > lineStarts.length) return Math.max(line, 0);
            int offset = Math.min(lineStarts[line - 1] + Math.max(locator.getColumnNumber() - 1, 0), source.length());
            int lt = source.lastIndexOf('<', Math.max(offset - 1, 0));
            if (lt < 0) return line;
            int found = java.util.Arrays.binarySearch(lineStarts, lt);
            return (found >= 0 ? found : -found - 2) + 1;
        }
    }

    /**
     * Liquibase's own elements (or unqualified ones) keep their plain name; any other namespace keeps its
     * prefix, so {@code <xi:include>} or an extension's {@code <ext:createTable>} is never read as a core change.
     */
    private static boolean liquibase(Element element) {
        String namespace = element.getNamespaceURI();
        return element.getLocalName() != null
                && (namespace == null || namespace.startsWith("http://www.liquibase.org/xml/ns/dbchangelog"));
    }

    private static ChangeNode convert(Element element, List<Position> positions, int[] next) {
        Position at = next[0] < positions.size() ? positions.get(next[0]) : null;
        next[0]++;
        Map<String, String> attributes = new LinkedHashMap<>();
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Node a = map.item(i);
            String name = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
            attributes.put(name, a.getNodeValue());
        }
        List<ChangeNode> children = new ArrayList<>();
        StringBuilder ownText = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                children.add(convert(e, positions, next));
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                ownText.append(child.getNodeValue());
            }
        }
        String name = liquibase(element) ? element.getLocalName() : element.getNodeName();
        if (at == null) return new ChangeNode(name, attributes, children, ownText.toString(), 0, 0);
        return new ChangeNode(name, attributes, children, at.text(), at.line(), at.textLine());
    }
}
