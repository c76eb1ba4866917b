package dev.sqllint.mybatis;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Parses XML into {@link XmlElement}s whose text and attribute values know, character by character, where they
 * are written. The JDK's DOM keeps no positions, and SAX's {@link Locator} only says where each event ends;
 * but markup ends exactly where the next text begins, so each run of text is placed from the end of the
 * markup before it and aligned with the source by {@link RawAlignment}. Positions go through
 * {@code originAt(offset)}: lines and columns of a mapper file, or the Java positions of a {@code <script>}
 * annotation's characters.
 */
final class PositionedXmlParser extends DefaultHandler2 {

    private final String text;
    private final IntFunction<Origin> originAt;
    private final TextPositions positions;
    private final Deque<Open> open = new ArrayDeque<>();
    private final List<XmlComment> comments = new ArrayList<>();
    private final StringBuilder run = new StringBuilder();
    private Locator locator;
    private int markupEnd;
    private XmlElement root;

    private record Open(String name, Map<String, SqlText> attributes, List<XmlNode> children, Origin origin) {
    }

    private PositionedXmlParser(String text, IntFunction<Origin> originAt) {
        this.text = text;
        this.originAt = originAt;
        this.positions = new TextPositions(text);
    }

    /** Parses {@code text}; {@code originAt} maps an offset in it to where that character is written. */
    static XmlDocument parse(String text, IntFunction<Origin> originAt) throws XmlSyntaxException {
        PositionedXmlParser handler = new PositionedXmlParser(text, originAt);
        try {
            XMLReader reader = SecureXml.reader();
            reader.setContentHandler(handler);
            reader.setErrorHandler(handler);
            reader.setEntityResolver(handler);
            reader.setProperty(SecureXml.LEXICAL_HANDLER, handler);
            reader.setProperty(SecureXml.DECLARATION_HANDLER, handler);
            reader.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw new XmlSyntaxException(Math.max(0, e.getLineNumber()), String.valueOf(e.getMessage()));
        } catch (SAXException | IOException | ParserConfigurationException | RuntimeException e) {
            throw new XmlSyntaxException(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (StackOverflowError e) {
            throw new XmlSyntaxException(0, "nested too deeply");
        }
        if (handler.root == null) throw new XmlSyntaxException(0, "no root element");
        return new XmlDocument(handler.root, handler.comments);
    }

    private int here() {
        return locator == null ? 0 : positions.offset(locator.getLineNumber(), locator.getColumnNumber());
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        flushText();
        int end = here();
        int start = Math.max(0, text.lastIndexOf('<', Math.max(0, end - 1)));
        Map<String, Integer> valueStarts = StartTag.valueStarts(text, start, end);
        Map<String, SqlText> values = new LinkedHashMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = attributes.getQName(i);
            int from = valueStarts.getOrDefault(name, start);
            values.put(name, RawAlignment.attribute(attributes.getValue(i), text, from, originAt));
        }
        open.push(new Open(qName, values, new ArrayList<>(), originAt.apply(start)));
        markupEnd = end;
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        flushText();
        Open o = open.pop();
        XmlElement element = new XmlElement(o.name(), o.attributes(), o.children(), o.origin());
        if (open.isEmpty()) root = element;
        else open.peek().children().add(element);
        markupEnd = here();
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (!open.isEmpty()) run.append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    @Override
    public void comment(char[] ch, int start, int length) {
        flushText();
        int end = here();
        int begin = Math.max(0, text.lastIndexOf("<!--", Math.max(0, end - 1)));
        comments.add(new XmlComment(originAt.apply(begin).line(), originAt.apply(Math.max(begin, end - 1)).line(),
                new String(ch, start, length)));
        markupEnd = end;
    }

    @Override
    public void processingInstruction(String target, String data) {
        flushText();
        markupEnd = here();
    }

    @Override
    public void endDTD() {
        markupEnd = here();
    }

    /** Mappers never need entities; refusing every declaration rejects entity bombs before any expansion. */
    @Override
    public void internalEntityDecl(String name, String value) throws SAXException {
        throw new SAXParseException("declares the entity " + name + ": entity declarations are refused, none is expanded", locator);
    }

    @Override
    public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
        throw new SAXParseException("declares the external entity " + name + ": entity declarations are refused, none is loaded", locator);
    }

    @Override
    public InputSource resolveEntity(String name, String publicId, String baseURI, String systemId) {
        return SecureXml.nothing();
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) {
        return SecureXml.nothing();
    }

    @Override
    public InputSource getExternalSubset(String name, String baseURI) {
        return null;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        throw e;
    }

    @Override
    public void error(SAXParseException e) {
        // validity errors: the document is not validated against a DTD it never loads
    }

    @Override
    public void warning(SAXParseException e) {
    }

    private void flushText() {
        if (run.isEmpty() || open.isEmpty()) {
            run.setLength(0);
            return;
        }
        open.peek().children().add(new XmlText(RawAlignment.text(run.toString(), text, markupEnd, originAt)));
        run.setLength(0);
    }
}
