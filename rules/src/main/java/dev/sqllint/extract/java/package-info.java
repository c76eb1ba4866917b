/**
 * Folding Java into SQL text: {@link dev.sqllint.extract.java.StringFolder} reads an expression (literals and
 * text blocks, constants from any file through the {@code ProjectIndex}, {@code +}, {@code StringBuilder}
 * chains, {@code String.format}, {@code MessageFormat}, ternaries, helper methods per call) and returns the
 * {@code SqlText} variants it can hold, every character keeping its source line and column.
 *
 * <p>Reads: JavaParser nodes of one file, and the project's declarations through {@code ProjectIndex} and
 * {@code TypeNames}. Hands on: lists of variants ({@link dev.sqllint.extract.java.Variants}, capped), to the
 * sink readers in {@code extract}, to the fluent APIs' plain-SQL calls and to MyBatis providers. Local flow
 * ({@code LocalFlow} with {@code Conditions}, {@code Facts}, {@code TwinTests}) follows a local along each path
 * of a method, so that branches the code cannot take together are not combined;
 * {@link dev.sqllint.extract.java.Declarations} tells what a name refers to, by Java's scoping rules.
 */
package dev.sqllint.extract.java;
