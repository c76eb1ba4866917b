package dev.sqllint.extract;

import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations on the set of variants a string can take (one per branch). Capped, because every
 * independent {@code if} doubles the count; the first variants kept are the ones with the most branches
 * taken, which hold the most SQL.
 */
final class Variants {

    static final int MAX = 16;

    private Variants() {
    }

    static List<SqlText> concat(List<SqlText> left, List<SqlText> right) {
        List<SqlText> out = new ArrayList<>();
        for (SqlText l : left) {
            for (SqlText r : right) {
                out.add(l.append(r));
                if (out.size() >= MAX * 4) return distinct(out);
            }
        }
        return distinct(out);
    }

    static List<SqlText> union(List<SqlText> a, List<SqlText> b) {
        List<SqlText> out = new ArrayList<>(a);
        out.addAll(b);
        return distinct(out);
    }

    /** Same text means same variant; keep the first, and at most {@link #MAX}. */
    static List<SqlText> distinct(List<SqlText> in) {
        Map<String, SqlText> byText = new LinkedHashMap<>();
        for (SqlText t : in) byText.putIfAbsent(t.text(), t);
        List<SqlText> out = new ArrayList<>(byText.values());
        return out.size() > MAX ? new ArrayList<>(out.subList(0, MAX)) : out;
    }
}
