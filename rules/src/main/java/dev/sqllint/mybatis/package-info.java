/**
 * MyBatis: XML mappers ({@link dev.sqllint.mybatis.MapperFiles}, {@link dev.sqllint.mybatis.MapperStatements})
 * and {@code <script>} annotations ({@code ScriptAnnotations}). The XML is parsed with every character's
 * position kept ({@code PositionedXmlParser}, {@code SecureXml}: no network, no file access), includes are
 * inlined ({@code IncludeResolver}, {@code SqlFragments}), and dynamic SQL ({@code <if>}, {@code <where>},
 * {@code <foreach>}, ...) is expanded into representative variants ({@link dev.sqllint.mybatis.DynamicSql}).
 *
 * <p>Reads: mapper XML under the resource and source roots, {@code mybatis-config.xml}, annotated Java.
 * Hands on: {@code SqlSite}s whose every character points into the XML (or the Java literal), to the engine.
 */
package dev.sqllint.mybatis;
