package dev.sqllint.mybatis;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An element with its attributes (values positioned like text, since {@code open="("} or {@code prefix="WHERE"}
 * become SQL) and its children; {@code origin} is where its start tag begins.
 */
record XmlElement(String name, Map<String, SqlText> attributes, List<XmlNode> children, Origin origin) implements XmlNode {

    XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The attribute's value, or null when it is absent. */
    String attribute(String attributeName) {
        SqlText v = attributes.get(attributeName);
        return v == null ? null : v.text();
    }

    /** The child elements with one of these names, in document order. */
    List<XmlElement> elements(String... names) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlNode n : children) {
            if (!(n instanceof XmlElement e)) continue;
            for (String name : names) {
                if (e.name().equals(name)) {
                    out.add(e);
                    break;
                }
            }
        }
        return out;
    }

    XmlElement withChildren(List<XmlNode> newChildren) {
        return new XmlElement(name, attributes, newChildren, origin);
    }

    XmlElement withAttributes(Map<String, SqlText> newAttributes) {
        return new XmlElement(name, newAttributes, children, origin);
    }
}
