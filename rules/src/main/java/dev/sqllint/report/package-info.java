/**
 * Findings into outputs: console lines ({@link dev.sqllint.report.ConsoleReport}), SARIF 2.1.0
 * ({@link dev.sqllint.report.SarifWriter}, with fingerprints), checkstyle XML, the coverage lines
 * ({@code SourcesReport}), the baseline ({@code Baseline}, {@code BaselineXml}, {@code SqlFingerprint}) and the
 * gate that decides whether the build fails ({@link dev.sqllint.report.Gate}); and the rule pages generated
 * from {@code @RuleInfo} ({@code RuleDocs}).
 *
 * <p>Reads: an analysis result from the engine. Hands on: text and files, to the Maven plugin, which decides
 * where they go.
 */
package dev.sqllint.report;
