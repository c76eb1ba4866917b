package dev.sqllint.rules;

/**
 * What a rule reports: the offset of the clause at fault in the normalised SQL text, the message, whether the schema
 * proved the key facts it relies on (false when naming conventions inferred them), and the severity when it is not
 * the rule's own (null: the rule's).
 */
public record Violation(int offset, String message, boolean proved, Severity severity) {

    public Violation(int offset, String message, boolean proved) {
        this(offset, message, proved, null);
    }
}
