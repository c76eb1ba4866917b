package dev.sqllint.mybatis;

import java.util.HashMap;
import java.util.Map;

/** Reads a start tag as written, to find where each attribute's value begins (SAX reports values only). */
final class StartTag {

    private StartTag() {
    }

    /** For the start tag written in {@code [start, end)}: attribute name to the offset just after its opening quote. */
    static Map<String, Integer> valueStarts(String text, int start, int end) {
        Map<String, Integer> out = new HashMap<>();
        int p = start + 1;
        end = Math.min(end, text.length());
        while (p < end && !isSpace(text.charAt(p)) && text.charAt(p) != '>' && text.charAt(p) != '/') p++; // the name
        while (p < end) {
            while (p < end && isSpace(text.charAt(p))) p++;
            int nameStart = p;
            while (p < end && !isSpace(text.charAt(p)) && text.charAt(p) != '=' && text.charAt(p) != '>' && text.charAt(p) != '/') p++;
            if (p == nameStart) break;
            String name = text.substring(nameStart, p);
            while (p < end && isSpace(text.charAt(p))) p++;
            if (p >= end || text.charAt(p) != '=') break;
            p++;
            while (p < end && isSpace(text.charAt(p))) p++;
            if (p >= end || (text.charAt(p) != '"' && text.charAt(p) != '\'')) break;
            char quote = text.charAt(p);
            int close = text.indexOf(quote, p + 1);
            if (close < 0 || close >= end) break;
            out.put(name, p + 1);
            p = close + 1;
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
