package dev.sqllint.extract.java;

import com.github.javaparser.Position;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns Java string literals and text blocks into SqlText whose every character knows its source line
 * and column, decoding escapes and text-block indentation the way javac does.
 */
final class LiteralText {

    private LiteralText() {
    }

    static SqlText of(StringLiteralExpr literal, Path file) {
        Position begin = literal.getBegin().orElse(new Position(1, 1));
        // the raw value starts one column after the opening quote
        return decode(literal.getValue(), file, begin.line, begin.column + 1);
    }

    static SqlText of(TextBlockLiteralExpr block, Path file) {
        Position begin = block.getBegin().orElse(new Position(1, 1));
        // JLS 3.10.6: CR LF, CR and LF all end a line (and become LF)
        String[] lines = block.getValue().split("\r\n|\r|\n", -1);
        // JavaParser drops the opening delimiter's line break only right after the quotes; with blanks between
        // ("""  ) they and the break are still in the value, one line more than the literal spans after its first
        int spans = block.getEnd().map(end -> end.line - begin.line).orElse(-1);
        if (lines.length > 1 && lines.length - 1 == spans) lines = Arrays.copyOfRange(lines, 1, lines.length);
        int indent = commonIndent(lines);
        SqlText out = SqlText.empty();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean last = i == lines.length - 1;
            String content = line.length() >= indent ? line.substring(indent) : "";
            content = stripTrailing(content);
            boolean continues = endsWithLineContinuation(content);
            if (continues) content = content.substring(0, content.length() - 1);
            // the content starts on the line after the opening delimiter
            SqlText piece = decode(content, file, begin.line + 1 + i, indent + 1);
            out = out.append(piece);
            if (!last && !continues) {
                // just past the content; a blank line shorter than the indentation ends where it ends
                int column = Math.min(indent, line.length()) + 1 + content.length();
                out = out.append(SqlText.of("\n", Origin.at(file, begin.line + 1 + i, column)));
            }
        }
        return out;
    }

    private static boolean endsWithLineContinuation(String content) {
        int backslashes = 0;
        for (int i = content.length() - 1; i >= 0 && content.charAt(i) == '\\'; i--) backslashes++;
        return backslashes % 2 == 1;
    }

    /** JLS 3.10.7: trailing white space is incidental, by {@link Character#isWhitespace} (also U+2003, U+3000). */
    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) end--;
        return s.substring(0, end);
    }

    /** JLS 3.10.6: the minimum indentation over non-blank lines and the closing-delimiter line. */
    private static int commonIndent(String[] lines) {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean last = i == lines.length - 1;
            if (line.isBlank() && !last) continue;
            int n = 0;
            while (n < line.length() && Character.isWhitespace(line.charAt(n))) n++;
            min = Math.min(min, n);
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    /** Decodes Java escapes; each output character maps to the column of its first source character. */
    private static SqlText decode(String raw, Path file, int line, int firstColumn) {
        StringBuilder text = new StringBuilder(raw.length());
        List<Origin> origins = new ArrayList<>(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            Origin at = Origin.at(file, line, firstColumn + i);
            if (c != '\\' || i + 1 >= raw.length()) {
                text.append(c);
                origins.add(at);
                i++;
                continue;
            }
            char e = raw.charAt(i + 1);
            int consumed = 2;
            String decoded;
            switch (e) {
                case 'n' -> decoded = "\n";
                case 't' -> decoded = "\t";
                case 'r' -> decoded = "\r";
                case 'b' -> decoded = "\b";
                case 'f' -> decoded = "\f";
                case 's' -> decoded = " ";
                case '\n' -> decoded = "";
                case 'u' -> {
                    int j = i + 1;
                    while (j < raw.length() && raw.charAt(j) == 'u') j++;
                    if (j + 4 <= raw.length()) {
                        decoded = String.valueOf((char) Integer.parseInt(raw.substring(j, j + 4), 16));
                        consumed = j + 4 - i;
                    } else {
                        decoded = "u";
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        // JLS 3.10.7: three octal digits only from \0xx to \377; "\477" is "\47" then '7'
                        int digits = e <= '3' ? 3 : 2;
                        int j = i + 1;
                        while (j < raw.length() && j < i + 1 + digits && raw.charAt(j) >= '0' && raw.charAt(j) <= '7') j++;
                        decoded = String.valueOf((char) Integer.parseInt(raw.substring(i + 1, j), 8));
                        consumed = j - i;
                    } else {
                        decoded = String.valueOf(e);
                    }
                }
            }
            for (int k = 0; k < decoded.length(); k++) {
                text.append(decoded.charAt(k));
                origins.add(at);
            }
            i += consumed;
        }
        return SqlText.of(text.toString(), origins.toArray(new Origin[0]));
    }
}
