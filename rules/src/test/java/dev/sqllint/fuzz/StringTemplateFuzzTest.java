package dev.sqllint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sqllint.extract.Language;
import dev.sqllint.extract.jdbi.templates.GroupFiles;
import dev.sqllint.extract.jdbi.templates.StringTemplateCalls;
import dev.sqllint.extract.jdbi.templates.StringTemplateGroup;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Jdbi StringTemplate group file ({@code *.sql.stg}), read as a DAO's group is: it may import a fixed base
 * group (and itself: a cycle), and every template it defines is rendered into its statements, each through the
 * statement pipeline. Nothing may escape, every character must come from one of the two files at a place the
 * file has, and rendering stays bounded (at most 16 statements per template).
 */
class StringTemplateFuzzTest {

    private static final Path ROOT = FuzzChecks.scratchDir("stg");
    private static final Path GROUP = ROOT.resolve("com/acme/FuzzDao.sql.stg");
    private static final Path BASE = ROOT.resolve("com/acme/BaseDao.sql.stg");
    private static final String BASE_STG = """
            tableName() ::= ""
            CHECK_TENANT(prefix) ::= "<prefix>tenant_id = :tenantId"
            AND_CHECK_TENANT(prefix) ::= "and <CHECK_TENANT(prefix)>"
            allFields(prefix) ::= <<
              <prefix>id
            , <prefix>record_id
            >>
            getById() ::= <<
            select <allFields("t.")> from <tableName()> t where t.id = :id <AND_CHECK_TENANT("t.")>
            <if(limit)>limit :limit<endif>
            >>
            """;

    @FuzzTest(maxDuration = "5m")
    void renderGroup(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8).replace("\r", "");
        FuzzChecks.clear(ROOT);
        Files.createDirectories(GROUP.getParent());
        Files.writeString(GROUP, text);
        Files.writeString(BASE, BASE_STG);
        Map<Path, FuzzChecks.TextBounds> bounds = new HashMap<>();
        bounds.put(GROUP, new FuzzChecks.TextBounds(Files.readString(GROUP)));
        bounds.put(BASE, new FuzzChecks.TextBounds(BASE_STG));

        GroupFiles files = new GroupFiles(List.of(ROOT), StringTemplateFuzzTest::read);
        Optional<StringTemplateGroup> group = files.group("com/acme/FuzzDao.sql.stg");
        FuzzChecks.check(group.isPresent(), "a readable group file is a group, however broken");
        for (String name : group.get().names()) {
            Optional<StringTemplateCalls.Rendered> rendered = StringTemplateCalls.render(group.get(), name);
            FuzzChecks.check(rendered.isPresent(), "a template the group defines renders: " + name);
            FuzzChecks.check(rendered.get().variants().size() <= 16, "at most 16 statements per template");
            for (SqlText v : rendered.get().variants()) {
                FuzzChecks.checkOrigins(v, bounds);
                if (!v.text().isBlank()) FuzzChecks.analyze(v, Language.SQL, null, SqlFuzzTest.JPA, bounds);
            }
        }
    }

    /** The file's text, every character at its line and column (lines end at LF: CRs were taken out). */
    private static Optional<SqlText> read(Path file) {
        try {
            String text = Files.readString(file);
            Origin[] origins = new Origin[text.length()];
            int line = 1;
            int column = 1;
            for (int i = 0; i < text.length(); i++) {
                origins[i] = Origin.at(file, line, column);
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return Optional.of(SqlText.of(text, origins));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
