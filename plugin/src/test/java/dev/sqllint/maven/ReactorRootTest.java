package dev.sqllint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReactorRootTest {

    @TempDir
    Path repo;

    @Test
    void moduleOfAMultiModuleBuildIsRelativeToTheTop() throws IOException {
        Path module = Files.createDirectories(repo.resolve("billing"));

        assertEquals(repo, ReactorRoot.of(repo.toFile(), repo.toFile(), module.toFile()));
    }

    @Test
    void executionRootWhenMultiModuleDirectoryIsUnset() throws IOException {
        Path module = Files.createDirectories(repo.resolve("billing"));

        assertEquals(repo, ReactorRoot.of(null, repo.toFile(), module.toFile()));
    }

    @Test
    void projectDirectoryWhenNeitherContainsIt() throws IOException {
        Path elsewhere = Files.createDirectories(repo.resolve("elsewhere"));
        Path project = Files.createDirectories(repo.resolve("project"));

        assertEquals(project, ReactorRoot.of(elsewhere.toFile(), new File(repo.toFile(), "missing"), project.toFile()));
        assertEquals(project, ReactorRoot.of(null, null, project.toFile()));
    }
}
