package dev.sqllint.rules;

/**
 * What a rule reports: the offset of the clause at fault in the normalised SQL text, the message, and
 * whether the schema proved the key facts it relies on (false when naming conventions inferred them).
 */
public record Violation(int offset, String message, boolean proved) {
}
