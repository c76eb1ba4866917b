package dev.sqllint.mybatis;

import dev.sqllint.extract.Language;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.extract.Suppressions;
import dev.sqllint.sql.Dialect;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.PlaceholderNormalizer;
import dev.sqllint.sql.SqlParser;
import dev.sqllint.sql.SqlText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL sites of MyBatis XML mappers: one per {@code <select>}, {@code <insert>}, {@code <update>} and
 * {@code <delete>}, at its start tag, owned by {@code namespace.id}, with the variants of its dynamic SQL.
 * Fragments are looked up across every mapper given, so a {@code refid="other.namespace.id"} resolves.
 *
 * <p>As MyBatis loads them for the project's database: a statement whose {@code databaseId} names another
 * database is not loaded, nor one without a {@code databaseId} when a statement of the same id has ours. The
 * configuration's properties are substituted, and each {@code ${name}} left is read where it stands (see
 * {@link UnknownSubstitutions}, which parses when a parser is given).
 */
public final class MapperStatements {

    private static final String[] STATEMENTS = {"select", "insert", "update", "delete"};

    private final SqlFragments fragments;
    private final MapperProblems problems;
    private final MyBatisConfig config;
    private final SqlParser parser;

    public MapperStatements(List<MapperFile> files, MapperProblems problems) {
        this(files, problems, MyBatisConfig.none(Dialect.POSTGRESQL), null);
    }

    /** {@code parser} null: unknown substitutions that are not glued to a name stay identifiers. */
    public MapperStatements(List<MapperFile> files, MapperProblems problems, MyBatisConfig config, SqlParser parser) {
        this.fragments = new SqlFragments(files);
        this.problems = problems;
        this.config = config;
        this.parser = parser;
    }

    public List<SqlSite> sites(MapperFile file) {
        List<SqlSite> out = new ArrayList<>();
        List<XmlElement> statements = file.root().elements(STATEMENTS);
        Set<String> oursById = new HashSet<>();
        Set<String> replacedByName = new HashSet<>();
        for (XmlElement statement : statements) {
            String id = statement.attribute("id");
            if (config.databaseIds().ours(statement.attribute("databaseId"))) oursById.add(id);
            if (DatabaseIds.namedFor(id).orElse(null) == config.databaseIds().dialect()) {
                replacedByName.add(DatabaseIds.withoutDatabaseSuffix(id));
            }
        }
        for (XmlElement statement : statements) {
            String id = statement.attribute("id");
            String databaseId = statement.attribute("databaseId");
            if (databaseId == null ? oursById.contains(id) : !config.databaseIds().ours(databaseId)) continue;
            if (replacedByName.contains(id) || !DatabaseIds.namedFor(id).map(config.databaseIds().dialect()::equals).orElse(true)) {
                continue; // named for another database, or replaced by the one named for ours
            }
            String api = "mapper.xml <" + statement.name() + " id=\"" + id + "\""
                    + (databaseId == null ? "" : " databaseId=\"" + databaseId + "\"") + ">";
            if (callersSqlOnly(statement, file)) continue;
            XmlElement resolved = new IncludeResolver(fragments, file, api, problems, config.properties()).resolve(statement);
            // with no if to turn, a variant that does not parse cannot be repaired: no trial parses
            List<SqlText> variants = parser == null || DynamicSql.of(resolved, config.databaseIds()).ifs().isEmpty()
                    ? DynamicSql.variants(resolved, config.databaseIds()).stream().filter(DynamicSql::hasStaticText)
                            .map(TextSubstitutions::apply).map(v -> UnknownSubstitutions.resolve(v, parser)).toList()
                    : ParsingVariants.of(resolved, config.databaseIds(), MapperStatements::finish, trial);
            if (variants.isEmpty()) continue;
            out.add(new SqlSite(file.path(), statement.origin().line(), statement.origin().column(), api, Language.SQL,
                    variants, id == null ? file.namespace() : file.qualify(id), null, Suppressions.NONE));
        }
        return out;
    }

