package dev.sqllint.bench;

import static dev.sqllint.bench.SqlUnit.concatenation;
import static dev.sqllint.bench.SqlUnit.declarations;
import static dev.sqllint.bench.SqlUnit.describe;
import static dev.sqllint.bench.SqlUnit.isQuery;
import static dev.sqllint.bench.SqlUnit.occurrences;
import static dev.sqllint.bench.SqlUnit.params;
import static dev.sqllint.bench.SqlUnit.quote;
import static dev.sqllint.bench.SqlUnit.textBlock;

import dev.sqllint.bench.SqlShape.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The units that hand SQL text to a JDBC-style API: plain JDBC, a {@code StringBuilder} grown under
 * {@code if}s, Spring's {@code JdbcTemplate}, {@code NamedParameterJdbcTemplate} and {@code JdbcClient},
 * constants kept in other classes, MyBatis annotations and Jdbi SQL objects.
 */
final class JdbcSources {

    private JdbcSources() {
    }

    static void write(SqlUnit u, CorpusWriter out) {
        switch (u.kind()) {
            case JDBC -> jdbc(u, out);
            case STRING_BUILDER -> stringBuilder(u, out);
            case JDBC_TEMPLATE -> jdbcTemplate(u, out);
            case NAMED_JDBC_TEMPLATE -> namedJdbcTemplate(u, out);
            case JDBC_CLIENT -> jdbcClient(u, out);
            case CONSTANTS_ELSEWHERE -> constantsElsewhere(u, out);
            case MYBATIS_ANNOTATIONS -> myBatisAnnotations(u, out);
            case JDBI -> jdbi(u, out);
            default -> throw new IllegalArgumentException(u.kind().name());
        }
    }

    private static SourceText header(SqlUnit u, List<String> imports, String javadoc) {
        SourceText t = new SourceText();
        t.line("package " + u.pkg() + ";").blank();
        for (String i : imports) t.line(i.isEmpty() ? "" : "import " + i + ";");
        t.blank().line("/**").line(" * " + javadoc).line(" */");
        return t;
    }

    // ------------------------------------------------------------------------------------------- JDBC

    private static void jdbc(SqlUnit u, CorpusWriter out) {
        Random rnd = new Random(u.seed());
        Domain d = u.domain();
        SourceText t = header(u, List.of("java.sql.Connection", "java.sql.PreparedStatement", "java.sql.ResultSet",
                "java.sql.SQLException", "java.sql.Statement", "java.util.ArrayList", "java.util.List", "",
                "javax.sql.DataSource", "", "org.slf4j.Logger", "org.slf4j.LoggerFactory"),
                "Plain JDBC access to " + d.table() + " for the batch jobs, which run outside Spring's transactions.");
        t.open("public class " + u.className() + " {").blank();
        t.line("private static final Logger log = LoggerFactory.getLogger(" + u.className() + ".class);").blank();
        t.line("private final DataSource dataSource;").blank();
        t.open("public " + u.className() + "(DataSource dataSource) {").line("this.dataSource = dataSource;").close().blank();
        SqlUnit.Names names = new SqlUnit.Names();
        int n = 0;
        for (SqlShape s : u.statements(rnd, false)) {
            String method = names.unique(s.method(d));
            List<String> ps = params(s);
            boolean query = isQuery(s);
            t.line("/** " + describe(method) + " */");
            t.open("public " + (query ? "List<Long>" : "int") + " " + method + "(" + declarations(ps) + ") throws SQLException {");
            boolean local = n++ % 2 == 1;
            if (local) {
                concatenation(t, "String sql = ", s, Style.POSITIONAL, ";");
                t.open("try (Connection connection = dataSource.getConnection();");
                t.line("     PreparedStatement ps = connection.prepareStatement(sql)) {");
            } else {
                t.open("try (Connection connection = dataSource.getConnection();");
                concatenation(t, "     PreparedStatement ps = connection.prepareStatement(", s, Style.POSITIONAL, ")) {");
            }
            List<String> binds = occurrences(s);
            for (int i = 0; i < binds.size(); i++) t.line("ps.setObject(" + (i + 1) + ", " + binds.get(i) + ");");
            if (query) {
                t.line("List<Long> ids = new ArrayList<>();");
                t.open("try (ResultSet rs = ps.executeQuery()) {");
                t.open("while (rs.next()) {").line("ids.add(rs.getLong(1));").close();
                t.close();
                t.line("log.debug(\"" + method + " returned {} rows\", ids.size());");
                t.line("return ids;");
            } else {
                t.line("return ps.executeUpdate();");
            }
            t.close().close().blank();
        }
        t.line("/** Removes finished tasks; run by the nightly cleanup. */");
        t.open("public int purgeFinishedTasks() throws SQLException {");
        t.open("try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {");
        t.line("return st.executeUpdate(\"DELETE FROM " + d.tasks() + " WHERE state = 'DONE'\");");
        t.close().close();
        t.close();
        out.java(u.javaPath(u.pkg(), u.className()), t, true);
    }

