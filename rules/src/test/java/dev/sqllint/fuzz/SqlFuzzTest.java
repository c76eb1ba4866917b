package dev.sqllint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.sqllint.extract.JavaFile;
import dev.sqllint.extract.Language;
import dev.sqllint.schema.JpaModel;
import dev.sqllint.schema.JpaNaming;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Statements as the extractors hand them over: any text, with every character's origin, through placeholder
 * normalisation, JSqlParser, the JPQL-to-SQL translation and the five rules. Seeds: the incident queries,
 * every placeholder dialect, JPQL with constructor expressions and association joins.
 */
class SqlFuzzTest {

    private static final Path FILE = Path.of("com/acme/Dao.java");

    /** Entities the JPQL seeds name, so translation through the mapping runs. */
    static final JpaModel JPA = JpaModel.read(List.of(new JavaFile(Path.of("com/acme/Entities.java"),
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)).parse("""
                    package com.acme;
                    import jakarta.persistence.*;
                    import java.util.Set;
                    @Entity @Table(name = "accounts")
                    class Account {
                      @Id Long id;
                      String status;
                      @ManyToOne @JoinColumn(name = "owner_id") User owner;
                      @OneToMany(mappedBy = "account") Set<Order> orders;
                      @ManyToMany
                      @JoinTable(name = "account_groups", joinColumns = @JoinColumn(name = "account_id"),
                          inverseJoinColumns = @JoinColumn(name = "group_id"))
                      Set<Group> groups;
                    }
                    @Entity @Table(name = "orders")
                    class Order { @Id Long id; @ManyToOne Account account; java.time.Instant createdAt; }
                    @Entity @Table(name = "users")
                    class User { @Id Long id; String email; Long workspaceId; }
                    @Entity @Table(name = "groups")
                    class Group { @Id Long id; String name; }
                    """).getResult().orElseThrow())), JpaNaming.SPRING);

    @FuzzTest(maxDuration = "5m")
    void normalizeParseAndCheck(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        SqlText sql = positioned(text, FILE);
        Map<Path, FuzzChecks.TextBounds> files = Map.of(FILE, new FuzzChecks.TextBounds(text));
        FuzzChecks.checkOrigins(sql, files);
        FuzzChecks.analyze(sql, Language.SQL, "Account", JPA, files);
        FuzzChecks.analyze(sql, Language.JPQL, "Account", JPA, files);
    }

    /** The text with each character at its line and column, lines ending at CR, LF or CR LF. */
    static SqlText positioned(String text, Path file) {
        Origin[] origins = new Origin[text.length()];
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            origins[i] = Origin.at(file, line, column);
            char c = text.charAt(i);
            boolean crBeforeLf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (c == '\n' || (c == '\r' && !crBeforeLf)) {
                line++;
                column = 1;
            } else if (!crBeforeLf) {
                column++; // CR LF is one line end: both characters sit just past the line's last
            }
        }
        return SqlText.of(text, origins);
    }
}