    /**
     * Whether the statement (its fragments included) writes no SQL of its own, only substitutions, one of them unknown:
     * a native query ({@code ${limitBefore} ${sql} ${limitAfter}}) runs whatever SQL its caller hands it, so there is
     * nothing to analyse, as for a Java call whose SQL is entirely dynamic.
     */
    private boolean callersSqlOnly(XmlElement statement, MapperFile file) {
        XmlElement raw = new IncludeResolver(fragments, file, "", (kind, f, line, why) -> { }).resolve(statement);
        StringBuilder text = new StringBuilder();
        textOf(raw, text);
        if (DynamicSql.hasStaticText(SqlText.of(text.toString(), statement.origin()))) return false;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{([^}]*)}").matcher(text);
        while (m.find()) if (!config.properties().containsKey(m.group(1).strip())) return true;
        return false;
    }

    private static void textOf(XmlElement element, StringBuilder out) {
        for (String a : List.of("open", "close", "prefix", "suffix")) {
            if (element.attributes().get(a) != null) out.append(' ').append(element.attributes().get(a).text());
        }
        for (XmlNode n : element.children()) {
            if (n instanceof XmlText t) out.append(' ').append(t.text().text());
            else if (n instanceof XmlElement e && !e.name().equals("bind") && !e.name().equals("selectKey")) textOf(e, out);
        }
    }

    /** A rendered variant as the statement's SQL (see {@link TextSubstitutions}); null when it has no SQL of its own. */
    private static SqlText finish(SqlText rendered) {
        return DynamicSql.hasStaticText(rendered) ? TextSubstitutions.apply(rendered) : null;
    }

    /** Trial parses of a statement's variants, read as {@link UnknownSubstitutions} reads them. */
    private final ParsingVariants.Trial trial = new ParsingVariants.Trial() {
        /** The substitutions glued to names read as empty text, the others left as identifiers. */
        @Override
        public ParsingVariants.Tried parse(SqlText variant) {
            SqlText named = UnknownSubstitutions.resolve(variant, null);
            return new ParsingVariants.Tried(named, stop(named));
        }

        @Override
        public ParsingVariants.Tried read(SqlText variant) {
            SqlText read = UnknownSubstitutions.resolve(variant, parser);
            return new ParsingVariants.Tried(read, stop(read));
        }
    };

    /**
     * Where the parser stops on a variant: null when it parses. Empty parentheses where an expression or a list must be
     * ({@code ( ) = 1}, {@code IN ( )}) stop it too: JSqlParser takes them, no database does, and a variant whose ifs
     * all came out empty inside them is none a caller issues.
     */
    private Origin stop(SqlText variant) {
        SqlText normalized = PlaceholderNormalizer.normalize(variant, null);
        SqlParser.Result r = parser.parseAhead(normalized);
        if (r.ok()) {
            int empty = emptyParentheses(normalized);
            return empty < 0 ? null : normalized.originAt(empty);
        }
        int at = SqlParser.failureOffset(normalized, r);
        return at < 0 || at >= normalized.length() ? ParsingVariants.UNPLACED : normalized.originAt(at);
    }

    /** Words after which parentheses hold an expression or a list, never a function's arguments. */
    private static final Set<String> BEFORE_EXPRESSION = Set.of("IN", "AND", "OR", "NOT", "WHERE", "ON", "WHEN", "THEN",
            "ELSE", "SELECT", "EXISTS", "HAVING", "VALUES", "SET", "BY");

    /**
     * The offset of the closing parenthesis of the first {@code ( )} outside quotes that is no call of a function with no
     * arguments as the mapper writes it: after a word that starts an expression or a list ({@code IN}, {@code AND}), or
     * with the parentheses apart in the mapper (what stood between them was left out: {@code LEAST(<foreach>...)}); -1
     * when there is none.
     */
    static int emptyParentheses(SqlText sql) {
        String s = sql.text();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                continue;
            }
            if (c != '(') continue;
            int close = i + 1;
            while (close < s.length() && Character.isWhitespace(s.charAt(close))) close++;
            if (close >= s.length() || s.charAt(close) != ')') continue;
            int end = i;
            while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) end--;
            int start = end;
            while (start > 0 && (Character.isLetterOrDigit(s.charAt(start - 1)) || s.charAt(start - 1) == '_')) start--;
            String word = s.substring(start, end).toUpperCase(java.util.Locale.ROOT);
            boolean afterName = !word.isEmpty() && !BEFORE_EXPRESSION.contains(word)
                    || (end > 0 && (s.charAt(end - 1) == '"' || s.charAt(end - 1) == '`' || s.charAt(end - 1) == ']'));
            Origin open = sql.originAt(i);
            Origin shut = sql.originAt(close);
            boolean writtenEmpty = java.util.Objects.equals(open.file(), shut.file()) && open.line() == shut.line()
                    && shut.column() - open.column() == close - i;
            if (!afterName || !writtenEmpty) return close;
        }
        return -1;
    }
}