    // ------------------------------------------------------------------------------------------- StringBuilder under ifs

    private static void stringBuilder(SqlUnit u, CorpusWriter out) {
        Random rnd = new Random(u.seed());
        Domain d = u.domain();
        SourceText t = header(u, List.of("java.util.ArrayList", "java.util.List", "java.util.Map", "",
                "org.springframework.jdbc.core.JdbcTemplate", "org.springframework.stereotype.Repository"),
                "Search screens over " + d.table() + ": each optional filter adds a condition.");
        t.line("@Repository");
        t.open("public class " + u.className() + " {").blank();
        t.line("private final JdbcTemplate jdbcTemplate;").blank();
        t.open("public " + u.className() + "(JdbcTemplate jdbcTemplate) {").line("this.jdbcTemplate = jdbcTemplate;").close().blank();
        SqlUnit.Names names = new SqlUnit.Names();
        int n = 0;
        for (SqlShape s : u.statements(rnd, false)) {
            String method = names.unique(s.method(d));
            List<String> ps = params(s);
            List<String> decl = new ArrayList<>(List.of(declarations(ps)));
            if (decl.get(0).isEmpty()) decl.clear();
            decl.add("boolean detailed");
            boolean query = isQuery(s);
            t.line("/** " + describe(method) + " With {@code detailed}, the optional conditions apply. */");
            t.open("public " + (query ? "List<Map<String, Object>>" : "int") + " " + method + "(" + String.join(", ", decl) + ") {");
            boolean builder = n++ % 3 != 2;
            List<String> lines = s.lines();
            String first = Style.POSITIONAL.apply(lines.get(0));
            t.line("List<Object> args = new ArrayList<>();");
            if (builder) t.expect(s.ruleAt(0)).line("StringBuilder sql = new StringBuilder(" + quote(first) + ");");
            else t.expect(s.ruleAt(0)).line("String sql = " + quote(first) + ";");
            for (int i = 1; i < lines.size(); i++) {
                String line = Style.POSITIONAL.apply(lines.get(i));
                // optional conditions: the statement stays whole without them
                boolean optional = (line.startsWith("AND ") || line.startsWith("OR ") || line.startsWith("ORDER BY"))
                        && rnd.nextInt(3) > 0;
                if (optional) t.open("if (detailed) {");
                t.expect(s.ruleAt(i)).line(builder ? "sql.append(" + quote(" " + line) + ");" : "sql += " + quote(" " + line) + ";");
                if (optional) t.close();
            }
            for (String p : occurrences(s)) t.line("args.add(" + p + ");");
            String sql = builder ? "sql.toString()" : "sql";
            t.line("return jdbcTemplate." + (query ? "queryForList" : "update") + "(" + sql + ", args.toArray());");
            t.close().blank();
        }
        t.close();
        out.java(u.javaPath(u.pkg(), u.className()), t, true);
    }

    // ------------------------------------------------------------------------------------------- JdbcTemplate

