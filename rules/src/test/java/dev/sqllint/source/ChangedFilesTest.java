package dev.sqllint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request's files, from a real repository built in each test: a branch {@code feature} left
 * {@code main}, committed a new DAO, and has uncommitted work; {@code main} moved on after it left.
 */
class ChangedFilesTest {

    private static final String JAVA = "module/src/main/java/com/acme/";

    @TempDir
    Path repo;

    @BeforeAll
    static void gitIsInstalled() {
        assumeTrue(canRun("git", "--version"), "git is not installed");
    }

    @BeforeEach
    void pullRequestInProgress() throws Exception {
        git("init", "-q");
        git("symbolic-ref", "HEAD", "refs/heads/main");
        git("config", "user.name", "Test");
        git("config", "user.email", "test@example.com");
        git("config", "commit.gpgsign", "false");
        write(".gitignore", "target/\n");
        write(JAVA + "TrackDao.java", "class TrackDao {}\n");
        write(JAVA + "ReviewDao.java", "class ReviewDao {}\n");
        write(JAVA + "Tables.java", "class Tables {}\n");
        commitAll("main: three DAOs");

        git("checkout", "-q", "-b", "feature");
        write(JAVA + "TopicDao.java", "class TopicDao {}\n");
        commitAll("feature: a new DAO");

        git("checkout", "-q", "main");
        write(JAVA + "Tables.java", "class Tables { static final String T = \"t\"; }\n");
        write(JAVA + "LaterDao.java", "class LaterDao {}\n");
        commitAll("main moves on after feature left");

        git("checkout", "-q", "feature");
        write(JAVA + "TrackDao.java", "class TrackDao { /* unstaged */ }\n");
        write(JAVA + "ReviewDao.java", "class ReviewDao { /* staged */ }\n");
        git("add", JAVA + "ReviewDao.java");
        write(JAVA + "Untracked Dao é.java", "class UntrackedDao {}\n");
        write("module/target/generated/Ignored.java", "class Ignored {}\n");
    }

    @Test
    void sinceTheBaseBranchAreTheBranchCommitsAndTheUncommittedWork() throws Exception {
        ChangedFiles changed = ChangedFiles.since("main", repo.resolve("module"));

        assertEquals(Set.of("TopicDao.java", "TrackDao.java", "ReviewDao.java", "Untracked Dao é.java"), names(changed));
        assertEquals(repo.toRealPath(), changed.workTree());
        assertEquals("main", changed.ref());
    }

    @Test
    void whatLandedOnTheBaseBranchAfterTheBranchLeftIsNotTheChangesOwn() throws Exception {
        ChangedFiles changed = ChangedFiles.since("main", repo);

        assertFalse(changed.contains(repo.resolve(JAVA + "LaterDao.java")));
        assertFalse(changed.contains(repo.resolve(JAVA + "Tables.java")));
        assertFalse(changed.contains(repo.resolve("module/target/generated/Ignored.java")), "ignored files are not changes");
    }

    @Test
    void sinceHeadIsTheUncommittedWorkOnly() throws Exception {
        ChangedFiles changed = ChangedFiles.since("HEAD", repo);

        assertEquals(Set.of("TrackDao.java", "ReviewDao.java", "Untracked Dao é.java"), names(changed));
    }

    @Test
    void aCommitIdWorksLikeABranch() throws Exception {
        String mainCommit = git("rev-parse", "main").strip();

        assertEquals(names(ChangedFiles.since("main", repo)), names(ChangedFiles.since(mainCommit, repo)));
    }

    @Test
    void findingsPathsMatchThroughASymbolicLinkToTheProject() throws Exception {
        Path link = Files.createSymbolicLink(repo.resolveSibling(repo.getFileName() + "-link"), repo);
        try {
            ChangedFiles changed = ChangedFiles.since("HEAD", link.resolve("module"));

            assertTrue(changed.contains(link.resolve(JAVA + "TrackDao.java")));
            assertFalse(changed.contains(link.resolve(JAVA + "TopicDao.java")));
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void anUnknownRefIsAClearError() {
        ChangedFiles.GitProblem e = assertThrows(ChangedFiles.GitProblem.class, () -> ChangedFiles.since("no-such-branch", repo));

        assertTrue(e.getMessage().startsWith("names an unknown git ref 'no-such-branch' in " + repo), e.getMessage());
    }

    @Test
    void aRefThatLooksLikeAnOptionIsAnUnknownRefNotAnOption() {
        ChangedFiles.GitProblem e = assertThrows(ChangedFiles.GitProblem.class, () -> ChangedFiles.since("--all", repo));

        assertTrue(e.getMessage().contains("unknown git ref '--all'"), e.getMessage());
    }

    @Test
    void historyUnrelatedToHeadIsAClearError() throws Exception {
        git("checkout", "-q", "--orphan", "unrelated");
        commitAll("a root commit of its own");
        git("checkout", "-q", "feature");

        ChangedFiles.GitProblem e = assertThrows(ChangedFiles.GitProblem.class, () -> ChangedFiles.since("unrelated", repo));

        assertTrue(e.getMessage().contains("shares no history with HEAD"), e.getMessage());
    }

    /**
     * A directory outside any git work tree. (The integration tests cannot show this: their projects are
     * cloned under it/target, inside sqllint's own work tree.)
     */
    @Test
    void outsideAWorkTreeIsAClearError(@TempDir Path notARepository) {
        ChangedFiles.GitProblem e = assertThrows(ChangedFiles.GitProblem.class, () -> ChangedFiles.since("main", notARepository));

        assertTrue(e.getMessage().startsWith("needs a git work tree: " + notARepository + " is not inside one (git: fatal:"),
                e.getMessage());
    }

    private static Set<String> names(ChangedFiles changed) {
        Set<String> names = new TreeSet<>();
        for (Path p : changed.files()) names.add(p.getFileName().toString());
        return names;
    }

    private void write(String relative, String text) throws IOException {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void commitAll(String message) throws Exception {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    private String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "git " + String.join(" ", args) + ": " + out);
        return out;
    }

    private static boolean canRun(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
