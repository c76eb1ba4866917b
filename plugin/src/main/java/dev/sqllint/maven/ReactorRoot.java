package dev.sqllint.maven;

import java.io.File;
import java.nio.file.Path;

/**
 * The top of the build, which SARIF paths are relative to ({@code %SRCROOT%}). GitHub code scanning resolves
 * a SARIF path against the repository checkout, so a module's {@code src/main/java/...} would point nowhere:
 * it must read {@code billing/src/main/java/...}. Maven knows the top as
 * {@code maven.multiModuleProjectDirectory} (the nearest directory with {@code .mvn}, else where the build
 * started) and as the session's execution root directory; the first of them that contains the project wins,
 * and the project's own directory when neither does (an embedded or unusual launch).
 */
final class ReactorRoot {

    private ReactorRoot() {
    }

    static Path of(File multiModuleProjectDirectory, File executionRootDirectory, File projectDir) {
        Path project = projectDir.toPath().toAbsolutePath().normalize();
        for (File candidate : new File[] {multiModuleProjectDirectory, executionRootDirectory}) {
            if (candidate == null || !candidate.isDirectory()) continue;
            Path root = candidate.toPath().toAbsolutePath().normalize();
            if (project.startsWith(root)) return root;
        }
        return project;
    }
}
