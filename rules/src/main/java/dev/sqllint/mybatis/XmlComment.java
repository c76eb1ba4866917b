package dev.sqllint.mybatis;

/** A {@code <!-- comment -->}: the lines it spans and what it says (for {@code sqllint:ignore}). */
record XmlComment(int firstLine, int lastLine, String content) {
}
