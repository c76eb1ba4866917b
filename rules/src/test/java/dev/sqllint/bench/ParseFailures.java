package dev.sqllint.bench;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.JavaSqlExtractor;
import dev.sqllint.extract.Language;
import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.sql.JpqlToSql;
import dev.sqllint.sql.PlaceholderNormalizer;
import dev.sqllint.sql.SqlParser;
import dev.sqllint.sql.SqlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Main-method harness for parse-rate work: every statement variant of a source tree that JSqlParser
 * rejects, printed with the parser's message and the normalised text around the position it names, so
 * failures caused by sqllint's own normalisation stand out from SQL the parser does not support.
 *
 * <pre>mvn -q -pl rules test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.sqllint.bench.ParseFailures -Dexec.args="/path/to/tree"</pre>
 */
public final class ParseFailures {

    private static final Pattern AT = Pattern.compile("at line (\\d+), column (\\d+)");

    public static void main(String[] args) throws IOException {
        Path tree = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        List<JavaFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java") && f.toString().contains("src/main/java")).toList()) {
                new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21))
                        .parse(Files.readString(p, StandardCharsets.UTF_8)).getResult()
                        .ifPresent(cu -> files.add(new JavaFile(p, cu)));
            }
        }
        JavaSqlExtractor extractor = new JavaSqlExtractor(SinkCatalog.standard(), files);
        try (SqlParser parser = new SqlParser(Duration.ofSeconds(5))) {
            for (JavaFile f : files) {
                for (SqlSite site : extractor.sites(f)) {
                    for (SqlText v : site.variants()) {
                        SqlText sql = PlaceholderNormalizer.normalize(v, site.entity());
                        if (site.language() == Language.JPQL) sql = JpqlToSql.stripConstructorExpressions(sql);
                        SqlParser.Result r = parser.parse(sql);
                        if (r.ok()) continue;
                        System.out.println("== " + tree.relativize(site.file()) + ":" + site.line() + " " + site.api() + " "
                                + site.language());
                        System.out.println("   " + r.failure());
                        System.out.println("   near: " + near(sql.text(), r.failure()));
                    }
                }
            }
        }
    }

    private static String near(String sql, String failure) {
        Matcher m = AT.matcher(failure);
        if (!m.find()) return sql.replaceAll("\\s+", " ").substring(0, Math.min(200, sql.length()));
        String[] lines = sql.split("\n", -1);
        int line = Integer.parseInt(m.group(1)) - 1;
        int col = Integer.parseInt(m.group(2)) - 1;
        if (line >= lines.length) return "(past end)";
        int offset = col;
        for (int i = 0; i < line; i++) offset += lines[i].length() + 1;
        String flat = sql.replace('\n', ' ');
        int from = Math.max(0, offset - 90);
        int to = Math.min(flat.length(), offset + 50);
        return flat.substring(from, Math.min(offset, flat.length())) + " >>>" + flat.substring(Math.min(offset, flat.length()), to);
    }
}
