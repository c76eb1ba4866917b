package dev.sqllint.extract.jdbi.templates;

import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.List;

/** Reads the definitions of a group file into a {@link StringTemplateGroup}, left to right. */
final class GroupParser {

    private final SqlText source;
    private final String s;
    private final StringTemplateGroup group;
    private int i;

    GroupParser(SqlText source, StringTemplateGroup group) {
        this.source = source;
        this.s = source.text();
        this.group = group;
    }

    void parse() {
        while (true) {
            skipBlanksAndComments();
            if (i >= s.length()) return;
            if (keyword("import")) {
                skipBlanksAndComments();
                String name = quoted();
                if (name == null) return;
                group.imports(name);
            } else if (keyword("group")) { // ST3: group Name : Super;  or  group Name;
                int end = s.indexOf(';', i);
                if (end < 0) return;
                String header = s.substring(i, end);
                int colon = header.indexOf(':');
                if (colon >= 0 && !header.substring(colon + 1).isBlank()) group.imports(header.substring(colon + 1).strip());
                i = end + 1;
            } else if (keyword("delimiters")) { // delimiters "$", "$": templates in another syntax are not read
                return;
            } else if (!definition()) {
                return;
            }
        }
    }

    /** {@code name(params) ::= body}, {@code name ::= [dictionary]}, {@code name ::= other}. */
    private boolean definition() {
        if (s.charAt(i) == '@') i++; // @t.region() ::= ...: read and dropped below (the name has a dot)
        int start = i;
        while (i < s.length() && (Character.isJavaIdentifierPart(s.charAt(i)) || s.charAt(i) == '.')) i++;
        if (i == start) return false;
        String name = s.substring(start, i);
        skipBlanksAndComments();
        List<String> params = new ArrayList<>();
        if (i < s.length() && s.charAt(i) == '(') {
            int close = s.indexOf(')', i);
            if (close < 0) return false;
            for (String p : s.substring(i + 1, close).split(",")) {
                String n = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
                if (!n.isBlank()) params.add(n.strip());
            }
            i = close + 1;
            skipBlanksAndComments();
        }
        if (!s.startsWith("::=", i)) return false;
        i += 3;
        skipBlanksAndComments();
        if (i >= s.length()) return false;
        SqlText body;
        if (s.startsWith("<<", i)) {
            int from = i + 2;
            int end = s.indexOf(">>", from);
            if (end < 0) return false;
            i = end + 2;
            int a = from;
            int b = end;
            // ST drops the newline right after << and the one right before >>
            if (a < b && s.charAt(a) == '\r') a++;
            if (a < b && s.charAt(a) == '\n') a++;
            if (b > a && s.charAt(b - 1) == '\n') b--;
            if (b > a && s.charAt(b - 1) == '\r') b--;
            body = slice(a, b);
        } else if (s.startsWith("<%", i)) {
            int end = s.indexOf("%>", i + 2);
            if (end < 0) return false;
            body = slice(i + 2, end);
            i = end + 2;
        } else if (s.charAt(i) == '"') {
            int end = stringEnd(i);
            if (end < 0) return false;
            body = unescapeQuotes(i + 1, end);
            i = end + 1;
        } else if (s.charAt(i) == '[') { // a dictionary
            int end = s.indexOf(']', i);
            if (end < 0) return false;
            i = end + 1;
            return true;
        } else { // an alias: a ::= b
            while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) i++;
            return true;
        }
        if (!name.contains(".")) group.define(new StringTemplateGroup.Template(name, List.copyOf(params), body, group.file()));
        return true;
    }

    private int stringEnd(int open) {
        for (int j = open + 1; j < s.length(); j++) {
            if (s.charAt(j) == '\\') j++;
            else if (s.charAt(j) == '"') return j;
        }
        return -1;
    }

    /** A "..." body: {@code \"} is a quote; other escapes ({@code \>}) are the template's own and stay. */
    private SqlText unescapeQuotes(int from, int to) {
        SqlText out = slice(from, to);
        for (int j = out.text().indexOf("\\\""); j >= 0; j = out.text().indexOf("\\\"", j + 1)) out = out.replace(j, j + 1, "");
        return out;
    }

    private String quoted() {
        if (i >= s.length() || s.charAt(i) != '"') return null;
        int end = stringEnd(i);
        if (end < 0) return null;
        String v = s.substring(i + 1, end);
        i = end + 1;
        return v;
    }

    private boolean keyword(String word) {
        if (!s.startsWith(word, i)) return false;
        int after = i + word.length();
        if (after < s.length() && Character.isJavaIdentifierPart(s.charAt(after))) return false;
        i = after;
        return true;
    }

    private void skipBlanksAndComments() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end + 1;
            } else if (s.startsWith("<!", i)) {
                int end = s.indexOf("!>", i + 2);
                i = end < 0 ? s.length() : end + 2;
            } else {
                return;
            }
        }
    }

    private SqlText slice(int from, int to) {
        if (from >= to) return SqlText.empty();
        SqlText out = to < source.length() ? source.replace(to, source.length(), "") : source;
        return from > 0 ? out.replace(0, from, "") : out;
    }
}
