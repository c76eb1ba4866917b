package dev.sqllint.extract;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.comments.BlockComment;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.LineComment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code // sqllint:ignore} comments of one file, by line. A comment applies to its own line (a
 * trailing comment) and to the line below it (a comment on a line of its own above the code). Line and
 * block comments count; Javadoc does not, it documents rather than silences.
 */
public final class IgnoreComments {

    /** A comment and the lines it spans. */
    public record Placed(int firstLine, int lastLine, IgnoreComment comment) {
    }

    public static final IgnoreComments NONE = new IgnoreComments(List.of());

    private final List<Placed> comments;

    private IgnoreComments(List<Placed> comments) {
        this.comments = comments;
    }

    public static IgnoreComments of(CompilationUnit unit) {
        List<Placed> out = new ArrayList<>();
        for (Comment c : unit.getAllComments()) {
            if (!(c instanceof LineComment) && !(c instanceof BlockComment)) continue;
            Optional<Range> range = c.getRange();
            if (range.isEmpty()) continue;
            String text = c instanceof LineComment ? "// " + c.getContent().strip() : "/* " + c.getContent().strip() + " */";
            IgnoreComment.parse(c.getContent(), text)
                    .ifPresent(ic -> out.add(new Placed(range.get().begin.line, range.get().end.line, ic)));
        }
        return out.isEmpty() ? NONE : new IgnoreComments(out);
    }

    /** Ignore comments read from a file that is not Java (the XML comments of a MyBatis mapper). */
    public static IgnoreComments of(List<Placed> placed) {
        return placed.isEmpty() ? NONE : new IgnoreComments(List.copyOf(placed));
    }

    /** The first comment that ignores {@code rule} on {@code line}: on that line, or ending on the line above. */
    public Optional<IgnoreComment> covering(String rule, int line) {
        for (Placed p : comments) {
            boolean onLine = p.firstLine() <= line && line <= p.lastLine();
            boolean above = p.lastLine() == line - 1;
            if ((onLine || above) && p.comment().covers(rule)) return Optional.of(p.comment());
        }
        return Optional.empty();
    }
}
