/**
 * The rules: one class per slow-query shape, its metadata in {@link dev.sqllint.rules.RuleInfo}, registered in
 * {@link dev.sqllint.rules.Rules}. A rule sees a {@link dev.sqllint.rules.Query} (one parsed statement, its
 * language, the key model, the project's database) and returns {@link dev.sqllint.rules.Violation}s; the shared
 * reading of a statement lives beside them ({@code SelectScope}, {@code Bindings}, {@code KeysGiven},
 * {@code Advice} for the wording per database).
 *
 * <p>Reads: parsed statements and {@code schema.KeyModel}. Hands on: violations (an offset into the SQL text,
 * a message, whether the schema proved it), to the engine.
 */
package dev.sqllint.rules;
