package dev.sqllint.mybatis;

import java.util.Arrays;

/**
 * Converts between character offsets in a text and the 1-based lines and columns an XML parser's
 * {@code Locator} reports. Line breaks are counted the way XML 1.0 does ({@code \r\n}, {@code \r} and
 * {@code \n} each end a line), so the parser's positions and ours name the same characters.
 */
final class TextPositions {

    private final int length;
    private final int[] lineStarts;

    TextPositions(String text) {
        this.length = text.length();
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (!lineEnd) continue;
            if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
            starts[n++] = i + 1;
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    /** The offset of a parser position; out-of-range positions are clamped into the text. */
    int offset(int line, int column) {
        if (line < 1) return 0;
        if (line > lineStarts.length) return length;
        return Math.max(0, Math.min(length, lineStarts[line - 1] + Math.max(1, column) - 1));
    }

    int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.max(0, offset));
        return (i >= 0 ? i : -i - 2) + 1;
    }

    int column(int offset) {
        return Math.max(0, offset) - lineStarts[line(offset) - 1] + 1;
    }
}
