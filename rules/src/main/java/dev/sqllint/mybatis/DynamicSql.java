package dev.sqllint.mybatis;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Expands a statement's dynamic SQL ({@code <if>}, {@code <choose>}, {@code <where>}, {@code <set>},
 * {@code <trim>}, {@code <foreach>}, {@code <bind>}) into representative variants of the SQL MyBatis can
 * issue, each character keeping its position. Every {@code <if>} is a choice (present or absent; ifs with the
 * same {@code test} decide together, since a mapper often opens and closes a group under one condition, and ifs
 * whose tests negate each other ({@code x != null} / {@code x == null}, {@code flag} / {@code !flag}) are that one
 * choice taken two ways, so never both written), every {@code <choose>} a choice of one branch (or none, without
 * {@code <otherwise>}). Tests of {@code _databaseId} alone are decided by the project's database, as MyBatis
 * decides them. When the choices
 * multiply to at most {@link #MAX_VARIANTS} every combination is taken; otherwise the fullest variant (every
 * if present, the first branches), each other branch alone, the barest variant, then each if absent alone,
 * up to the cap (the same cap as Java string variants).
 *
 * <p>{@code <foreach>} is one item with its open, close and (unused) separator: one {@code #{item}} is as
 * good as many for the shape of the query. {@code <bind>} writes nothing; its name is used as
 * {@code #{name}} (a bind parameter) or {@code ${name}}: a literal value ({@code value="'EVT.'"}) is the text
 * {@code ${name}} writes after it, anything else is a substitution like any other.
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
    /** The option of its point under which an if's body is written: 0 when its test is the question asked, 1 when its negation. */
    private final Map<XmlElement, Integer> writtenUnder = new IdentityHashMap<>();
    /** The ifs a choice decides, in document order (elements are records: equal copies of one fragment are distinct ifs). */
    private final List<XmlElement> decidedByChoice = new ArrayList<>();
    /** An if decided by the database: always written (true) or never (false). */
    private final Map<XmlElement, Boolean> decided = new IdentityHashMap<>();
    /** A choose's branches that can be taken, in order; the otherwise (or nothing) is the option after them unless a when always holds. */
    private final Map<XmlElement, List<XmlElement>> liveWhens = new IdentityHashMap<>();
    private final Map<XmlElement, Boolean> endsInOtherwise = new IdentityHashMap<>();
    private final Map<String, Integer> ifByQuestion = new HashMap<>();
    private final Map<XmlElement, XmlElement> enclosing = new IdentityHashMap<>();
    private final Map<Integer, Boolean> firstAnswer = new HashMap<>();
    private final DatabaseIds databaseIds;

    private DynamicSql(DatabaseIds databaseIds) {
        this.databaseIds = databaseIds;
    }

    /** The variants of the SQL under {@code statement} (its includes already resolved), distinct, at most the cap. */
    static List<SqlText> variants(XmlElement statement, DatabaseIds databaseIds) {
        DynamicSql d = of(statement, databaseIds);
        Map<String, SqlText> byText = new LinkedHashMap<>();
        SqlText impossible = null;
        for (int[] choice : d.choices()) {
            Rendered out = d.render(statement, choice);
            if (out.impossible()) {
                if (impossible == null) impossible = out.sql();
                continue;
            }
            byText.putIfAbsent(out.sql().text(), out.sql());
            if (byText.size() >= MAX_VARIANTS) break;
        }
        if (byText.isEmpty() && impossible != null) return List.of(impossible);
        return new ArrayList<>(byText.values());
    }

    /** The statement's choice points, read. */
    static DynamicSql of(XmlElement statement, DatabaseIds databaseIds) {
        DynamicSql d = new DynamicSql(databaseIds);
        d.collect(statement, null);
        return d;
    }

    /**
     * One variant's SQL; {@code impossible} when a list SQL does not allow empty came out empty. When tracked
     * ({@code render} not null), each character of an if body carries an origin of its own (equal to the mapper's,
     * not the same object) marked with the innermost if that wrote it, so where the parser stops tells one copy of an
     * included fragment from another.
     */
    record Rendered(SqlText sql, boolean impossible, Object render) {

        /** The innermost if that wrote the character with this very origin in this render; null outside every if body. */
        XmlElement writer(Origin origin) {
            return WrittenBy.in(origin, render);
        }
    }

    /** The mark of a character an if body wrote: which render, and the innermost if. */
    private record WrittenBy(Object render, XmlElement anIf) {

        /** The if that wrote the character with {@code origin} in {@code render}; null when that render marked none. */
        static XmlElement in(Origin origin, Object render) {
            return origin.mark() instanceof WrittenBy w && w.render() == render ? w.anIf() : null;
        }
    }

    Rendered render(XmlElement statement, int[] choice) {
        Out out = new Out(true, null);
        render(statement.children(), choice, out);
        return new Rendered(out.sql, out.impossible[0], null);
    }

    /** As {@link #render}, with the writer of each character kept (see {@link Rendered}). */
    Rendered renderTracked(XmlElement statement, int[] choice) {
        Out out = new Out(true, new Object());
        render(statement.children(), choice, out);
        return new Rendered(out.sql, out.impossible[0], out.render);
    }

    /** The if whose body holds {@code anIf} (a database-decided one included); null at the statement's top. */
    XmlElement enclosingIf(XmlElement anIf) {
        return enclosing.get(anIf);
    }

    /** Whether a choice decides the if (the database decides the others). */
    boolean chosen(XmlElement anIf) {
        return writtenUnder.containsKey(anIf);
    }

    /** The choice point an if is decided by. */
    int point(XmlElement anIf) {
        return pointOf.get(anIf);
    }

    /** The {@code <if>}s a choice decides (not those the database decides), in document order. */
    List<XmlElement> ifs() {
        return List.copyOf(decidedByChoice);
    }

    /** Whether the if's body is written under {@code choice}. */
    boolean written(XmlElement anIf, int[] choice) {
        return choice[pointOf.get(anIf)] == writtenUnder.get(anIf);
    }

    /** Whether the if's body is written under {@code choice}: the if and every if around it are. */
    boolean bodyWritten(XmlElement anIf, int[] choice) {
        for (XmlElement e = anIf; e != null; e = enclosing.get(e)) {
            if (decided.containsKey(e) ? !decided.get(e) : !written(e, choice)) return false;
        }
        return true;
    }

    /** Whether some choice writes the if's body: no if around it is one the database leaves out. */
    boolean reachable(XmlElement anIf) {
        for (XmlElement e = anIf; e != null; e = enclosing.get(e)) if (Boolean.FALSE.equals(decided.get(e))) return false;
        return true;
    }

    /** The choice with the if's decision turned the other way (its body left out, a negated twin written). */
    int[] without(XmlElement anIf, int[] choice) {
        return with(choice, pointOf.get(anIf), 1 - writtenUnder.get(anIf));
    }

    /** Whether every decision of {@code choice} (each point's option) is taken by one of {@code others} too. */
    boolean decidedAlike(int[] choice, List<int[]> others) {
        for (int p = 0; p < choice.length; p++) {
            int point = p;
            if (others.stream().noneMatch(o -> o[point] == choice[point])) return false;
        }
        return true;
    }

    /** The choice with the if's body written. */
    int[] withBody(XmlElement anIf, int[] choice) {
        return with(choice, pointOf.get(anIf), writtenUnder.get(anIf));
    }

    private void collect(XmlElement element, XmlElement enclosingIf) {
        for (XmlNode n : element.children()) {
            if (!(n instanceof XmlElement e)) continue;
            if (e.name().equals("if")) {
                if (enclosingIf != null) enclosing.put(e, enclosingIf);
                Optional<Boolean> onDatabase = TestExpressions.onDatabase(e.attribute("test"), databaseIds);
                if (onDatabase.isPresent()) {
                    decided.put(e, onDatabase.get());
                } else {
                    TestExpressions.Decision decision = TestExpressions.decision(e.attribute("test"));
                    Integer point = ifByQuestion.get(decision.question());
                    if (point == null) {
                        point = newPoint(2, true);
                        ifByQuestion.put(decision.question(), point);
                        firstAnswer.put(point, decision.holdsWhenYes());
                    }
                    pointOf.put(e, point);
                    // option 0 (the fullest variant) writes the first if of a question
                    writtenUnder.put(e, decision.holdsWhenYes() == firstAnswer.get(point) ? 0 : 1);
                    decidedByChoice.add(e);
                }
            } else if (e.name().equals("choose")) {
                List<XmlElement> live = new ArrayList<>();
                boolean always = false;
                for (XmlElement when : e.elements("when")) {
                    Optional<Boolean> onDatabase = TestExpressions.onDatabase(when.attribute("test"), databaseIds);
                    if (onDatabase.isPresent() && !onDatabase.get()) continue;
                    live.add(when);
                    if (onDatabase.isPresent()) {
                        always = true; // MyBatis takes the first when that holds: the ones after it never run
                        break;
                    }
                }
                liveWhens.put(e, live);
                endsInOtherwise.put(e, !always);
                pointOf.put(e, newPoint(live.size() + (always ? 0 : 1), false));
            }
            collect(e, e.name().equals("if") ? e : enclosingIf);
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
        /** Shared too: the literal {@code <bind>} values met so far. */
        private final Map<String, SqlText> binds;
        /** Shared too, when tracked: the render the marks name (null: not tracked), and the ifs being written. */
        private final Object render;
        private final ArrayDeque<XmlElement> ifs;
        private SqlText sql = SqlText.empty();

        Out(boolean spaced, Object render) {
            this(spaced, new boolean[1], new HashMap<>(), render, new ArrayDeque<>());
        }

        private Out(boolean spaced, boolean[] impossible, Map<String, SqlText> binds, Object render,
                    ArrayDeque<XmlElement> ifs) {
            this.spaced = spaced;
            this.impossible = impossible;
            this.binds = binds;
            this.render = render;
            this.ifs = ifs;
        }

        Out inner() {
            return new Out(false, impossible, binds, render, ifs);
        }

        void add(SqlText piece) {
            if (piece == null || piece.length() == 0) return;
            if (render != null && !ifs.isEmpty()) piece = tagged(piece, ifs.peek());
            if (spaced && sql.length() > 0) sql = sql.append(SqlText.of(" ", piece.originAt(0)));
            sql = sql.append(piece);
        }

        /** The piece with an origin of its own for each character not yet written by an inner if, written by {@code anIf}. */
        private SqlText tagged(SqlText piece, XmlElement anIf) {
            WrittenBy mark = new WrittenBy(render, anIf);
            return piece.mapOrigins(o -> WrittenBy.in(o, render) != null ? o : o.marked(mark));
        }
    }

    private void render(List<XmlNode> nodes, int[] choice, Out out) {
        for (XmlNode n : nodes) {
            if (n instanceof XmlText t) out.add(IncludeResolver.substitute(t.text(), out.binds));
            else if (n instanceof XmlElement e) render(e, choice, out);
        }
    }

    private void render(XmlElement e, int[] choice, Out out) {
        switch (e.name()) {
            case "if" -> {
                boolean written = decided.containsKey(e) ? decided.get(e) : choice[pointOf.get(e)] == writtenUnder.get(e);
                if (written) {
                    out.ifs.push(e);
                    render(e.children(), choice, out);
                    out.ifs.pop();
                }
            }
            case "choose" -> {
                int option = choice[pointOf.get(e)];
                List<XmlElement> whens = liveWhens.get(e);
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
            case "bind" -> {
                // no SQL of its own; a literal value is what ${name} writes after it
                SqlText value = e.attributes().get("value");
                String name = e.attribute("name");
                Optional<SqlText> literal = value == null ? Optional.empty() : literal(value);
                if (name != null && literal.isPresent()) out.binds.put(name.strip(), literal.get());
            }
            case "selectKey", "property" -> {
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

    /** {@code 'EVT.'} (an OGNL string) as the text {@code EVT.}, each character where it is written; empty for an expression. */
    static Optional<SqlText> literal(SqlText value) {
        String v = value.text().strip();
        if (v.length() < 2 || v.charAt(0) != '\'' || v.charAt(v.length() - 1) != '\'' || v.indexOf('\'', 1) != v.length() - 1) {
            return Optional.empty();
        }
        int start = value.text().indexOf('\'') + 1;
        return Optional.of(Trim.slice(value, start, start + v.length() - 2));
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
