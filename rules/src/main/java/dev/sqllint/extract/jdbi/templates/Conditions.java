package dev.sqllint.extract.jdbi.templates;

import java.util.Map;
import java.util.function.Function;

/**
 * StringTemplate's {@code <if(...)>} tests: an attribute ({@code x}, {@code x.y}), a template call
 * ({@code accountRecordIdField(prefix)}: true when it renders text, as a group that overrides it with
 * {@code ""} means), {@code !}, {@code &&}, {@code ||} and parentheses. An attribute is true when it has a value (known text, even empty), false when
 * it is absent; one set at run time is unknown unless the statement being rendered already took it one
 * way. An unknown test evaluates to null.
 */
final class Conditions {

    private Conditions() {
    }

    /** The attribute a test of one attribute ({@code x}, {@code !x}, {@code (x)}) reads, else null. */
    static String key(String condition) {
        String c = strip(condition);
        if (c.startsWith("!")) c = strip(c.substring(1));
        return c.matches("[A-Za-z_][A-Za-z0-9_.]*") ? c : null;
    }

    /** {@code present}: whether an attribute has a value, null when that is not known. */
    static Boolean eval(String condition, Function<String, Boolean> present, Function<String, Boolean> calls,
                        Map<String, Boolean> assumed) {
        return new Object() {
            final String s = condition;
            int i = 0;

            Boolean or() {
                Boolean v = and();
                while (skip("||")) {
                    Boolean r = and();
                    v = v == Boolean.TRUE || r == Boolean.TRUE ? Boolean.TRUE : v == null || r == null ? null : Boolean.FALSE;
                }
                return v;
            }

            Boolean and() {
                Boolean v = not();
                while (skip("&&")) {
                    Boolean r = not();
                    v = v == Boolean.FALSE || r == Boolean.FALSE ? Boolean.FALSE : v == null || r == null ? null : Boolean.TRUE;
                }
                return v;
            }

            Boolean not() {
                if (skip("!")) {
                    Boolean v = not();
                    return v == null ? null : !v;
                }
                if (skip("(")) {
                    Boolean v = or();
                    skip(")");
                    return v;
                }
                blanks();
                int start = i;
                while (i < s.length() && (Character.isJavaIdentifierPart(s.charAt(i)) || s.charAt(i) == '.')) i++;
                if (i == start) { // something else (a function call): unknown, skip to the next operator
                    while (i < s.length() && "&|)".indexOf(s.charAt(i)) < 0) i++;
                    return null;
                }
                String name = s.substring(start, i);
                blanks();
                if (i < s.length() && s.charAt(i) == '(') { // a template call: true when it renders some text
                    int open = i;
                    int depth = 0;
                    for (; i < s.length(); i++) {
                        if (s.charAt(i) == '(') depth++;
                        else if (s.charAt(i) == ')' && --depth == 0) break;
                    }
                    i = Math.min(s.length(), i + 1);
                    return calls.apply(name + s.substring(open, i));
                }
                if (assumed.containsKey(name)) return assumed.get(name);
                String root = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                Boolean v = present.apply(root);
                return v == null || name.contains(".") && v ? null : v;
            }

            boolean skip(String token) {
                blanks();
                if (!s.startsWith(token, i)) return false;
                i += token.length();
                return true;
            }

            void blanks() {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            }
        }.or();
    }

    private static String strip(String c) {
        String s = c.strip();
        while (s.startsWith("(") && s.endsWith(")")) s = s.substring(1, s.length() - 1).strip();
        return s;
    }
}