    private static void jdbcTemplate(SqlUnit u, CorpusWriter out) {
        Random rnd = new Random(u.seed());
        Domain d = u.domain();
        SourceText t = header(u, List.of("java.util.List", "", "org.springframework.jdbc.core.JdbcTemplate",
                "org.springframework.jdbc.core.RowMapper", "org.springframework.stereotype.Repository",
                "org.springframework.transaction.annotation.Transactional"),
                "Reads and writes " + d.table() + " with Spring's JdbcTemplate.");
        t.line("@Repository").line("@Transactional(readOnly = true)");
        t.open("public class " + u.className() + " {").blank();
        List<SqlShape> statements = u.statements(rnd, false);
        SqlUnit.Names names = new SqlUnit.Names();
        List<String> methods = new ArrayList<>();
        List<Boolean> inline = new ArrayList<>();
        for (SqlShape s : statements) {
            String method = names.unique(s.method(d));
            methods.add(method);
            boolean literal = rnd.nextInt(3) == 0;
            inline.add(literal);
            if (!literal) {
                concatenation(t, "private static final String " + SqlUnit.constantName(method) + " = ", s, Style.POSITIONAL, ";");
                t.blank();
            }
        }
        t.line("private final JdbcTemplate jdbcTemplate;").blank();
        t.line("private final RowMapper<" + d.type() + "Row> rowMapper = (rs, rowNum) -> new " + d.type()
                + "Row(rs.getLong(1), rs.getString(2));").blank();
        t.open("public " + u.className() + "(JdbcTemplate jdbcTemplate) {").line("this.jdbcTemplate = jdbcTemplate;").close().blank();
        for (int i = 0; i < statements.size(); i++) {
            SqlShape s = statements.get(i);
            String method = methods.get(i);
            boolean query = isQuery(s);
            boolean count = query && s.lines().get(0).contains("count(*)");
            String returns = count ? "long" : query ? "List<" + d.type() + "Row>" : "int";
            t.line("/** " + describe(method) + " */");
            if (!query) t.line("@Transactional");
            t.open("public " + returns + " " + method + "(" + declarations(params(s)) + ") {");
            String args = String.join(", ", occurrences(s));
            String call = count ? "Long n = jdbcTemplate.queryForObject(" : query ? "return jdbcTemplate.query(" : "return jdbcTemplate.update(";
            String tail = count ? ", Long.class" : query ? ", rowMapper" : "";
            tail += (args.isEmpty() ? "" : ", " + args) + ");";
            if (inline.get(i)) {
                concatenation(t, call, s, Style.POSITIONAL, tail);
            } else {
                // the constant is in this file: a finding points at its token in the constant, not at the call
                t.line(call + SqlUnit.constantName(method) + tail);
            }
            if (count) t.line("return n == null ? 0 : n;");
            t.close().blank();
        }
        t.line("/** One row of a list screen. */");
        t.line("public record " + d.type() + "Row(long id, String title) {");
        t.line("}");
        t.close();
        out.java(u.javaPath(u.pkg(), u.className()), t, true);
    }

    // ------------------------------------------------------------------------------------------- NamedParameterJdbcTemplate

    private static void namedJdbcTemplate(SqlUnit u, CorpusWriter out) {
        Random rnd = new Random(u.seed());
        Domain d = u.domain();
        SourceText t = header(u, List.of("java.util.List", "java.util.Map", "",
                "org.springframework.jdbc.core.namedparam.MapSqlParameterSource",
                "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
                "org.springframework.stereotype.Repository"),
                "Report queries over " + d.table() + "; the SQL is kept as text blocks so DBAs can read it.");
        t.line("@Repository");
        t.open("public class " + u.className() + " {").blank();
        List<SqlShape> statements = u.statements(rnd, false);
        SqlUnit.Names names = new SqlUnit.Names();
        List<String> methods = new ArrayList<>();
        for (SqlShape s : statements) {
            String method = names.unique(s.method(d));
            methods.add(method);
            t.line("/** " + describe(method) + " */");
            textBlock(t, "private static final String " + SqlUnit.constantName(method) + " = ", s, Style.NAMED, ";");
            t.blank();
        }
        t.line("private final NamedParameterJdbcTemplate jdbc;").blank();
        t.open("public " + u.className() + "(NamedParameterJdbcTemplate jdbc) {").line("this.jdbc = jdbc;").close().blank();
        for (int i = 0; i < statements.size(); i++) {
            SqlShape s = statements.get(i);
            boolean query = isQuery(s);
            List<String> ps = params(s);
            t.open("public " + (query ? "List<Map<String, Object>>" : "int") + " " + methods.get(i) + "(" + declarations(ps) + ") {");
            t.line("MapSqlParameterSource params = new MapSqlParameterSource();");
            for (String p : ps) t.line("params.addValue(" + quote(p) + ", " + p + ");");
            t.line("return jdbc." + (query ? "queryForList" : "update") + "(" + SqlUnit.constantName(methods.get(i)) + ", params);");
            t.close().blank();
        }
        t.close();
        out.java(u.javaPath(u.pkg(), u.className()), t, true);
    }

    // ------------------------------------------------------------------------------------------- JdbcClient

