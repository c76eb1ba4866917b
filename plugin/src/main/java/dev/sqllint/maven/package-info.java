/**
 * The Maven plugin: the {@code check} ({@link dev.sqllint.maven.CheckMojo}), {@code baseline} and
 * {@code report} goals, their configuration ({@code RuleConfig}, {@code ReportFormat}), where output goes
 * ({@code ReportFiles}, {@code ReactorRoot}), IDE markers through m2e ({@code IdeMarkers}) and the
 * {@code mvn site} page ({@code FindingsPage}). The analysis itself is in {@code sqllint-rules}.
 *
 * <p>Reads: the build's configuration, source and resource roots. Hands on: an {@code AnalysisConfig} to the
 * engine; the console lines, report files and the build's pass or fail to Maven.
 */
package dev.sqllint.maven;
