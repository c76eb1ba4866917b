package dev.sqllint.sql;

import java.nio.file.Path;

/**
 * Where one character of assembled SQL came from: a position in a source file, and the constant it was
 * read through, if any (so a finding inside SQL from another class can name that constant).
 */
public record Origin(Path file, int line, int column, String viaConstant) {

    public Origin {
        if (line < 1) line = 1;
        if (column < 1) column = 1;
    }

    public static Origin at(Path file, int line, int column) {
        return new Origin(file, line, column, null);
    }

    /** Marks the origin as read through a constant; the outermost constant (the one the call site names) wins. */
    public Origin throughConstant(String constant) {
        return new Origin(file, line, column, constant);
    }

    public Origin shiftColumn(int delta) {
        return new Origin(file, line, column + delta, viaConstant);
    }
}
