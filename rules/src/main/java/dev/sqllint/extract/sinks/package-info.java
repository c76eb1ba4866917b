/**
 * What counts as a query entry point, and the cheap tests made before and after folding.
 * {@link dev.sqllint.extract.sinks.SinkCatalog} (with {@code SinkCatalogMore}) lists the sink methods,
 * constructors and annotations sqllint reads, by declaring type, with the language their SQL is in;
 * {@link dev.sqllint.extract.sinks.SqlRelevance} is the pre-filter that picks, from outlines alone, the files
 * worth parsing; {@code SqlLooks} and {@code StatementStart} tell whether a text reads like a statement.
 *
 * <p>Reads: catalogue data, outlines, texts. Hands on: the catalogue to the entry point
 * ({@code JavaSqlExtractor}) and its sink readers, the chosen files to the engine.
 */
package dev.sqllint.extract.sinks;
