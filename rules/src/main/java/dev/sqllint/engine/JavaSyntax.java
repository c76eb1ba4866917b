package dev.sqllint.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.validator.postprocessors.Java21PostProcessor;
import com.github.javaparser.ast.validator.postprocessors.PostProcessors;
import java.util.function.Supplier;

/**
 * Parses Java as sqllint needs it: Java 21's grammar ({@code yield}, records, text blocks) and its post-processing
 * ({@code var} as a type of its own), without the language-level validation. The validation reports code the
 * compiler would reject ({@code private public int x}), which a build that got this far has not got, and it walked
 * every tree once more: a third of JavaParser's time on ThingsBoard. A file with a syntax error still does not parse.
 */
final class JavaSyntax {

    private static final PostProcessors JAVA_21 = new Java21PostProcessor();

    private JavaSyntax() {
    }

    static ParseResult<CompilationUnit> parse(String text, boolean unicodeEscapes) {
        return new JavaParser(configuration(unicodeEscapes)).parse(text);
    }

    static ParserConfiguration configuration(boolean unicodeEscapes) {
        ParserConfiguration c = new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                .setPreprocessUnicodeEscapes(unicodeEscapes);
        // the language level's processor runs its post-processors, then its validator: the post-processors alone
        c.getProcessors().removeIf(JavaSyntax::validates);
        c.getProcessors().add(() -> new Processor() {
            @Override
            public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
                JAVA_21.postProcess(result, configuration);
            }
        });
        return c;
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
