/**
 * Jdbi SQL objects ({@link dev.sqllint.extract.jdbi.JdbiSqlObjects}): {@code @SqlQuery}/{@code @SqlUpdate}
 * methods, where their statement is (the annotation, a classpath {@code .sql} resource read by
 * {@code ResourceText}, a StringTemplate group file) and which template engine renders it: Jdbi's defined
 * attributes, FreeMarker ({@code FreemarkerVariants}) or StringTemplate ({@code StringTemplateVariants}, and
 * {@link dev.sqllint.extract.jdbi.templates} for group files), each expanded into the statements it can render
 * ({@code TemplateBranches}, {@code TemplateSections}).
 *
 * <p>Reads: the annotated methods the entry point hands over, the resource roots. Hands on: {@code SqlSite}s
 * whose every character points into the Java file, the {@code .sql} file or the group file it came from.
 */
package dev.sqllint.extract.jdbi;
