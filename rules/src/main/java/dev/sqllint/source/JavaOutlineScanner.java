package dev.sqllint.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link JavaOutline} from source text in one pass over its characters, skipping comments and literals
 * the way the Java lexer does, at a small fraction of the cost of parsing. It never fails: on text it does
 * not understand it still returns an outline, and a file it might misread (Unicode escapes, which can stand
 * for quotes) is reported as signalled so it gets a full parse.
 */
public final class JavaOutlineScanner {

    /** What makes a file worth a full parse. Implementations must be thread-safe. */
    public interface Signals {
        /** A name whose mention matters: a sink type, a query annotation, an entity annotation. */
        boolean identifier(String name);

        /**
         * A method name whose call matters: {@code prepareStatement(}, or {@code query(} given whether it has a
         * receiver ({@code x.query(}: a declaration {@code Result query(} has none) and what its first argument
         * starts with ({@code firstArgument}: the first character after the parenthesis, or 0).
         */
        boolean call(String name, boolean afterDot, char firstArgument);

        /** A string literal's raw text, {@code text[from, to)}, reads like part of a statement. */
        boolean literal(String text, int from, int to);
    }

    private final String text;
    private final Signals signals;
    private final int n;
    private int depth;
    private char lastSignificant;
    private boolean signalled;
    private StringBuilder packageName;
    private boolean packageDone;
    private boolean expectTypeName;
    private boolean collectingSupertypes;
    private int angles;
    private final List<String> topLevel = new ArrayList<>(2);
    private final List<String> supertypes = new ArrayList<>(2);
    private final java.util.Set<String> dataAccessNames = new java.util.LinkedHashSet<>(2);
    /** How the names of query interfaces end, by convention: what a file that may call one mentions. */
    private static final String[] DATA_ACCESS_SUFFIXES = {"Repository", "Repo", "Mapper", "Dao", "DAO"};
    /** A loop, or a call that runs a lambda per element: where a query per row can be. */
    private static final java.util.Set<String> LOOP_WORDS = java.util.Set.of("for", "while", "do", "forEach",
            "forEachOrdered", "map", "flatMap", "filter", "peek", "anyMatch", "allMatch", "noneMatch", "mapToObj",
            "mapToLong", "mapToInt", "mapToDouble", "removeIf", "replaceAll", "collect", "reduce");
    private boolean loops;

    private JavaOutlineScanner(String text, Signals signals) {
        this.text = text;
        this.signals = signals;
        this.n = text.length();
    }

    public static JavaOutline scan(String text, Signals signals) {
        return new JavaOutlineScanner(text, signals).run();
    }

    private JavaOutline run() {
        signalled = text.contains("\\u"); // anywhere, even in a literal: javac translates them before lexing
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { // a third of a file is indentation: first, and fast
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                i = lineEnd(i);
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"') {
                i = stringLiteral(i);
                token('"');
            } else if (c == '\'') {
                i = charLiteral(i);
                token('\'');
            } else if (isIdentifierStart(c)) {
                int end = identifierEnd(i + 1);
                identifier(text.substring(i, end), end);
                i = end;
            } else {
                if (!Character.isWhitespace(c)) punctuation(c);
                i++;
            }
        }
        String pkg = packageName == null ? "" : packageName.toString();
        // the names matter only where a loop can issue a query per row (QueryInLoop): a file without one is not parsed
        return new JavaOutline(pkg, List.copyOf(topLevel), List.copyOf(supertypes), signalled, false, false,
                loops ? List.copyOf(dataAccessNames) : List.of());
    }

    private void punctuation(char c) {
        if (packageName != null && !packageDone) {
            if (c == '.') packageName.append('.');
            else if (c == ';') packageDone = true;
        }
        if (c == '{') {
            depth++;
            collectingSupertypes = false;
        } else if (c == '}') {
            depth = Math.max(0, depth - 1);
        } else if (collectingSupertypes) {
            if (c == '<') angles++;
            else if (c == '>') angles = Math.max(0, angles - 1);
            else if (c == '(' || c == ';') collectingSupertypes = false;
        }
        token(c);
    }

    /** Any token but an identifier: a pending type name did not come. */
    private void token(char c) {
        if (c != '@') expectTypeName = false;
        lastSignificant = c;
    }

    private void identifier(String name, int end) {
        boolean afterDot = lastSignificant == '.';
        lastSignificant = 'a';
        if (packageName != null && !packageDone) {
            packageName.append(name);
            return;
        }
        if (expectTypeName) {
            expectTypeName = false;
            if (depth == 0) topLevel.add(name);
        } else if (depth == 0 && packageName == null && topLevel.isEmpty() && name.equals("package")) {
            packageName = new StringBuilder();
            return;
        }
        switch (name) {
            case "class", "interface", "enum", "record" -> expectTypeName = !afterDot;
            case "extends", "implements" -> {
                collectingSupertypes = true;
                angles = 0;
            }
            case "permits" -> collectingSupertypes = false;
            default -> {
                if (collectingSupertypes && angles == 0) supertypes.add(name);
            }
        }
        if (!loops && LOOP_WORDS.contains(name)) loops = true;
        if (Character.isUpperCase(name.charAt(0)) && dataAccessNames.size() < 64) {
            for (String suffix : DATA_ACCESS_SUFFIXES) {
                if (name.endsWith(suffix) && name.length() > suffix.length()) dataAccessNames.add(name);
            }
        }
        if (signalled) return;
        if (signals.identifier(name)) {
            signalled = true;
            return;
        }
        int next = nextSignificant(end);
        if (next < n && text.charAt(next) == '(') {
            int argument = nextSignificant(next + 1);
            signalled = signals.call(name, afterDot, argument < n ? text.charAt(argument) : 0);
        }
    }

    private int nextSignificant(int from) {
        int i = from;
        while (i < n && Character.isWhitespace(text.charAt(i))) i++;
        return i;
    }

    /** A string literal or text block: its content goes to the literal signal; returns where it ends. */
    private int stringLiteral(int start) {
        boolean block = start + 2 < n && text.charAt(start + 1) == '"' && text.charAt(start + 2) == '"';
        int quotes = block ? 3 : 1;
        int i = start + quotes;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (block ? text.startsWith("\"\"\"", i) : c == '"' || c == '\n') {
                break;
            } else {
                i++;
            }
        }
        int end = Math.min(i, n);
        if (!signalled && signals.literal(text, start + quotes, end)) signalled = true;
        return Math.min(end + quotes, n);
    }

    private int charLiteral(int start) {
        int i = start + 1;
        while (i < n && i < start + 12) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'' || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return Math.min(i, n);
    }

    private int lineEnd(int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? n : nl + 1;
    }

    private int identifierEnd(int from) {
        int i = from;
        while (i < n && isIdentifierPart(text.charAt(i))) i++;
        return i;
    }

    private static boolean isIdentifierStart(char c) {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
        return Character.isJavaIdentifierStart(c);
    }

    private static boolean isIdentifierPart(char c) {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
        return Character.isJavaIdentifierPart(c);
    }
}
