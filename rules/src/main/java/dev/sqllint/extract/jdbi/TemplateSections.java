package dev.sqllint.extract.jdbi;

import dev.sqllint.extract.jdbi.TemplateBranches.Branch;
import dev.sqllint.extract.jdbi.TemplateBranches.Edit;
import dev.sqllint.extract.jdbi.TemplateBranches.Fixed;
import dev.sqllint.extract.jdbi.TemplateBranches.Part;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Collects a template's structure while a tokenizer (FreeMarker, StringTemplate) reads it: fixed edits,
 * and nested sections opened, split into branches and closed by tags. Lenient: a stray else or end tag is
 * just removed, a section left open ends with the text.
 */
final class TemplateSections {

    private static final class Frame {
        final int start;
        final boolean optional;
        final List<Branch> done = new ArrayList<>();
        int bodyStart;
        List<Part> parts = new ArrayList<>();
        boolean hasElse;

        Frame(int start, int bodyStart, boolean optional) {
            this.start = start;
            this.bodyStart = bodyStart;
            this.optional = optional;
        }
    }

    private final List<Part> root = new ArrayList<>();
    private final Deque<Frame> open = new ArrayDeque<>();

    private List<Part> current() {
        return open.isEmpty() ? root : open.peek().parts;
    }

    /** An edit made in every variant that reaches this point (a removed tag, a placeholder). */
    void fixed(int start, int end, String replacement) {
        current().add(new Fixed(new Edit(start, end, replacement)));
    }

    /**
     * A section starts with the tag {@code [tagStart, tagEnd)}; {@code optional}: it may print nothing
     * (an if without else), else one of its branches is always taken (a list printed once).
     */
    void open(int tagStart, int tagEnd, boolean optional) {
        open.push(new Frame(tagStart, tagEnd, optional));
    }

    /** An elseif or else tag: the current branch ends, the next one starts after the tag. */
    void branch(int tagStart, int tagEnd, boolean isElse) {
        if (open.isEmpty()) {
            fixed(tagStart, tagEnd, "");
            return;
        }
        Frame f = open.peek();
        f.done.add(new Branch(f.bodyStart, tagStart, f.parts));
        f.parts = new ArrayList<>();
        f.bodyStart = tagEnd;
        f.hasElse |= isElse;
    }

    /** The end tag of the innermost section. */
    void close(int tagStart, int tagEnd) {
        if (open.isEmpty()) {
            fixed(tagStart, tagEnd, "");
            return;
        }
        Frame f = open.pop();
        f.done.add(new Branch(f.bodyStart, tagStart, f.parts));
        current().add(TemplateBranches.section(f.start, tagEnd, f.done, f.hasElse || !f.optional));
    }

    boolean inSection() {
        return !open.isEmpty();
    }

    /** The parts of the whole template; sections still open end at {@code length}. */
    List<Part> finish(int length) {
        while (!open.isEmpty()) close(length, length);
        return root;
    }
}