    private static void jdbcClient(SqlUnit u, CorpusWriter out) {
        Random rnd = new Random(u.seed());
        Domain d = u.domain();
        SourceText t = header(u, List.of("java.util.List", "java.util.Map", "",
                "org.springframework.jdbc.core.simple.JdbcClient", "org.springframework.stereotype.Repository"),
                "Access to " + d.table() + " through Spring's fluent JdbcClient.");
        t.line("@Repository");
        t.open("public class " + u.className() + " {").blank();
        t.line("private final JdbcClient jdbcClient;").blank();
        t.open("public " + u.className() + "(JdbcClient jdbcClient) {").line("this.jdbcClient = jdbcClient;").close().blank();
        SqlUnit.Names names = new SqlUnit.Names();
        for (SqlShape s : u.statements(rnd, false)) {
            String method = names.unique(s.method(d));
            boolean query = isQuery(s);
            List<String> ps = params(s);
            t.line("/** " + describe(method) + " */");
            t.open("public " + (query ? "List<Map<String, Object>>" : "int") + " " + method + "(" + declarations(ps) + ") {");
            if (rnd.nextBoolean()) textBlock(t, "return jdbcClient.sql(", s, Style.NAMED, ")");
            else concatenation(t, "return jdbcClient.sql(", s, Style.NAMED, ")");
            t.in().in();
            for (String p : ps) t.line(".param(" + quote(p) + ", " + p + ")");
            t.line(query ? ".query().listOfRows();" : ".update();");
            t.out().out();
            t.close().blank();
        }
        t.close();
        out.java(u.javaPath(u.pkg(), u.className()), t, true);
    }

    // ------------------------------------------------------------------------------------------- constants in other classes

