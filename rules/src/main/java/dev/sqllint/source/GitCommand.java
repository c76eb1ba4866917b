package dev.sqllint.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code git} executable once, in a given directory and within a time-out, and captures what it
 * prints. The installed command, not a Java git library: it already knows the repository's configuration,
 * worktrees and ignore rules, and sqllint gains no dependency. Both streams are drained while git runs, so
 * a long listing cannot block it on a full pipe; a git that hangs (a credential prompt, a lock) is killed at
 * the time-out.
 */
final class GitCommand {

    /** What one run printed and how it exited. */
    record Output(int exitCode, byte[] stdout, String stderr) {

        boolean ok() {
            return exitCode == 0;
        }

        String text() {
            return new String(stdout, StandardCharsets.UTF_8).strip();
        }

        /** The first line of git's complaint, for an error message. */
        String complaint() {
            return stderr.lines().filter(l -> !l.isBlank()).findFirst().orElse("exit code " + exitCode).strip();
        }
    }

    private final Path directory;
    private final Duration timeout;

    GitCommand(Path directory, Duration timeout) {
        this.directory = directory;
        this.timeout = timeout;
    }

    /**
     * Runs {@code git args...}.
     *
     * @throws IOException when git cannot be started, or does not finish within the time-out
     */
    Output run(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("GIT_TERMINAL_PROMPT", "0"); // never wait for a password nobody will type
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("git " + args[0] + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Output(process.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while git " + args[0] + " ran", e);
        } catch (ExecutionException e) {
            throw new IOException("cannot read what git " + args[0] + " printed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
