package dev.sqllint.mybatis;

import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a statement's dynamic SQL ({@code <if>}, {@code <choose>}, {@code <where>}, {@code <set>},
 * {@code <trim>}, {@code <foreach>}, {@code <bind>}) into representative variants of the SQL MyBatis can
 * issue, each character keeping its position. Every {@code <if>} is a choice (present or absent; ifs with the
 * same {@code test} decide together, since a mapper often opens and closes a group under one condition),
 * every {@code <choose>} a choice of one branch (or none, without {@code <otherwise>}). When the choices
 * multiply to at most {@link #MAX_VARIANTS} every combination is taken; otherwise the fullest variant (every
 * if present, the first branches), each other branch alone, the barest variant, then each if absent alone,
 * up to the cap (the same cap as Java string variants).
 *
 * <p>{@code <foreach>} is one item with its open, close and (unused) separator: one {@code #{item}} is as
 * good as many for the shape of the query. {@code <bind>} writes nothing; its name is used as
 * {@code #{name}} (a bind parameter) or {@code ${name}} (an identifier placeholder) like any other.
 * {@code <selectKey>} is not part of the statement's SQL, as in MyBatis.
 *
 * <p>A variant in which a {@code <set>}, or a {@code <trim>} that opens a SET, a VALUES or a parenthesised
 * list, comes out empty is one the application never issues (MyBatis would send {@code UPDATE t WHERE ...}):
 * it is dropped, unless no variant is left.
 */
final class DynamicSql {

    static final int MAX_VARIANTS = 16;

    private final List<Integer> options = new ArrayList<>();
    private final List<Boolean> isIf = new ArrayList<>();
    private final Map<XmlElement, Integer> pointOf = new IdentityHashMap<>();
    private final Map<String, Integer> ifByTest = new HashMap<>();

    private DynamicSql() {
    }

    /** The variants of the SQL under {@code statement} (its includes already resolved), distinct, at most the cap. */
    static List<SqlText> variants(XmlElement statement) {
        DynamicSql d = new DynamicSql();
        d.collect(statement);
        Map<String, SqlText> byText = new LinkedHashMap<>();
        SqlText impossible = null;
        for (int[] choice : d.choices()) {
            Out out = new Out(true);
            d.render(statement.children(), choice, out);
            if (out.impossible[0]) {
                if (impossible == null) impossible = out.sql;
                continue;
            }
            byText.putIfAbsent(out.sql.text(), out.sql);
            if (byText.size() >= MAX_VARIANTS) break;
        }
        if (byText.isEmpty() && impossible != null) return List.of(impossible);
        return new ArrayList<>(byText.values());
    }

    private void collect(XmlElement element) {
        for (XmlNode n : element.children()) {
            if (!(n instanceof XmlElement e)) continue;
            if (e.name().equals("if")) {
                String test = String.valueOf(e.attribute("test")).replaceAll("\\s+", " ").strip();
                Integer point = ifByTest.get(test);
                if (point == null) {
                    point = newPoint(2, true);
                    ifByTest.put(test, point);
                }
                pointOf.put(e, point);
            } else if (e.name().equals("choose")) {
                pointOf.put(e, newPoint(e.elements("when").size() + 1, false));
            }
            collect(e);
        }
    }

    private int newPoint(int n, boolean anIf) {
        options.add(n);
        isIf.add(anIf);
        return options.size() - 1;
    }

    /** Option 0 of each point is the fullest: the if present, the first when. */
    List<int[]> choices() {
        int points = options.size();
        long product = 1;
        for (int n : options) product = Math.min(product * n, MAX_VARIANTS + 1L);
        List<int[]> out = new ArrayList<>();
        if (product <= MAX_VARIANTS) {
            int[] c = new int[points];
            while (true) {
                out.add(c.clone());
                int i = points - 1;
                while (i >= 0 && ++c[i] == options.get(i)) c[i--] = 0;
                if (i < 0) return out;
            }
        }
        int[] fullest = new int[points];
        out.add(fullest);
        for (int p = 0; p < points; p++) {
            if (isIf.get(p)) continue;
            for (int o = 1; o < options.get(p); o++) out.add(with(fullest, p, o));
        }
        int[] barest = new int[points];
        for (int p = 0; p < points; p++) barest[p] = options.get(p) - 1;
        out.add(barest);
        for (int p = 0; p < points; p++) if (isIf.get(p)) out.add(with(fullest, p, 1));
        return out;
    }

    private static int[] with(int[] base, int point, int option) {
        int[] c = base.clone();
        c[point] = option;
        return c;
    }

    /** MyBatis's DynamicContext: at the top, pieces are joined with a space; inside a trim, run together. */
    private static final class Out {
        private final boolean spaced;
        /** Shared by a variant's nested outputs: set when a list that cannot be empty is. */
        private final boolean[] impossible;
        private SqlText sql = SqlText.empty();

        Out(boolean spaced) {
            this(spaced, new boolean[1]);
        }

        private Out(boolean spaced, boolean[] impossible) {
            this.spaced = spaced;
            this.impossible = impossible;
        }

        Out inner() {
            return new Out(false, impossible);
        }

        void add(SqlText piece) {
            if (piece == null || piece.length() == 0) return;
            if (spaced && sql.length() > 0) sql = sql.append(SqlText.of(" ", piece.originAt(0)));
            sql = sql.append(piece);
        }
    }

    private void render(List<XmlNode> nodes, int[] choice, Out out) {
        for (XmlNode n : nodes) {
            if (n instanceof XmlText t) out.add(t.text());
            else if (n instanceof XmlElement e) render(e, choice, out);
        }
    }

    private void render(XmlElement e, int[] choice, Out out) {
        switch (e.name()) {
            case "if" -> {
                if (choice[pointOf.get(e)] == 0) render(e.children(), choice, out);
            }
            case "choose" -> {
                int option = choice[pointOf.get(e)];
                List<XmlElement> whens = e.elements("when");
                if (option < whens.size()) render(whens.get(option).children(), choice, out);
                else e.elements("otherwise").stream().findFirst().ifPresent(o -> render(o.children(), choice, out));
            }
            case "where" -> out.add(trimmed(e, choice, out, SqlText.of("WHERE", e.origin()), null, Trim.WHERE_OVERRIDES, List.of()));
            case "set" -> out.add(trimmed(e, choice, out, SqlText.of("SET", e.origin()), null, Trim.COMMA, Trim.COMMA));
            case "trim" -> out.add(trimmed(e, choice, out, e.attributes().get("prefix"), e.attributes().get("suffix"),
                    Trim.overrides(e.attribute("prefixOverrides")), Trim.overrides(e.attribute("suffixOverrides"))));
            case "foreach" -> {
                out.add(e.attributes().get("open"));
                render(e.children(), choice, out);
                out.add(e.attributes().get("close"));
            }
            case "bind", "selectKey", "property" -> {
                // no SQL of their own
            }
            case "include" -> out.add(SqlText.placeholder(e.origin())); // not resolved (a <script> annotation)
            default -> render(e.children(), choice, out);
        }
    }

    private SqlText trimmed(XmlElement e, int[] choice, Out out, SqlText prefix, SqlText suffix, List<String> prefixOverrides,
                            List<String> suffixOverrides) {
        Out inner = out.inner();
        render(e.children(), choice, inner);
        SqlText sql = Trim.apply(inner.sql, prefix, suffix, prefixOverrides, suffixOverrides, e.origin());
        if (sql.length() == 0 && mustNotBeEmpty(prefix)) out.impossible[0] = true;
        return sql;
    }

    /** SET, VALUES and an opening parenthesis start lists SQL does not allow empty. */
    private static boolean mustNotBeEmpty(SqlText prefix) {
        if (prefix == null) return false;
        String p = prefix.text().strip().toUpperCase(java.util.Locale.ENGLISH);
        return p.startsWith("SET") || p.startsWith("VALUES") || p.startsWith("(");
    }

    /** Whether the text holds some SQL besides placeholders and {@code ${...}} substitutions. */
    static boolean hasStaticText(SqlText sql) {
        String s = sql.text().replaceAll("\\$\\{[^}]*}", " ").replace(Placeholders.DYNAMIC, " ");
        return !s.isBlank();
    }
}
