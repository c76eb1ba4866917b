package dev.sqllint.mybatis;

import java.util.List;

/** A parsed XML document: its root element and its comments. */
record XmlDocument(XmlElement root, List<XmlComment> comments) {

    XmlDocument {
        comments = List.copyOf(comments);
    }
}
