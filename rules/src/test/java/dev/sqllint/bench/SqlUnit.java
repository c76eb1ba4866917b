package dev.sqllint.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL-bearing unit of the corpus: a DAO, repository or mapper of one {@link UnitKind} in one module,
 * with the incident it plants ({@code incident}, a rule name, or null) and the look-alike it carries
 * ({@code lookAlike}, or null). Its own seed makes its text independent of every other file's.
 */
record SqlUnit(int index, UnitKind kind, Domain domain, String className, String incident, String lookAlike, long seed) {

    private static final Pattern PARAM = Pattern.compile(":(\\w+)");

    String pkg() {
        return domain.pkg() + ".persistence";
    }

    String javaPath(String pkg, String simpleName) {
        return "src/main/java/" + pkg.replace('.', '/') + "/" + simpleName + ".java";
    }

    /**
     * The statements of a text-SQL unit: a few everyday ones, the incident and the look-alike at random
     * places. {@code jpql}: the unit can also issue JPQL, which incidents of the JPQL rules then use half the time.
     */
    List<SqlShape> statements(Random rnd, boolean jpql) {
        List<Integer> pool = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        Collections.shuffle(pool, rnd);
        int clean = 2 + rnd.nextInt(4);
        List<SqlShape> out = new ArrayList<>();
        for (int i = 0; i < clean; i++) {
            out.add(jpql && rnd.nextInt(3) > 0 ? SqlShape.jpqlClean(domain, pool.get(i)) : SqlShape.clean(domain, pool.get(i)));
        }
        if (incident != null) {
            boolean asJpql = jpql && SqlShape.JPQL_RULES.contains(incident) && rnd.nextBoolean();
            out.add(rnd.nextInt(out.size() + 1), asJpql ? SqlShape.jpqlIncident(incident, domain) : SqlShape.incident(incident, domain));
        }
        if (lookAlike != null) {
            boolean asJpql = jpql && SqlShape.JPQL_RULES.contains(lookAlike) && rnd.nextBoolean();
            out.add(rnd.nextInt(out.size() + 1), asJpql ? SqlShape.jpqlLookAlike(lookAlike, domain) : SqlShape.lookAlike(lookAlike, domain));
        }
        return out;
    }

    /** Distinct method names within one class. */
    static final class Names {
        private final Set<String> used = new LinkedHashSet<>();

        String unique(String name) {
            String n = name;
            for (int i = 2; !used.add(n); i++) n = name + i;
            return n;
        }
    }

    /** The named parameters of a statement, each once, in order of appearance. */
    static List<String> params(SqlShape s) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : s.lines()) {
            Matcher m = PARAM.matcher(line);
            while (m.find()) out.add(m.group(1));
        }
        return new ArrayList<>(out);
    }

    /** Every parameter occurrence, in order: what positional binding binds. */
    static List<String> occurrences(SqlShape s) {
        List<String> out = new ArrayList<>();
        Matcher m = PARAM.matcher(String.join(" ", s.lines()));
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static String javaType(String param) {
        if (param.endsWith("Ids") || param.equals("ids")) return "List<Long>";
        if (param.equals("names")) return "List<String>";
        if (param.equals("id") || param.endsWith("Id")) return "long";
        return "String";
    }

    /** {@code long userId, String state} */
    static String declarations(List<String> params) {
        List<String> out = new ArrayList<>();
        for (String p : params) out.add(javaType(p) + " " + p);
        return String.join(", ", out);
    }

    static boolean isQuery(SqlShape s) {
        String first = s.lines().get(0).trim().toLowerCase(java.util.Locale.ROOT);
        return first.startsWith("select");
    }

    static String quote(String s) {
        return "\"" + s + "\"";
    }

    /**
     * Writes {@code prefix "line0"} and {@code + " lineN"} continuation lines, the last followed by
     * {@code suffix}, marking the line that holds the planted token.
     */
    static void concatenation(SourceText t, String prefix, SqlShape s, SqlShape.Style style, String suffix) {
        List<String> lines = s.lines();
        t.expect(s.ruleAt(0)).line(prefix + quote(style.apply(lines.get(0))) + (lines.size() == 1 ? suffix : ""));
        t.in().in();
        for (int i = 1; i < lines.size(); i++) {
            t.expect(s.ruleAt(i)).line("+ " + quote(" " + style.apply(lines.get(i))) + (i == lines.size() - 1 ? suffix : ""));
        }
        t.out().out();
    }

    /** Writes {@code prefix """}, one SQL line per Java line, and {@code """suffix}. */
    static void textBlock(SourceText t, String prefix, SqlShape s, SqlShape.Style style, String suffix) {
        t.line(prefix + "\"\"\"");
        t.in().in();
        for (int i = 0; i < s.lines().size(); i++) t.expect(s.ruleAt(i)).line(style.apply(s.lines().get(i)));
        t.line("\"\"\"" + suffix);
        t.out().out();
    }

    /** A constant's name for a statement: {@code VISIBLE_INVOICES}. */
    static String constantName(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }

    /** A sentence for a method's Javadoc, from its name. */
    static String describe(String method) {
        String words = method.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
    }
}
