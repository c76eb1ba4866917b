package dev.sqllint.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Processor;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.validator.postprocessors.Java21PostProcessor;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;
import dev.sqllint.extract.JavaFile;
import java.util.function.Supplier;

/**
 * Parses Java as sqllint needs it: Java 21's grammar ({@code yield}, records, text blocks) and its post-processing
 * ({@code var} as a type of its own), without the language-level validation. The validation reports code the
 * compiler would reject ({@code private public int x}), which a build that got this far has not got, and it walked
 * every tree once more: a third of JavaParser's time on ThingsBoard. A file with a syntax error still does not parse.
 *
 * <p>Two more walks of every tree run only where they can change something. Comments are attributed to nodes only
 * in a file whose text says {@code sqllint} (only suppressions, {@code // sqllint:ignore}, read them; attributing
 * them was an eighth of JavaParser's time on ThingsBoard, whose files are mostly licence headers and Javadoc). The
 * {@code var} post-processing, which replaces every type named {@code var}, runs only in a file where {@code var}
 * stands as a word (a tenth). A file read with its Unicode escapes translated gets both: its raw text does not
 * show what the escapes spell.
 */
final class JavaSyntax {

    private static final PostProcessors JAVA_21 = new Java21PostProcessor();
    /** Set on a unit parsed here from a text without the word sqllint: it has no suppression to read. */
    private static final DataKey<Boolean> NO_SQLLINT = new DataKey<>() {
    };

    private JavaSyntax() {
    }

    static ParseResult<CompilationUnit> parse(String text, boolean unicodeEscapes) {
        boolean comments = unicodeEscapes || text.contains("sqllint");
        boolean var = unicodeEscapes || hasWord(text, "var");
        ParseResult<CompilationUnit> result = new JavaParser(configuration(unicodeEscapes, comments, var)).parse(text);
        if (!comments) result.getResult().ifPresent(unit -> unit.setData(NO_SQLLINT, Boolean.TRUE));
        if (result.isSuccessful()) result.getResult().ifPresent(unit -> dropTokens(unit, comments));
        return result;
    }

    /**
     * Keeps every node's range and lets the file's tokens go. A node's token range links to its first and last
     * token, and the tokens link to each other, so one node kept alive kept every token of its file: a text, a
     * range and two positions per token. On Fineract that was more than half the live heap (1.0 M tokens in a
     * 270 MB histogram). JavaParser cannot parse without tokens ({@code storeTokens(false)} leaves nodes
     * without ranges), so they are dropped after the parse; nothing sqllint reads needs them.
     */
    private static void dropTokens(CompilationUnit unit, boolean commentsAttributed) {
        for (Node n : JavaFile.preOrder(unit)) keepRangeOnly(n);
        // comments are nodes of the tree only where they were attributed; elsewhere the parse result, dropped, held them
        if (commentsAttributed) for (Comment c : unit.getAllContainedComments()) keepRangeOnly(c);
    }

    private static void keepRangeOnly(Node n) {
        Range range = n.getRange().orElse(null);
        n.setTokenRange(null);
        n.setRange(range);
    }

    /**
     * Whether a unit may hold a sqllint suppression or mention ({@code // sqllint:ignore},
     * {@code @SuppressWarnings("sqllint:...")}): false only for a unit parsed here from a text without the word.
     */
    static boolean maySaySqllint(CompilationUnit unit) {
        return !unit.containsData(NO_SQLLINT);
    }

    private static ParserConfiguration configuration(boolean unicodeEscapes, boolean comments, boolean var) {
        // no line-separator detection: it looked each character up among the separators, as a one-character string,
        // only to tag the file's unit for printing it whole, which sqllint never does (5 % of a parse)
        ParserConfiguration c = new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setPreprocessUnicodeEscapes(unicodeEscapes).setAttributeComments(comments)
                .setDetectOriginalLineSeparator(false);
        // the language level's processor runs its post-processors, then its validator: the post-processors alone
        c.getProcessors().removeIf(JavaSyntax::validates);
        if (var) {
            c.getProcessors().add(() -> new Processor() {
                @Override
                public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
                    JAVA_21.postProcess(result, configuration);
                }
            });
        }
        return c;
    }

    /** {@code word} somewhere in {@code text} with no identifier character on either side. */
    static boolean hasWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** The processor JavaParser makes from the language level (an anonymous class that reads it). */
    private static boolean validates(Supplier<Processor> supplier) {
        Class<?> made = supplier.get().getClass();
        return made.getEnclosingClass() == ParserConfiguration.class && made.isAnonymousClass()
                && LANGUAGE_LEVEL_PROCESSOR.equals(made.getName());
    }

    /** Pinned with JavaParser's version; JavaSyntaxTest fails when an upgrade moves it (validation would be back). */
    private static final String LANGUAGE_LEVEL_PROCESSOR = ParserConfiguration.class.getName() + "$2";
}
