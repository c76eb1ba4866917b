package dev.sqllint.sql;

import java.util.Arrays;
import java.util.Objects;

/**
 * SQL text plus, for every character, the {@link Origin} it came from. Everything that assembles SQL
 * (literals, concatenation, constants, text blocks, placeholder normalisation) builds a SqlText, so a rule
 * that points at a character offset can be reported at the Java line and column that produced it.
 */
public final class SqlText {

    private final String text;
    private final Origin[] origins;
    private final boolean complete;

    private SqlText(String text, Origin[] origins, boolean complete) {
        if (text.length() != origins.length) throw new IllegalArgumentException("origin map out of step");
        this.text = text;
        this.origins = origins;
        this.complete = complete;
    }

    public static SqlText empty() {
        return new SqlText("", new Origin[0], true);
    }

    /** Text whose characters all come from one position (a placeholder, a name). */
    public static SqlText of(String text, Origin origin) {
        Origin[] o = new Origin[text.length()];
        Arrays.fill(o, origin);
        return new SqlText(text, o, true);
    }

    /** Text with one origin per character, e.g. a string literal whose characters sit on known columns. */
    public static SqlText of(String text, Origin[] origins) {
        return new SqlText(text, origins.clone(), true);
    }

    /** Text with one origin per character, taken as it is (not copied), complete or not. */
    static SqlText of(String text, Origin[] origins, boolean complete) {
        return new SqlText(text, origins, complete);
    }

    /**
     * A stand-in for a part that cannot be resolved statically (a method call, a parameter). It is an
     * identifier, so the SQL around it still parses whether it sits where a value, a column or a table goes;
     * it is padded with spaces because code like {@code "select" + schema()} relies on the unknown part to
     * bring its own.
     */
    public static SqlText placeholder(Origin origin) {
        String text = " " + Placeholders.DYNAMIC + " ";
        return new SqlText(text, fill(text.length(), origin), false);
    }

    /**
     * A stand-in for a number computed at run time ({@code "lvl" + (i + 1)}, {@code " limit " + size}): not
     * padded, because a number brings no spaces of its own and, glued to a name, continues it.
     */
    public static SqlText valuePlaceholder(Origin origin) {
        String text = Placeholders.DYNAMIC;
        return new SqlText(text, fill(text.length(), origin), false);
    }

    private static Origin[] fill(int n, Origin origin) {
        Origin[] o = new Origin[n];
        Arrays.fill(o, origin);
        return o;
    }

    public SqlText append(SqlText other) {
        if (other.text.isEmpty()) return this;
        if (text.isEmpty()) return other;
        // alias + "_value", "tb_" + name: an underscore joins the unknown part into one name; no keyword has one at its edge
        if (text.endsWith(Placeholders.DYNAMIC + " ") && other.text.startsWith("_")) return replace(text.length() - 1, text.length(), "").append(other);
        if (text.endsWith("_") && other.text.startsWith(" " + Placeholders.DYNAMIC)) other = other.replace(0, 1, "");
        Origin[] o = Arrays.copyOf(origins, origins.length + other.origins.length);
        System.arraycopy(other.origins, 0, o, origins.length, other.origins.length);
        return new SqlText(text + other.text, o, complete && other.complete);
    }

    /** Replaces {@code [start, end)} with {@code replacement}; the new characters map to the origin at start. */
    public SqlText replace(int start, int end, String replacement) {
        Origin at = originAt(start);
        Origin[] o = new Origin[origins.length - (end - start) + replacement.length()];
        System.arraycopy(origins, 0, o, 0, start);
        Arrays.fill(o, start, start + replacement.length(), at);
        System.arraycopy(origins, end, o, start + replacement.length(), origins.length - end);
        return new SqlText(text.substring(0, start) + replacement + text.substring(end), o, complete);
    }

    /** Same text, every origin marked as read through {@code constant}. */
    public SqlText throughConstant(String constant) {
        Origin[] o = new Origin[origins.length];
        for (int i = 0; i < o.length; i++) o[i] = origins[i].throughConstant(constant);
        return new SqlText(text, o, complete);
    }

    /** Same text, each origin replaced by {@code f}'s (which may return a distinct but equal origin, to tell copies of one text apart). */
    public SqlText mapOrigins(java.util.function.UnaryOperator<Origin> f) {
        Origin[] o = new Origin[origins.length];
        for (int i = 0; i < o.length; i++) o[i] = f.apply(origins[i]);
        return new SqlText(text, o, complete);
    }

    /** The offset of the first character whose origin is {@code origin} itself (not an equal one); -1 when none is. */
    public int offsetOfIdentical(Origin origin) {
        for (int i = 0; i < origins.length; i++) if (origins[i] == origin) return i;
        return -1;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** False when some part was replaced by a placeholder because it could not be resolved. */
    public boolean isComplete() {
        return complete;
    }

    public Origin originAt(int offset) {
        if (origins.length == 0) throw new IllegalStateException("empty SQL has no origin");
        return origins[Math.max(0, Math.min(offset, origins.length - 1))];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlText s && s.text.equals(text) && Arrays.equals(s.origins, origins);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, Arrays.hashCode(origins));
    }

    @Override
    public String toString() {
        return text;
    }
}
