package dev.sqllint.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one generated file, written line by line so that the generator knows on which line it planted
 * an incident: {@link #expect(String)} records that the next line written carries a finding of that rule.
 */
final class SourceText {

    /** A finding the generator planted: the rule and its 1-based line in this file. */
    record Planted(String rule, int line) {
    }

    private final StringBuilder text = new StringBuilder(4096);
    private final List<Planted> planted = new ArrayList<>();
    private int lines;
    private String pendingRule;
    private int indent;

    /** Appends one line at the current indentation. */
    SourceText line(String s) {
        if (pendingRule != null) {
            planted.add(new Planted(pendingRule, lines + 1));
            pendingRule = null;
        }
        if (!s.isEmpty()) for (int i = 0; i < indent; i++) text.append("    ");
        text.append(s).append('\n');
        lines++;
        return this;
    }

    SourceText blank() {
        return line("");
    }

    /** Opens a block: the line, then one more level of indentation. */
    SourceText open(String s) {
        line(s);
        indent++;
        return this;
    }

    /** One more level of indentation, for continuation lines. */
    SourceText in() {
        indent++;
        return this;
    }

    SourceText out() {
        indent--;
        return this;
    }

    /** Closes a block with {@code s} (usually a brace) one level out. */
    SourceText close(String s) {
        indent--;
        return line(s);
    }

    SourceText close() {
        return close("}");
    }

    /** The next line written holds the token a finding of {@code rule} points at. */
    SourceText expect(String rule) {
        if (rule != null) pendingRule = rule;
        return this;
    }

    /** The number of the last line written. */
    int lineNumber() {
        return lines;
    }

    int length() {
        return text.length();
    }

    List<Planted> planted() {
        return planted;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
