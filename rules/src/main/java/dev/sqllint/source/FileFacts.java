package dev.sqllint.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Answers about a file that depend only on its content (its digest, whether a script declares tables, what a
 * changelog includes). A run with a cache keeps them with the file's {@link FileStamp}, so the next run answers
 * from them without reading the file while the stamp proves the content unchanged. Schema discovery reads every
 * configuration, changelog and script candidate of a module (and, in a multi-module build, of every other module) to
 * answer a few such questions: in a fresh JVM, scanning that text was most of a warm run's discovery.
 */
public interface FileFacts {

    /** Computes an answer from the file's content (never null). */
    @FunctionalInterface
    interface Question {
        String answer(Path file) throws IOException;
    }

    /**
     * The answer to the question named {@code name} about {@code file}: kept from an earlier read of the same
     * content, or {@code question}'s now. Kept answers are valid for one sqllint build (the cache is), so a
     * question may change its meaning from one release to the next.
     */
    String answer(Path file, String name, Question question) throws IOException;

    /** Keeps nothing: every question is answered from the file. */
    FileFacts NONE = (file, name, question) -> question.answer(file);

    /**
     * A list as one answer ({@link #items} reads it back). No item may hold a NUL character, and a list of one empty
     * item reads back empty.
     */
    static String list(List<String> items) {
        return String.join("\u0000", items);
    }

    /** The items of an answer {@link #list} wrote. */
    static List<String> items(String answer) {
        return answer.isEmpty() ? List.of() : List.of(answer.split("\u0000", -1));
    }
}