    /**
     * Three files: a final class of constants in a sub-package, an interface of constants, and the DAO that
     * uses them qualified, statically imported and inherited. A finding is reported at the DAO's call.
     */
    private static void constantsElsewhere(SqlUnit u, CorpusWriter out) {
        Random rnd = new Random(u.seed());
        Domain d = u.domain();
        String sqlPkg = u.pkg() + ".sql";
        String holder = u.className().replace("QueryDao", "Queries");
        String iface = u.className().replace("QueryDao", "Statements");
        List<SqlShape> statements = u.statements(rnd, false);
        SqlUnit.Names names = new SqlUnit.Names();
        List<String> methods = new ArrayList<>();
        List<Integer> where = new ArrayList<>(); // 0 qualified, 1 static import, 2 interface
        for (SqlShape s : statements) {
            methods.add(names.unique(s.method(d)));
            where.add(rnd.nextInt(3));
        }

        SourceText q = new SourceText();
        q.line("package " + sqlPkg + ";").blank();
        q.line("/**").line(" * SQL of the " + d.noun().replace('_', ' ') + " module, kept apart so that it can be reviewed on its own.").line(" */");
        q.open("public final class " + holder + " {").blank();
        for (int i = 0; i < statements.size(); i++) {
            if (where.get(i) == 2) continue;
            SqlShape s = statements.get(i);
            if (rnd.nextBoolean()) textBlock(q, "public static final String " + SqlUnit.constantName(methods.get(i)) + " = ", s, Style.POSITIONAL, ";");
            else concatenation(q, "public static final String " + SqlUnit.constantName(methods.get(i)) + " = ", s, Style.POSITIONAL, ";");
            q.blank();
        }
        q.open("private " + holder + "() {").close();
        q.close();
        q.planted().clear(); // reported at the use, not here
        out.java(u.javaPath(sqlPkg, holder), q, true);

        SourceText c = new SourceText();
        c.line("package " + sqlPkg + ";").blank();
        c.line("/** Statements shared by the " + d.noun().replace('_', ' ') + " DAOs. */");
        c.open("public interface " + iface + " {").blank();
        for (int i = 0; i < statements.size(); i++) {
            if (where.get(i) != 2) continue;
            concatenation(c, "String " + SqlUnit.constantName(methods.get(i)) + " = ", statements.get(i), Style.POSITIONAL, ";");
            c.blank();
        }
        c.close();
        c.planted().clear();
        out.java(u.javaPath(sqlPkg, iface), c, true);

        List<String> imports = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            if (where.get(i) == 1) imports.add("static " + sqlPkg + "." + holder + "." + SqlUnit.constantName(methods.get(i)));
        }
        if (!imports.isEmpty()) imports.add("");
        imports.addAll(List.of("java.util.List", "java.util.Map", "", sqlPkg + "." + holder, sqlPkg + "." + iface, "",
                "org.springframework.jdbc.core.JdbcTemplate", "org.springframework.stereotype.Repository"));
        SourceText t = header(u, imports, "Runs the statements of {@link " + holder + "} and {@link " + iface + "}.");
        t.line("@Repository");
        t.open("public class " + u.className() + " implements " + iface + " {").blank();
        t.line("private final JdbcTemplate jdbcTemplate;").blank();
        t.open("public " + u.className() + "(JdbcTemplate jdbcTemplate) {").line("this.jdbcTemplate = jdbcTemplate;").close().blank();
        for (int i = 0; i < statements.size(); i++) {
            SqlShape s = statements.get(i);
            boolean query = isQuery(s);
            String constant = (where.get(i) == 0 ? holder + "." : "") + SqlUnit.constantName(methods.get(i));
            String args = String.join(", ", occurrences(s));
            t.line("/** " + describe(methods.get(i)) + " */");
            t.open("public " + (query ? "List<Map<String, Object>>" : "int") + " " + methods.get(i) + "(" + declarations(params(s)) + ") {");
            t.expect(s.rule()).line("return jdbcTemplate." + (query ? "queryForList" : "update") + "(" + constant
                    + (args.isEmpty() ? "" : ", " + args) + ");");
            t.close().blank();
        }
        t.close();
        out.java(u.javaPath(u.pkg(), u.className()), t, true);
    }

    // ------------------------------------------------------------------------------------------- MyBatis annotations

    private static void myBatisAnnotations(SqlUnit u, CorpusWriter out) {
        Random rnd = new Random(u.seed());
        Domain d = u.domain();
        SourceText t = header(u, List.of("java.util.List", "java.util.Map", "", "org.apache.ibatis.annotations.Delete",
                "org.apache.ibatis.annotations.Insert", "org.apache.ibatis.annotations.Mapper",
                "org.apache.ibatis.annotations.Param", "org.apache.ibatis.annotations.Select",
                "org.apache.ibatis.annotations.Update"), "MyBatis mapper for " + d.table() + ".");
        t.line("@Mapper");
        t.open("public interface " + u.className() + " {").blank();
        SqlUnit.Names names = new SqlUnit.Names();
        for (SqlShape s : u.statements(rnd, false)) {
            String method = names.unique(s.method(d));
            String verb = s.lines().get(0).trim().split(" ")[0];
            String annotation = switch (verb.toUpperCase(java.util.Locale.ROOT)) {
                case "INSERT" -> "Insert";
                case "UPDATE" -> "Update";
                case "DELETE" -> "Delete";
                default -> "Select";
            };
            t.line("/** " + describe(method) + " */");
            concatenation(t, "@" + annotation + "(", s, Style.MYBATIS, ")");
            List<String> ps = new ArrayList<>();
            for (String p : params(s)) ps.add("@Param(" + quote(p) + ") " + SqlUnit.javaType(p) + " " + p);
            t.line((isQuery(s) ? "List<Map<String, Object>>" : "int") + " " + method + "(" + String.join(", ", ps) + ");").blank();
        }
        t.close();
        out.java(u.javaPath(u.pkg(), u.className()), t, true);
    }

    // ------------------------------------------------------------------------------------------- Jdbi

    private static void jdbi(SqlUnit u, CorpusWriter out) {
        Random rnd = new Random(u.seed());
        Domain d = u.domain();
        SourceText t = header(u, List.of("java.util.List", "java.util.Map", "",
                "org.jdbi.v3.sqlobject.customizer.Bind", "org.jdbi.v3.sqlobject.statement.SqlQuery",
                "org.jdbi.v3.sqlobject.statement.SqlUpdate"), "Jdbi SQL object over " + d.table() + ".");
        t.open("public interface " + u.className() + " {").blank();
        SqlUnit.Names names = new SqlUnit.Names();
        for (SqlShape s : u.statements(rnd, false)) {
            String method = names.unique(s.method(d));
            boolean query = isQuery(s);
            t.line("/** " + describe(method) + " */");
            String annotation = "@" + (query ? "SqlQuery" : "SqlUpdate") + "(";
            if (rnd.nextBoolean()) textBlock(t, annotation, s, Style.NAMED, ")");
            else concatenation(t, annotation, s, Style.NAMED, ")");
            List<String> ps = new ArrayList<>();
            for (String p : params(s)) ps.add("@Bind(" + quote(p) + ") " + SqlUnit.javaType(p) + " " + p);
            t.line((query ? "List<Map<String, Object>>" : "int") + " " + method + "(" + String.join(", ", ps) + ");").blank();
        }
        t.close();
        out.java(u.javaPath(u.pkg(), u.className()), t, true);
    }
}
