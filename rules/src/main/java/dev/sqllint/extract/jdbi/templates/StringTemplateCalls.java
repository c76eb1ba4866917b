package dev.sqllint.extract.jdbi.templates;

import dev.sqllint.extract.jdbi.templates.TemplateNodes.Branch;
import dev.sqllint.extract.jdbi.templates.TemplateNodes.Expr;
import dev.sqllint.extract.jdbi.templates.TemplateNodes.If;
import dev.sqllint.extract.jdbi.templates.TemplateNodes.Node;
import dev.sqllint.extract.jdbi.templates.TemplateNodes.Text;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a template of a group into the statements it can produce. Calls of other templates
 * ({@code <allTableFields("t.")>}, {@code <tableName()>}) are expanded with their arguments, looked up from the
 * group rendering started in; an attribute the caller passed is its text, one set at run time
 * ({@code @Define}, {@code @BindList}, {@code <ids>}) is a placeholder. {@code <if(x)>} sections whose test is
 * not known give one statement with and one without them, and every test of the same attributes decides
 * the same way in one statement, so a parenthesis opened under {@code <if(x)>} and closed under a later
 * {@code <if(x)>} stays balanced. What else an expression does ({@code <ids; separator=",">},
 * {@code <cols:{c | ...}>}, functions) is a placeholder.
 *
 * <p>Rendering is bounded, whatever the group says: a template that calls itself (directly or through others)
 * would recurse forever in StringTemplate too, so that call is a placeholder; and past {@link #MAX_WORK} nodes
 * visited in one rendering, calls are placeholders too, since each call can multiply the work of the ones
 * below it (two self-calls per level are 2^depth renders).
 */
public final class StringTemplateCalls {

    private static final int MAX_PATHS = 32;
    private static final int MAX_VARIANTS = 16;
    private static final int MAX_DEPTH = 24;
    private static final int MAX_WORK = 20_000;
    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern NAMED = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /** An attribute's value: text, or absent (a formal parameter nobody passed: false, no text). */
    private record Value(SqlText text) {
        static final Value ABSENT = new Value(null);
    }

    private record Path(SqlText text, Map<String, Boolean> assumed) {
    }

    private final StringTemplateGroup group;
    private final Map<StringTemplateGroup.Template, List<Node>> parsed = new IdentityHashMap<>();
    /** The templates being rendered, outermost first: calling one of them again is recursion. */
    private final List<StringTemplateGroup.Template> active = new ArrayList<>();
    private int work;

    private StringTemplateCalls(StringTemplateGroup group) {
        this.group = group;
    }

    /** The statements template {@code name} of {@code group} can render; empty when the group has no such template. */
    public static Optional<Rendered> render(StringTemplateGroup group, String name) {
        Optional<StringTemplateGroup.Template> t = group.lookup(name);
        if (t.isEmpty()) return Optional.empty();
        StringTemplateCalls calls = new StringTemplateCalls(group);
        List<Path> paths = calls.render(t.get(), Map.of(), List.of(new Path(SqlText.empty(), Map.of())), 0);
        Map<String, SqlText> distinct = new LinkedHashMap<>();
        for (Path p : paths) {
            distinct.putIfAbsent(p.text().text(), p.text());
            if (distinct.size() >= MAX_VARIANTS) break;
        }
        return Optional.of(new Rendered(t.get(), List.copyOf(distinct.values())));
    }

    /** What a template renders to, and the template itself (its file and position: where findings point). */
    public record Rendered(StringTemplateGroup.Template template, List<SqlText> variants) {
    }

    private List<Path> render(StringTemplateGroup.Template t, Map<String, Value> env, List<Path> paths, int depth) {
        List<Node> nodes = parsed.computeIfAbsent(t, x -> TemplateNodes.parse(x.body()));
        active.add(t);
        try {
            return nodes(nodes, env, paths, depth);
        } finally {
            active.remove(active.size() - 1);
        }
    }

    /** Whether {@code callee} may be expanded here: not recursion, and the rendering's budget not spent. */
    private boolean expandable(StringTemplateGroup.Template callee, int depth) {
        return depth < MAX_DEPTH && work < MAX_WORK && active.stream().noneMatch(a -> a == callee);
    }

    private List<Path> nodes(List<Node> nodes, Map<String, Value> env, List<Path> paths, int depth) {
        for (Node n : nodes) {
            work++;
            if (n instanceof Text text) paths = append(paths, text.text());
            else if (n instanceof Expr e) paths = expression(e, env, paths, depth);
            else if (n instanceof If section) paths = section(section, env, paths, depth);
            paths = capped(paths);
        }
        return paths;
    }

    private List<Path> expression(Expr e, Map<String, Value> env, List<Path> paths, int depth) {
        String inner = e.inner();
        if (NAME.matcher(inner).matches()) {
            Value v = env.get(rootName(inner));
            if (v == Value.ABSENT) return paths;
            if (v != null && !inner.contains(".")) return append(paths, v.text());
            return append(paths, placeholder(e));
        }
        Matcher call = CALL.matcher(inner);
        if (call.matches()) {
            Optional<StringTemplateGroup.Template> callee = group.lookup(call.group(1));
            if (callee.isPresent() && expandable(callee.get(), depth)) {
                Map<String, Value> inside = new HashMap<>(env); // ST scopes attributes dynamically
                List<String> args = arguments(call.group(2));
                List<String> params = callee.get().parameters();
                Map<String, String> named = named(args);
                for (int i = 0; i < params.size(); i++) {
                    String given = !named.isEmpty() ? named.get(params.get(i)) : i < args.size() ? args.get(i) : null;
                    inside.put(params.get(i), given != null ? argument(given, env, e) : Value.ABSENT);
                }
                return render(callee.get(), inside, paths, depth + 1);
            }
        }
        return append(paths, placeholder(e));
    }

    private List<Path> section(If section, Map<String, Value> env, List<Path> paths, int depth) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            Path rest = p;
            for (Branch b : section.branches()) {
                if (rest == null) break;
                if (b.condition() == null) {
                    out.addAll(nodes(b.body(), env, List.of(rest), depth));
                    rest = null;
                    break;
                }
                Path taken = assume(b.condition(), true, env, rest, depth);
                Path skipped = assume(b.condition(), false, env, rest, depth);
                if (taken != null) out.addAll(nodes(b.body(), env, List.of(taken), depth));
                rest = skipped;
            }
            if (rest != null) out.add(rest);
        }
        return capped(out);
    }

    /** The path with {@code condition} taken as {@code value}; null when the path already knows otherwise. */
    private Path assume(String condition, boolean value, Map<String, Value> env, Path p, int depth) {
        Boolean known = Conditions.eval(condition, n -> {
            Value v = env.get(n);
            return v == null ? null : v != Value.ABSENT;
        }, call -> rendersText(call, env, p, depth), p.assumed());
        if (known != null) return known == value ? p : null;
        String key = Conditions.key(condition);
        boolean atom = key != null;
        if (!atom) return p; // a test of several unknowns: both sides, nothing remembered
        boolean negated = condition.strip().startsWith("!");
        Map<String, Boolean> assumed = new HashMap<>(p.assumed());
        assumed.put(key, negated != value);
        return new Path(p.text(), assumed);
    }

    /** Whether the call {@code <t(args)>} renders some text here: null when that depends on what is not known. */
    private Boolean rendersText(String call, Map<String, Value> env, Path p, int depth) {
        Matcher m = CALL.matcher(call);
        if (!m.matches()) return null;
        Optional<StringTemplateGroup.Template> callee = group.lookup(m.group(1));
        if (callee.isEmpty() || !expandable(callee.get(), depth + 1)) return null;
        Expr e = new Expr(call, SqlText.of(call, p.text().length() > 0 ? p.text().originAt(0) : null));
        List<Path> out = expression(e, env, List.of(new Path(SqlText.empty(), p.assumed())), depth + 1);
        boolean blank = out.stream().allMatch(x -> x.text().text().isBlank());
        boolean text = out.stream().noneMatch(x -> x.text().text().isBlank());
        return blank ? Boolean.FALSE : text ? Boolean.TRUE : null;
    }

    private Value argument(String arg, Map<String, Value> env, Expr at) {
        String a = arg.strip();
        if (a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"")) {
            String text = a.substring(1, a.length() - 1).replace("\\\"", "\"");
            int offset = at.at().text().indexOf(a);
            SqlText origin = at.at();
            return new Value(SqlText.of(text, origin.originAt(Math.max(0, offset + 1))));
        }
        if (NAME.matcher(a).matches() && !a.contains(".")) {
            Value v = env.get(a);
            return v == null ? null : v;
        }
        return null;
    }

    /** {@code t(alias="t.", other=x)}: the arguments by name; empty when they are positional. */
    private static Map<String, String> named(List<String> args) {
        Map<String, String> out = new HashMap<>();
        for (String a : args) {
            Matcher m = NAMED.matcher(a);
            if (!m.matches()) return Map.of();
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** The comma-separated arguments of a call, strings kept whole. */
    static List<String> arguments(String s) {
        List<String> out = new ArrayList<>();
        if (s.isBlank()) return out;
        int start = 0;
        int parens = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) i++;
            else if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '(' || c == '{')) parens++;
            else if (!quoted && (c == ')' || c == '}')) parens--;
            else if (!quoted && parens == 0 && c == ',') {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private static String rootName(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0 ? dotted : dotted.substring(0, dot);
    }

    private static SqlText placeholder(Expr e) {
        return SqlText.of(Placeholders.DYNAMIC, e.at().length() > 0 ? e.at().originAt(0) : null);
    }

    private static List<Path> append(List<Path> paths, SqlText text) {
        if (text == null || text.length() == 0) return paths;
        List<Path> out = new ArrayList<>(paths.size());
        for (Path p : paths) out.add(new Path(p.text().append(text), p.assumed()));
        return out;
    }

    private static List<Path> capped(List<Path> paths) {
        if (paths.size() <= 1) return paths;
        Map<List<Object>, Path> seen = new LinkedHashMap<>();
        for (Path p : paths) {
            seen.putIfAbsent(List.of(p.text().text(), p.assumed()), p);
            if (seen.size() >= MAX_PATHS) break;
        }
        return new ArrayList<>(seen.values());
    }
}
