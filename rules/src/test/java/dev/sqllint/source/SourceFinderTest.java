package dev.sqllint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which files one walk of the source roots finds: the Java sources the includes and excludes select, in path order,
 * and every XML file beside them (MyBatis mappers), whatever the includes say.
 */
class SourceFinderTest {

    @TempDir
    Path root;

    @Test
    void defaultIncludeTakesEveryJavaFileAndNothingElse() throws IOException {
        write("com/acme/OrderDao.java", "com/acme/Order.javax", "com/acme/notes.txt", "Main.java");

        assertEquals(List.of("Main.java", "com/acme/OrderDao.java"), found(List.of(), List.of()));
    }

    @Test
    void excludesAndNarrowerIncludesStillApply() throws IOException {
        write("com/acme/OrderDao.java", "com/acme/OrderDaoTest.java", "com/acme/generated/QOrder.java");

        assertEquals(List.of("com/acme/OrderDao.java"),
                found(List.of("**/*.java"), List.of("**/generated/**", "**/*Test.java")));
        assertEquals(List.of("com/acme/OrderDaoTest.java"), found(List.of("**/*Test.java"), List.of()));
    }

    @Test
    void theSameWalkListsTheXmlFilesBesideTheCode() throws IOException {
        write("com/acme/OrderDao.java", "com/acme/OrderMapper.xml", "com/acme/LEGACY.XML", "com/acme/notes.txt");
        List<Path> xml = new ArrayList<>();

        new SourceFinder(List.of("**/Nothing.java"), List.of()).find(List.of(root), (file, why) -> { }, xml::add);

        xml.sort(null);
        assertEquals(List.of(root.resolve("com/acme/LEGACY.XML"), root.resolve("com/acme/OrderMapper.xml")), xml);
    }

    @Test
    void theSuffixShortcutMatchesAsThePatternDoes() {
        AntPattern java = AntPattern.compile("**/*.java");

        assertTrue(java.matches("Main.java"));
        assertTrue(java.matches("com/acme/Main.java"));
        assertFalse(java.matches("com/acme/Main.javax"));
        assertFalse(java.matches("com/acme/Main.java/"));
        assertTrue(AntPattern.compile("**/*Test.java").matches("a/OrderTest.java"));
        assertFalse(AntPattern.compile("**/*Test.java").matches("a/Order.java"));
        assertFalse(AntPattern.compile("src/**/*.java").matches("other/A.java"));
    }

    private List<String> found(List<String> includes, List<String> excludes) {
        List<String> out = new ArrayList<>();
        for (SourceFile f : new SourceFinder(includes, excludes).find(List.of(root), (file, why) -> { })) {
            out.add(f.relativePath());
        }
        return out;
    }

    private void write(String... paths) throws IOException {
        for (String p : paths) {
            Path file = root.resolve(p);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        }
    }
}
