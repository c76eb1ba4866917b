package dev.sqllint.extract;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.comments.BlockComment;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.LineComment;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code // sqllint:ignore} comments of one file, by line. A comment applies to its own line (a
 * trailing comment) and to the line below it (a comment on a line of its own above the code). A comment on
 * the line right above a statement applies to the whole statement, however many lines it spans: above
 * {@code return jdbc.queryForList(} it covers the SQL on the lines that follow. Above a field it covers the
 * field's initializer; above an annotated method, its annotations (a {@code @Query} whose text starts on a
 * later line). Line and block comments count; Javadoc does not, it documents rather than silences.
 */
public final class IgnoreComments {

    /**
     * A comment, the lines it spans and the last line of the statement it sits right above ({@code lastLine}
     * when it sits above none).
     */
    public record Placed(int firstLine, int lastLine, int statementEnd, IgnoreComment comment) {

        public Placed(int firstLine, int lastLine, IgnoreComment comment) {
            this(firstLine, lastLine, lastLine, comment);
        }

        boolean coversLine(int line) {
            return (firstLine <= line && line <= lastLine) || line == lastLine + 1 || (lastLine < line && line <= statementEnd);
        }
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
            int last = range.get().end.line;
            int statementEnd = c.getCommentedNode().flatMap(n -> coveredEnd(n, last)).orElse(last);
            IgnoreComment.parse(c.getContent(), text)
                    .ifPresent(ic -> out.add(new Placed(range.get().begin.line, last, statementEnd, ic)));
        }
        return out.isEmpty() ? NONE : new IgnoreComments(out);
    }

    /**
     * The last line a comment ending on {@code commentEnd} covers through the node it documents, when that node
     * starts on the next line: a simple statement (not a block, loop or branch, which would silence everything
     * inside), a field, or the annotations of a method or type.
     */
    private static Optional<Integer> coveredEnd(Node node, int commentEnd) {
        Optional<Range> range = node.getRange();
        if (range.isEmpty() || range.get().begin.line != commentEnd + 1) return Optional.empty();
        if (node instanceof ExpressionStmt || node instanceof ReturnStmt || node instanceof ThrowStmt
                || node instanceof YieldStmt || node instanceof FieldDeclaration) {
            return Optional.of(range.get().end.line);
        }
        if (node instanceof NodeWithAnnotations<?> annotated) {
            return annotated.getAnnotations().stream().map(Node::getRange).flatMap(Optional::stream)
                    .map(r -> r.end.line).max(Integer::compare);
        }
        return Optional.empty();
    }

    /** Ignore comments read from a file that is not Java (the XML comments of a MyBatis mapper). */
    public static IgnoreComments of(List<Placed> placed) {
        return placed.isEmpty() ? NONE : new IgnoreComments(List.copyOf(placed));
    }

    /** Every ignore comment of the file, in the order written. */
    public List<Placed> placed() {
        return comments;
    }

    /**
     * The first comment that ignores {@code rule} on {@code line}: on that line, ending on the line above, or
     * above the statement that holds the line.
     */
    public Optional<IgnoreComment> covering(String rule, int line) {
        for (Placed p : comments) {
            if (p.coversLine(line) && p.comment().covers(rule)) return Optional.of(p.comment());
        }
        return Optional.empty();
    }
}
