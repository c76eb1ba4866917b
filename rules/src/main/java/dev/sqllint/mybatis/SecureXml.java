package dev.sqllint.mybatis;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The JDK's SAX parser, locked down for reading files of unknown origin without ever touching the network
 * or the file system. MyBatis mappers declare {@code <!DOCTYPE mapper PUBLIC ... "http://mybatis.org/dtd/...">},
 * so a DOCTYPE is accepted, but the external DTD is never loaded (the nonvalidating load-external-dtd feature
 * is off, external access is empty, and the entity resolver answers every request with nothing), external
 * general and parameter entities are off, XInclude is off and secure processing caps whatever is left. The
 * caller's declaration handler refuses entity declarations outright, so an internal-subset entity bomb is
 * rejected before anything is expanded.
 */
final class SecureXml {

    static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";
    static final String DECLARATION_HANDLER = "http://xml.org/sax/properties/declaration-handler";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";

    private SecureXml() {
    }

    static XMLReader reader() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature(LOAD_EXTERNAL_DTD, false);
        factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
        factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
        SAXParser parser = factory.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        XMLReader reader = parser.getXMLReader();
        reader.setEntityResolver((publicId, systemId) -> nothing());
        return reader;
    }

    /** What every external DTD or entity resolves to: an empty document. */
    static InputSource nothing() {
        return new InputSource(new StringReader(""));
    }
}
