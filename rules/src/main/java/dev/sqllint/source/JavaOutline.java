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

    private static final java.util.regex.Pattern MAPPING = java.util.regex.Pattern.compile(
            "@(?:[\\w$]+\\.)*(?:Entity|MappedSuperclass|Embeddable|NamedQuery|NamedQueries|NamedNativeQuery|NamedNativeQueries)\\b");

    /** The outline of {@code text}, with what {@code signals} say matters. */
    public static JavaOutline of(String text, JavaOutlineScanner.Signals signals) {
        JavaOutline scanned = JavaOutlineScanner.scan(text, signals);
        return new JavaOutline(scanned.packageName, scanned.topLevelTypes, scanned.supertypes, scanned.signalled,
                MAPPING.matcher(text).find(), text.contains("sqllint"), scanned.dataAccessNames);
    }

    /** The top-level types by qualified name. */
    public List<String> qualifiedTypes() {
        List<String> out = new ArrayList<>(topLevelTypes.size());
        for (String t : topLevelTypes) out.add(packageName.isEmpty() ? t : packageName + "." + t);
        return out;
    }
}
