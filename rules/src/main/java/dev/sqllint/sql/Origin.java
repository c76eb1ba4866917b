package dev.sqllint.sql;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one character of assembled SQL came from: a position in a source file, and the constant it was
 * read through, if any (so a finding inside SQL from another class can name that constant).
 *
 * <p>An origin may also carry a mark ({@link #marked}): what produced the very character it is attached to, which a
 * producer reads back after the text went through normalisation and repairs (the MyBatis renderer marks the
 * characters of an {@code <if>} body with the if that wrote them). The mark is not part of the origin's value:
 * equal positions are equal origins, marked or not. It was an identity map from origin to writer, one entry per
 * character: a fifth of a cold Camunda run went to hashing those.
 */
public final class Origin {

    private final Path file;
    private final int line;
    private final int column;
    private final String viaConstant;
    private final Object mark;

    public Origin(Path file, int line, int column, String viaConstant) {
        this(file, line, column, viaConstant, null);
    }

    private Origin(Path file, int line, int column, String viaConstant, Object mark) {
        this.file = file;
        this.line = Math.max(1, line);
        this.column = Math.max(1, column);
        this.viaConstant = viaConstant;
        this.mark = mark;
    }

    public static Origin at(Path file, int line, int column) {
        return new Origin(file, line, column, null);
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String viaConstant() {
        return viaConstant;
    }

    /** Marks the origin as read through a constant; the outermost constant (the one the call site names) wins. */
    public Origin throughConstant(String constant) {
        return new Origin(file, line, column, constant);
    }

    public Origin shiftColumn(int delta) {
        return new Origin(file, line, column + delta, viaConstant);
    }

    /**
     * The same position as a new object carrying {@code mark}. Only this object carries it: an origin derived from it
     * ({@link #throughConstant}, {@link #shiftColumn}) does not.
     */
    public Origin marked(Object mark) {
        return new Origin(file, line, column, viaConstant, mark);
    }

    /** What {@link #marked} attached; null for an unmarked origin. */
    public Object mark() {
        return mark;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Origin other && line == other.line && column == other.column
                && Objects.equals(file, other.file) && Objects.equals(viaConstant, other.viaConstant);
    }

    /** As the record this class was computed it, so hashed collections of origins keep their order. */
    @Override
    public int hashCode() {
        int h = Objects.hashCode(file);
        h = h * 31 + Integer.hashCode(line);
        h = h * 31 + Integer.hashCode(column);
        return h * 31 + Objects.hashCode(viaConstant);
    }

    @Override
    public String toString() {
        return "Origin[file=" + file + ", line=" + line + ", column=" + column + ", viaConstant=" + viaConstant + "]";
    }
}
