package dev.sqllint.mybatis;

/** A node of a mapper's (or a {@code <script>}'s) XML: an element or a run of text. Comments are kept apart. */
sealed interface XmlNode permits XmlElement, XmlText {
}
