package dev.sqllint.source;

import java.util.ArrayList;
import java.util.List;

/**
 * What a cheap scan of a Java file's text shows, without parsing it: its package, the types it declares at top
 * level, the simple names of the types its declarations extend or implement, and whether anything in it can
 * matter to SQL analysis (see {@link JavaOutlineScanner.Signals}).
 */
public record JavaOutline(String packageName, List<String> topLevelTypes, List<String> supertypes, boolean signalled) {

    /** The top-level types by qualified name. */
    public List<String> qualifiedTypes() {
        List<String> out = new ArrayList<>(topLevelTypes.size());
        for (String t : topLevelTypes) out.add(packageName.isEmpty() ? t : packageName + "." + t);
        return out;
    }
}
