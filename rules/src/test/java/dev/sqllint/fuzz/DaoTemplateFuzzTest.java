package dev.sqllint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.github.javaparser.ast.CompilationUnit;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.sql.Placeholders;
import dev.sqllint.sql.SqlText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fuzzed SQL fragments (the input's lines) spliced into a DAO that builds its statements every way the
 * string folder reads: {@code +} chains of literals, constants, a ternary, a StringBuilder appended under an
 * {@code if}, a re-assigned local, a text block, {@code @Query} and MyBatis {@code @Select} annotations, and,
 * when a fragment is itself a valid literal body, the fragment as written with its escapes. The folded SQL
 * must be exactly the string javac would build, every character at its place in the file. (Parsing what it
 * folds to is {@link SqlFuzzTest}'s part; leaving it out here makes this target many times faster.)
 */
class DaoTemplateFuzzTest {

    private static final Path FILE = Path.of("com/acme/fuzz/FuzzDao.java");
    private static final int FRAGMENTS = 4;

    @FuzzTest(maxDuration = "5m")
    void foldDaoTemplate(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        String[] f = new String[FRAGMENTS];
        for (int i = 0; i < FRAGMENTS; i++) f[i] = lines[i % lines.length];

        Template t = new Template();
        t.line("package com.acme.fuzz;");
        t.line("");
        t.line("import java.util.List;");
        t.line("import java.util.Map;");
        t.line("import org.apache.ibatis.annotations.Select;");
        t.line("import org.springframework.data.jpa.repository.Query;");
        t.line("import org.springframework.jdbc.core.JdbcTemplate;");
        t.line("");
        t.line("interface FuzzRepository {");
        int query = t.line("    @Query(value = " + Java.literal(f[0]) + " + " + Java.literal(f[1]) + ", nativeQuery = true)");
        t.line("    List<Object> query();");
        int select = t.line("    @Select({" + Java.literal(f[2]) + ", " + Java.unicodeLiteral(f[3]) + "})");
        t.line("    List<Object> select();");
        t.line("}");
        t.line("");
        t.line("class FuzzDao {");
        t.line("    private static final String HEAD = " + Java.unicodeLiteral(f[0]) + ";");
        t.line("    private static final String TAIL = " + Java.literal(f[1]) + ";");
        t.line("    private final JdbcTemplate jdbc;");
        t.line("");
        t.line("    FuzzDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }");
        t.line("");
        t.line("    List<Map<String, Object>> concatenated() {");
        int concatenated = t.line("        return jdbc.queryForList(" + Java.literal(f[0]) + " + " + Java.literal(f[1]) + " + "
                + Java.unicodeLiteral(f[2]) + ");");
        t.line("    }");
        t.line("");
        t.line("    List<Map<String, Object>> constants() {");
        int constants = t.line("        return jdbc.queryForList(HEAD + \" \" + TAIL);");
        t.line("    }");
        t.line("");
        t.line("    List<Map<String, Object>> ternary(boolean flag) {");
        int ternary = t.line("        return jdbc.queryForList(" + Java.literal(f[0]) + " + (flag ? " + Java.literal(f[1]) + " : "
                + Java.literal(f[2]) + "));");
        t.line("    }");
        t.line("");
        t.line("    List<Map<String, Object>> builder(boolean flag, String sort) {");
        t.line("        StringBuilder sql = new StringBuilder(" + Java.literal(f[0]) + ");");
        t.line("        if (flag) {");
        t.line("            sql.append(" + Java.literal(f[1]) + ").append(" + Java.literal(f[2]) + ");");
        t.line("        }");
        t.line("        sql.append(" + Java.literal(f[3]) + ");");
        int builder = t.line("        return jdbc.queryForList(sql.toString());");
        t.line("    }");
        t.line("");
        t.line("    List<Map<String, Object>> reassigned(boolean flag) {");
        t.line("        String sql = " + Java.literal(f[0]) + ";");
        t.line("        sql += " + Java.literal(f[1]) + ";");
        t.line("        if (flag) sql = sql + " + Java.literal(f[2]) + ";");
        int reassigned = t.line("        return jdbc.queryForList(sql);");
        t.line("    }");
        t.line("");
        t.line("    List<Map<String, Object>> textBlock() {");
        int textBlock = t.line("        return jdbc.queryForList(\"\"\"");
        String block0 = Java.textBlockLine(f[0]);
        String block1 = Java.textBlockLine(f[1]);
        t.line("                " + block0);
        t.line("                " + block1);
        t.line("                \"\"\");");
        t.line("    }");
        Optional<String> raw = Java.validLiteralBody(f[3]);
        int asWritten = -1;
        if (raw.isPresent()) {
            t.line("");
            t.line("    List<Map<String, Object>> asWritten() {");
            asWritten = t.line("        return jdbc.queryForList(\"" + f[3] + "\");");
            t.line("    }");
        }
        t.line("}");

        String text = t.text();
        Optional<CompilationUnit> unit = JavaFileFuzzTest.parse(text);
        FuzzChecks.check(unit.isPresent(), "JavaParser rejects a valid DAO:\n" + text);
        List<SqlSite> sites = JavaFileFuzzTest.extractAndAnalyze(FILE, text, unit.get(), false);

        expect(sites, query, f[0] + f[1]);
        expect(sites, select, f[2] + " " + f[3]);
        expect(sites, concatenated, f[0] + f[1] + f[2]);
        expect(sites, constants, f[0] + " " + f[1]);
        expect(sites, ternary, f[0] + f[1]);
        expect(sites, ternary, f[0] + f[2]);
        expect(sites, builder, f[0] + f[1] + f[2] + f[3]);
        expect(sites, reassigned, f[0] + f[1] + f[2]);
        expect(sites, textBlock, Java.textBlockValue(block0) + "\n" + Java.textBlockValue(block1) + "\n");
        if (raw.isPresent()) expect(sites, asWritten, raw.get());
    }

    /**
     * The site on {@code line} has {@code sql} among its variants. Text with nothing but blanks and the placeholder
     * word (which stands for what cannot be read, so a literal that spells it is read as unknown too) makes no site,
     * and neither does text that starts with a clause ({@code " ORDER BY ..."}): not a statement sqllint has read.
     */
    private static void expect(List<SqlSite> sites, int line, String sql) {
        if (sql.replace(Placeholders.DYNAMIC, "").isBlank()) return;
        if (!dev.sqllint.extract.sinks.StatementStart.isKnown(sql, dev.sqllint.extract.Language.SQL)) return;
        List<SqlSite> here = sites.stream().filter(s -> s.line() == line).toList();
        Set<String> variants = here.stream().flatMap(s -> s.variants().stream()).map(SqlText::text).collect(Collectors.toSet());
        FuzzChecks.check(variants.contains(sql), "line " + line + " should fold to [" + sql + "] but folds to " + variants);
    }

    /** Source text whose line numbers the test knows. */
    private static final class Template {
        private final List<String> lines = new ArrayList<>();

        /** Appends a line; its number (from 1). */
        int line(String s) {
            lines.add(s);
            return lines.size();
        }

        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    /** Java source for a given string value, written as javac reads it (JLS 3.10.5-3.10.7). */
    static final class Java {

        private Java() {
        }

        /** A string literal whose value is {@code s}: quotes, backslashes and control characters escaped. */
        static String literal(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) out.append(escaped(c, false));
            return out.append('"').toString();
        }

        /** As {@link #literal}, with everything beyond ASCII written as a Unicode escape. */
        static String unicodeLiteral(String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) out.append(escaped(c, true));
            return out.append('"').toString();
        }

        private static String escaped(char c, boolean unicode) {
            return switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                default -> c < 0x20 || c == 0x7f ? String.format("\\%03o", (int) c)
                        : unicode && c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
            };
        }

        /**
         * One content line of a text block, for {@code s}: quotes, backslashes and control characters escaped, a
         * last space written {@code \s}. White space beyond Latin-1 has no escape but a Unicode escape, which
         * javac reads first, so it stays as it is: at the end of the line javac strips it (see
         * {@link #textBlockValue}).
         */
        static String textBlockLine(String s) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                out.append(c == ' ' && i == s.length() - 1 ? "\\s" : escaped(c, false));
            }
            return out.toString();
        }

        /** The value javac gives a text block content line as written: trailing white space stripped, then escapes read. */
        static String textBlockValue(String line) {
            int end = line.length();
            while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) end--;
            return validLiteralBody(line.substring(0, end)).orElseThrow();
        }

        /**
         * The value of {@code body} written between quotes, when javac accepts it as it stands (no Unicode escapes,
         * which javac reads before the literal; no line breaks; every backslash a valid escape).
         */
        static Optional<String> validLiteralBody(String body) {
            StringBuilder value = new StringBuilder();
            int i = 0;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c == '"' || c == '\r' || c == '\n') return Optional.empty();
                if (c != '\\') {
                    value.append(c);
                    i++;
                    continue;
                }
                if (i + 1 >= body.length()) return Optional.empty();
                char e = body.charAt(i + 1);
                switch (e) {
                    case 'b' -> value.append('\b');
                    case 't' -> value.append('\t');
                    case 'n' -> value.append('\n');
                    case 'f' -> value.append('\f');
                    case 'r' -> value.append('\r');
                    case 's' -> value.append(' ');
                    case '"', '\'', '\\' -> value.append(e);
                    default -> {
                        if (e < '0' || e > '7') return Optional.empty();
                        // OctalEscape: \d, \dd, or \zdd with z in 0-3
                        int max = e <= '3' ? 3 : 2;
                        int j = i + 1;
                        while (j < body.length() && j < i + 1 + max && body.charAt(j) >= '0' && body.charAt(j) <= '7') j++;
                        value.append((char) Integer.parseInt(body.substring(i + 1, j), 8));
                        i = j;
                        continue;
                    }
                }
                i += 2;
            }
            return Optional.of(value.toString());
        }
    }
}
