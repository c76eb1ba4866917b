package dev.sqllint.extract.java;

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
public final class Variants {

    public static final int MAX = 16;

    private Variants() {
    }

    /**
     * Every left variant followed by every right one. The pairs are taken by diagonals ((0,0), (0,1), (1,0),
     * (0,2), ...), so that when the cap cuts the product, what is kept still holds each side's variants,
     * not the first left variant with every right one.
     */
    public static List<SqlText> concat(List<SqlText> left, List<SqlText> right) {
        List<SqlText> out = new ArrayList<>();
        for (int sum = 0; sum <= left.size() + right.size() - 2; sum++) {
            for (int i = Math.max(0, sum - right.size() + 1); i <= Math.min(sum, left.size() - 1); i++) {
                out.add(left.get(i).append(right.get(sum - i)));
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
    public static List<SqlText> distinct(List<SqlText> in) {
        Map<String, SqlText> byText = new LinkedHashMap<>();
        for (SqlText t : in) byText.putIfAbsent(t.text(), t);
        List<SqlText> out = new ArrayList<>(byText.values());
        return out.size() > MAX ? new ArrayList<>(out.subList(0, MAX)) : out;
    }
}
