package dev.sqllint.mybatis;

/** The XML is not read: malformed, or it declares an entity. {@code line} is 0 when unknown. */
final class XmlSyntaxException extends Exception {

    private final int line;

    XmlSyntaxException(int line, String reason) {
        super(reason);
        this.line = line;
    }

    int line() {
        return line;
    }
}
