package dev.sqllint.source;

import java.util.ArrayList;
import java.util.List;

/**
 * What a cheap scan of a Java file's text shows, without parsing it: its package, the types it declares at top
 * level, the simple names of the types its declarations extend or implement, whether anything in it can matter to
 * SQL analysis (see {@link JavaOutlineScanner.Signals}), whether it has a JPA mapping annotation, and whether it
 * mentions sqllint (a suppression), and, when it has a loop, the names it uses that read like a query interface's
 * ({@code OrderRepository}, {@code LineMapper}, {@code ShipmentDao}: the file may call one per row of another).
 */
public record JavaOutline(String packageName, List<String> topLevelTypes, List<String> supertypes, boolean signalled,
                          boolean mapped, boolean mentionsSqllint, List<String> dataAccessNames) {

    /** The annotations that make a file a JPA mapping (by simple name, qualified or not). */
    private static final String[] MAPPING_NAMES = {"Entity", "MappedSuperclass", "Embeddable", "NamedQuery",
            "NamedQueries", "NamedNativeQuery", "NamedNativeQueries"};

    /** The outline of {@code text}, with what {@code signals} say matters. */
    public static JavaOutline of(String text, JavaOutlineScanner.Signals signals) {
        JavaOutline scanned = JavaOutlineScanner.scan(text, signals);
        return new JavaOutline(scanned.packageName, scanned.topLevelTypes, scanned.supertypes, scanned.signalled,
                mentionsMapping(text), text.contains("sqllint"), scanned.dataAccessNames);
    }

    /**
     * Whether {@code text} has a mapping annotation anywhere, comments and literals included: an {@code @}, names
     * and dots ({@code @jakarta.persistence.Entity}), then one of {@link #MAPPING_NAMES} as a whole word. The
     * regular expression {@code @(?:[\w$]+\.)*(?:Entity|...)\b} said the same, at half the pre-filter's time: it
     * tried every position of every file. The qualifiers' characters are ASCII, as the expression's
     * {@code \w} are; a word ends where its {@code \b} says.
     */
    static boolean mentionsMapping(String text) {
        int n = text.length();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at + 1; // where a name may begin: after the @, and after each qualifier's dot
            while (start < n) {
                if (mappingNameAt(text, start)) return true;
                int end = start;
                while (end < n && (isWordChar(text.charAt(end)) || text.charAt(end) == '$')) end++;
                if (end == start || end >= n || text.charAt(end) != '.') break;
                start = end + 1;
            }
        }
        return false;
    }

    private static boolean mappingNameAt(String text, int at) {
        for (String name : MAPPING_NAMES) {
            int end = at + name.length();
            if (text.startsWith(name, at) && (end == text.length() || !continuesWord(text.codePointAt(end)))) return true;
        }
        return false;
    }

    /** What the expression's {@code \b} takes for part of the word before it: a letter, digit, _ or combining mark. */
    private static boolean continuesWord(int c) {
        return c == '_' || Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** The top-level types by qualified name. */
    public List<String> qualifiedTypes() {
        List<String> out = new ArrayList<>(topLevelTypes.size());
        for (String t : topLevelTypes) out.add(packageName.isEmpty() ? t : packageName + "." + t);
        return out;
    }
}
