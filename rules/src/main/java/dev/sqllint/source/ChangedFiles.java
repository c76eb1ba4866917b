package dev.sqllint.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files a change touches, as git sees them: what a pull request's review should be told about.
 *
 * <p>Changed since a ref means changed on this branch since it left the ref, the way a pull request's
 * "Files changed" tab counts (merge-base semantics, like {@code git diff ref...HEAD}): commits that landed
 * on the ref afterwards are not this change's, so they are not reported. To that come the changes not yet
 * committed: staged, unstaged and untracked (not ignored) files. In git's terms: {@code git diff --name-only
 * $(git merge-base ref HEAD)} (the merge base against the work tree, so committed, staged and unstaged
 * changes at once) plus {@code git ls-files --others --exclude-standard}.
 *
 * <p>Paths are kept absolute and real (symbolic links resolved, like git's {@code --show-toplevel}), so
 * they compare with the absolute paths of findings whatever directory the build was started from.
 */
public final class ChangedFiles {

    /** Long enough for a large repository on a slow disk; short enough that a hung git does not hang a build. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final String ref;
    private final Path workTree;
    private final Set<Path> files;

    private ChangedFiles(String ref, Path workTree, Set<Path> files) {
        this.ref = ref;
        this.workTree = workTree;
        this.files = Collections.unmodifiableSet(files);
    }

    /** Why the changed files could not be listed: the message says what to do, for the build's error. */
    public static final class GitProblem extends Exception {
        GitProblem(String message) {
            super(message);
        }
    }

    /** The files changed since {@code ref} in the git work tree that holds {@code directory}. */
    public static ChangedFiles since(String ref, Path directory) throws GitProblem {
        return since(ref, directory, DEFAULT_TIMEOUT);
    }

    public static ChangedFiles since(String ref, Path directory, Duration timeout) throws GitProblem {
        try {
            Path top = workTree(new GitCommand(directory, timeout), directory);
            GitCommand git = new GitCommand(top, timeout);
            String base = mergeBase(git, commitOf(git, ref, top), ref);
            Set<Path> files = new TreeSet<>();
            addPaths(files, top, run(git, "diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", base, "--"));
            addPaths(files, top, run(git, "ls-files", "--others", "--exclude-standard", "-z"));
            return new ChangedFiles(ref, top, files);
        } catch (IOException e) {
            throw new GitProblem("could not list the changed files: " + e.getMessage());
        }
    }

    public String ref() {
        return ref;
    }

    /** The top directory of the work tree ({@code git rev-parse --show-toplevel}). */
    public Path workTree() {
        return workTree;
    }

    /** Absolute, real paths of the changed files, sorted; deleted files included (they are simply never scanned). */
    public Set<Path> files() {
        return files;
    }

    /** Whether {@code file} (absolute, or relative to the current directory) is one of the changed files. */
    public boolean contains(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (files.contains(absolute)) return true;
        try {
            return files.contains(absolute.toRealPath());
        } catch (IOException e) {
            return false; // gone since it was read: nothing to report on it anyway
        }
    }

    private static Path workTree(GitCommand git, Path directory) throws IOException, GitProblem {
        GitCommand.Output top;
        try {
            top = git.run("rev-parse", "--show-toplevel");
        } catch (IOException e) {
            throw new GitProblem("needs a git work tree and the git command: cannot run git in " + directory + " ("
                    + e.getMessage() + ")");
        }
        if (!top.ok() || top.text().isEmpty()) {
            throw new GitProblem("needs a git work tree: " + directory + " is not inside one (git: " + top.complaint() + ")");
        }
        return real(Path.of(top.text()));
    }

    private static String commitOf(GitCommand git, String ref, Path top) throws IOException, GitProblem {
        // a ref that starts with '-' would be read as an option: no branch or tag can be named so anyway
        GitCommand.Output commit = ref == null || ref.isBlank() || ref.startsWith("-") ? null
                : git.run("rev-parse", "--verify", "--quiet", ref + "^{commit}");
        if (commit == null || !commit.ok()) {
            throw new GitProblem("names an unknown git ref '" + ref + "' in " + top
                    + " (a branch, tag or commit; a CI checkout may need to fetch it first, e.g. git fetch origin main)");
        }
        return commit.text();
    }

    private static String mergeBase(GitCommand git, String commit, String ref) throws IOException, GitProblem {
        GitCommand.Output base = git.run("merge-base", commit, "HEAD");
        if (base.exitCode() == 1) {
            throw new GitProblem("names git ref '" + ref + "', which shares no history with HEAD"
                    + " (a shallow clone? fetch the full history, e.g. git fetch --unshallow)");
        }
        if (!base.ok()) throw new IOException("git merge-base " + ref + " HEAD: " + base.complaint());
        return base.text();
    }

    private static GitCommand.Output run(GitCommand git, String... args) throws IOException {
        GitCommand.Output out = git.run(args);
        if (!out.ok()) throw new IOException("git " + String.join(" ", args) + ": " + out.complaint());
        return out;
    }

    /** {@code -z} output: paths relative to the top, NUL-separated, never quoted. */
    private static void addPaths(Set<Path> into, Path top, GitCommand.Output out) {
        for (String relative : new String(out.stdout(), StandardCharsets.UTF_8).split("\0")) {
            if (!relative.isEmpty()) into.add(top.resolve(relative).normalize());
        }
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
