package dev.sqllint.mybatis;

import dev.sqllint.sql.SqlText;

/**
 * The character data between two pieces of markup, entities decoded and CDATA unwrapped, each character
 * mapped to where it is written in the source (the XML file, or the Java literal of a {@code <script>}).
 */
record XmlText(SqlText text) implements XmlNode {
}
