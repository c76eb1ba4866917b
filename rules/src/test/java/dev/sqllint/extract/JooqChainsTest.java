package dev.sqllint.extract;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.schema.ForeignKey;
import dev.sqllint.schema.Key;
import dev.sqllint.schema.Schema;
import dev.sqllint.schema.Table;
import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * jOOQ chains as the SQL they render, read through the real extractor: generated names without the generated
 * classes, aliases, joins, conditions in locals and helpers, sub-selects, the plain-SQL entry points, and the
 * origin of every piece (the Java call a finding should point at).
 */
class JooqChainsTest {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private Schema schema = new Schema();

    private JooqChainsTest source(String path, String text) {
        sources.put(path, text);
        return this;
    }

    private List<SqlSite> sites(String path) {
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));
        List<JavaFile> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            files.add(new JavaFile(Path.of(e.getKey()), parser.parse(e.getValue()).getResult().orElseThrow()));
        }
        JavaSqlExtractor extractor = new JavaSqlExtractor(SinkCatalog.standard(), files, ExtractionContext.NONE, schema);
        return extractor.sites(files.stream().filter(f -> f.path().toString().equals(path)).findFirst().orElseThrow());
    }

    private static String sql(SqlSite site) {
        assertEquals(1, site.variants().size(), "variants of " + site);
        return site.variants().get(0).text();
    }

    /** Line and column of the {@code nth} (from 1) occurrence of {@code needle} in the SQL. */
    private static String at(SqlText text, String needle, int nth) {
        int i = -1;
        for (int k = 0; k < nth; k++) {
            i = text.text().indexOf(needle, i + 1);
            assertTrue(i >= 0, needle + " not in " + text);
        }
        Origin o = text.originAt(i);
        return o.line() + ":" + o.column();
    }

    private static String at(SqlText text, String needle) {
        return at(text, needle, 1);
    }

    private static final String REPOSITORY_HEAD = """
            package com.acme.library;

            import static com.acme.db.Tables.*;
            import static org.jooq.impl.DSL.*;

            import java.util.ArrayList;
            import java.util.List;
            import org.jooq.Condition;
            import org.jooq.DSLContext;

            class BookRepository {
              private final DSLContext dsl;

              BookRepository(DSLContext dsl) { this.dsl = dsl; }
            """;

    @Test
    void generatedNamesBecomeSqlNamesAndEachKeywordPointsAtItsCall() {
        source("BookRepository.java", REPOSITORY_HEAD + """

                  List<String> titles(long authorId, List<Long> stores) {
                    return dsl.selectDistinct(BOOK.TITLE)
                        .from(BOOK)
                        .leftJoin(BOOK_STORE).on(BOOK_STORE.ID.eq(BOOK.STORE_ID))
                        .where(BOOK.AUTHOR_ID.eq(authorId))
                        .or(BOOK_STORE.ID.in(stores))
                        .orderBy(BOOK.TITLE.desc())
                        .limit(20)
                        .fetchInto(String.class);
                  }
                }
                """);
        List<SqlSite> sites = sites("BookRepository.java");
        assertEquals(1, sites.size());
        SqlSite site = sites.get(0);
        assertEquals("SELECT DISTINCT book.title FROM book LEFT JOIN book_store ON book_store.id = book.store_id "
                + "WHERE book.author_id = ? OR book_store.id IN (?) ORDER BY book.title DESC LIMIT 20", sql(site));
        assertEquals("jOOQ select", site.api());
        assertEquals(Language.SQL, site.language());
        assertEquals("BookRepository.titles", site.owner());
        assertEquals(17, site.line());
        assertEquals(12, site.column());
        SqlText text = site.variants().get(0);
        assertEquals("17:16", at(text, "DISTINCT"));   // selectDistinct
        assertEquals("19:10", at(text, "book_store")); // the joined table: .leftJoin(
        assertEquals("19:34", at(text, "book_store.id = book.store_id")); // the condition as written
        assertEquals("21:10", at(text, " OR "));       // .or(
        assertEquals("20:16", at(text, "book.author_id"));
        assertEquals("20:34", at(text, "?"));          // the bind value authorId
        assertEquals("23:16", at(text, "20"));
    }

    @Test
    void qualifiedGeneratedClassesAliasesAndAliasConstants() {
        source("ReviewQueries.java", """
                package com.acme.reviews;

                import com.acme.db.Tables;
                import com.acme.db.tables.Author;
                import com.acme.db.tables.Book;
                import org.jooq.DSLContext;
                import org.jooq.impl.DSL;

                class ReviewQueries {
                  private static final Author A = Tables.AUTHOR.as("a");

                  Object reviewed(DSLContext ctx) {
                    Book b = Book.BOOK.as("b");
                    return ctx.select(b.TITLE, A.NAME, DSL.count().as("reviews"))
                        .from(b)
                        .join(A).on(A.ID.eq(b.AUTHOR_ID).and(A.ACTIVE.isTrue()))
                        .join(Tables.BOOK_REVIEW).on(Tables.BOOK_REVIEW.BOOK_ID.eq(b.ID))
                        .groupBy(b.TITLE, A.NAME)
                        .having(DSL.count().gt(3))
                        .fetch();
                  }
                }
                """);
        assertEquals("SELECT b.title, a.name, count(*) AS reviews FROM book AS b JOIN author AS a "
                + "ON a.id = b.author_id AND a.active = TRUE JOIN book_review ON book_review.book_id = b.id "
                + "GROUP BY b.title, a.name HAVING count(*) > 3", sql(sites("ReviewQueries.java").get(0)));
    }

    @Test
    void conditionsFromLocalsHelpersAndListsAreTheSameConditions() {
        source("BookRepository.java", REPOSITORY_HEAD + """

                  Object search(String title, Long authorId, boolean recentOnly) {
                    Condition condition = noCondition();
                    if (title != null) condition = condition.and(BOOK.TITLE.likeIgnoreCase(title));
                    if (authorId != null) {
                      condition = condition.and(BOOK.AUTHOR_ID.eq(authorId));
                    }
                    List<Condition> filters = new ArrayList<>();
                    filters.add(condition);
                    if (recentOnly) filters.add(recent());
                    return dsl.selectFrom(BOOK).where(filters).fetch();
                  }

                  private Condition recent() {
                    return BOOK.PUBLISHED_AT.ge(currentDate()).or(BOOK.PINNED.isTrue());
                  }
                }
                """);
        SqlSite site = sites("BookRepository.java").get(0);
        assertEquals("SELECT book.* FROM book WHERE book.title ILIKE ? AND book.author_id = ? "
                + "AND (book.published_at >= CURRENT_DATE OR book.pinned = TRUE)", sql(site));
        SqlText text = site.variants().get(0);
        assertEquals("29:48", at(text, " OR ")); // in the helper, where the OR is written
        assertEquals("18:50", at(text, "book.title"));
    }

    @Test
    void connectivesKeepJooqsLeftToRightGrouping() {
        source("BookRepository.java", REPOSITORY_HEAD + """

                  Object grouped(long a, long b, long c) {
                    return dsl.select(BOOK.ID).from(BOOK)
                        .where(BOOK.ID.eq(a)).or(BOOK.ID.eq(b)).and(BOOK.ID.ne(c))
                        .andNot(BOOK.DELETED.isTrue()).orNotExists(selectOne().from(AUTHOR).where(AUTHOR.ID.eq(BOOK.AUTHOR_ID)))
                        .fetch();
                  }
                }
                """);
        assertEquals("SELECT book.id FROM book WHERE (book.id = ? OR book.id = ?) AND book.id <> ? "
                + "AND NOT (book.deleted = TRUE) OR NOT EXISTS (SELECT 1 FROM author WHERE author.id = book.author_id)",
                sql(sites("BookRepository.java").get(0)));
    }

    @Test
    void subSelectsInInExistsFromAndScalarPositions() {
        source("BookRepository.java", REPOSITORY_HEAD + """

                  Object nested(long storeId) {
                    var inStore = select(BOOK_STORE_ITEM.BOOK_ID).from(BOOK_STORE_ITEM).where(BOOK_STORE_ITEM.STORE_ID.eq(storeId));
                    var top = select(BOOK.ID, BOOK.AUTHOR_ID).from(BOOK).where(BOOK.ID.in(inStore)).asTable("top");
                    return dsl.select(AUTHOR.NAME, field(selectCount().from(BOOK).where(BOOK.AUTHOR_ID.eq(AUTHOR.ID))).as("books"))
                        .from(AUTHOR)
                        .join(top).on(top.field(BOOK.AUTHOR_ID).eq(AUTHOR.ID))
                        .whereExists(selectOne().from(AWARD).where(AWARD.AUTHOR_ID.eq(AUTHOR.ID)))
                        .fetch();
                  }
                }
                """);
        assertEquals("SELECT author.name, (SELECT count(*) FROM book WHERE book.author_id = author.id) AS books "
                + "FROM author JOIN (SELECT book.id, book.author_id FROM book WHERE book.id IN (SELECT book_store_item.book_id "
                + "FROM book_store_item WHERE book_store_item.store_id = ?)) AS top ON top.author_id = author.id "
                + "WHERE EXISTS (SELECT 1 FROM award WHERE award.author_id = author.id)", sql(sites("BookRepository.java").get(0)));
    }

    @Test
    void onKeyUsesTheSchemasForeignKeyEitherWay() {
        Table author = schema.createTable("author", "V1__library.sql");
        author.setPrimaryKey(new Key(null, List.of("id"), true, "V1__library.sql:1"));
        Table book = schema.createTable("book", "V1__library.sql");
        book.addForeignKey(new ForeignKey("fk_book_author", List.of("written_by"), "author", List.of("id"), "V1__library.sql:3"));
        source("BookRepository.java", REPOSITORY_HEAD + """

                  void joins() {
                    dsl.select(AUTHOR.NAME).from(AUTHOR).join(BOOK).onKey().fetch();
                    dsl.select(AUTHOR.NAME).from(BOOK.as("b")).join(AUTHOR).onKey(Keys.FK_BOOK_AUTHOR).fetch();
                  }
                }
                """);
        List<SqlSite> sites = sites("BookRepository.java");
        assertEquals("SELECT author.name FROM author JOIN book ON book.written_by = author.id", sql(sites.get(0)));
        assertEquals("SELECT author.name FROM book AS b JOIN author ON b.written_by = author.id", sql(sites.get(1)));
        assertEquals("17:53", at(sites.get(0).variants().get(0), "book.written_by")); // onKey
    }

    @Test
    void onKeyWithoutSchemaFollowsTheNamingTheFileShows() {
        source("BookRepository.java", REPOSITORY_HEAD + """

                  void joins() {
                    dsl.select(AUTHOR.NAME).from(AUTHOR).join(BOOK).onKey().fetch();
                    dsl.select(BOOK.TITLE).from(BOOK).join(PUBLISHERS).onKey().where(BOOK.PUBLISHER_ID.isNotNull()).fetch();
                  }
                }
                """);
        List<SqlSite> sites = sites("BookRepository.java");
        assertEquals("SELECT author.name FROM author JOIN book ON author.id = book.author_id", sql(sites.get(0)));
        assertEquals("SELECT book.title FROM book JOIN publishers ON book.publisher_id = publishers.id "
                + "WHERE book.publisher_id IS NOT NULL", sql(sites.get(1)));
    }

    @Test
    void plainSqlEntryPointsAndTemplates() {
        source("BookRepository.java", REPOSITORY_HEAD + """

                  private static final String BY_AUTHOR = "SELECT b.id FROM book b WHERE b.author_id = ?";

                  void plain(long authorId) {
                    dsl.fetch(BY_AUTHOR, authorId);
                    dsl.resultQuery("SELECT count(*) FROM book").fetchOne();
                    dsl.execute("UPDATE book SET title = ? WHERE id = ?", "t", 1);
                    dsl.select(field("max({0})", BOOK.ID)).from(table("book_archive")).where(condition("archived_at > {0}", currentDate())).fetch();
                  }
                }
                """);
        List<SqlSite> sites = sites("BookRepository.java");
        assertEquals(List.of("DSLContext.fetch", "DSLContext.resultQuery", "DSLContext.execute", "jOOQ select"),
                sites.stream().map(SqlSite::api).toList());
        assertEquals("SELECT b.id FROM book b WHERE b.author_id = ?", sql(sites.get(0)));
        assertEquals("UPDATE book SET title = ? WHERE id = ?", sql(sites.get(2)));
        assertEquals("SELECT max(book.id) FROM book_archive WHERE archived_at > CURRENT_DATE", sql(sites.get(3)));
        assertEquals("16:74", at(sites.get(0).variants().get(0), "b.author_id")); // in the constant's literal
    }

    @Test
    void oneSitePerQueryRunWhereverTheChainEnds() {
        source("BookRepository.java", REPOSITORY_HEAD + """

                  void runs(long id) {
                    var byId = dsl.selectFrom(BOOK).where(BOOK.ID.eq(id));
                    byId.fetchOptional().map(r -> r.getTitle());
                    dsl.select(BOOK.TITLE).from(BOOK).fetch().stream().map(r -> r.value1()).toList();
                    dsl.fetchExists(selectOne().from(BOOK).where(BOOK.ID.eq(id)));
                    dsl.fetchCount(BOOK, BOOK.AUTHOR_ID.eq(id));
                    dsl.select(BOOK.ID).from(BOOK).getSQL();
                    List<Long> ids = new ArrayList<>();
                    ids.stream().count();
                  }
                }
                """);
        List<SqlSite> sites = sites("BookRepository.java");
        assertEquals(List.of(
                "SELECT book.* FROM book WHERE book.id = ?",
                "SELECT book.title FROM book",
                "SELECT EXISTS (SELECT 1 FROM book WHERE book.id = ?)",
                "SELECT count(*) FROM book WHERE book.author_id = ?"), sites.stream().map(JooqChainsTest::sql).toList());
    }

    @Test
    void notJooqAndUnreadableCodeMakeNoSitesAndNoErrors() {
        source("Other.java", """
                package com.acme;
                import java.util.List;
                class Other {
                  List<String> names;
                  Object select(String s) { return null; }
                  void run() { names.stream().forEach(n -> select(n)); }
                }
                """);
        source("Odd.java", REPOSITORY_HEAD.replace("BookRepository", "Odd") + """

                  Condition loop() { return loop().and(BOOK.ID.eq(1)); }

                  Object odd(Condition given, org.jooq.Table<?> table) {
                    return dsl.select().from(table).where(given).and(loop()).fetch();
                  }
                }
                """);
        assertEquals(List.of(), sites("Other.java"));
        List<SqlSite> odd = sites("Odd.java");
        assertEquals(1, odd.size());
        assertTrue(sql(odd.get(0)).startsWith("SELECT * FROM  sqllint_dyn  WHERE  sqllint_dyn "), sql(odd.get(0)));
    }

    @Test
    void aPlainSqlCallReadByNameIsReportedOnceWithItsJooqApi() {
        source("Migrator.java", """
                package com.acme;
                import java.sql.Connection;
                import org.jooq.impl.DSL;
                class Migrator {
                  void run(Connection connection) {
                    DSL.using(connection).execute("UPDATE book SET title = trim(title) WHERE id > 0");
                  }
                }
                """);
        List<SqlSite> sites = sites("Migrator.java");
        assertEquals(1, sites.size());
        assertEquals("DSLContext.execute", sites.get(0).api());
    }

    @Test
    void generatedClassesInTheSourcesDoNotChangeTheNames() {
        // some projects commit jOOQ's generated code; its constants are objects, not SQL
        source("com/acme/db/Tables.java", """
                package com.acme.db;
                import com.acme.db.tables.Book;
                public class Tables {
                  public static final Book BOOK = Book.BOOK;
                }
                """);
        source("com/acme/db/tables/Book.java", """
                package com.acme.db.tables;
                public class Book extends org.jooq.impl.TableImpl<BookRecord> {
                  public static final Book BOOK = new Book();
                  public final org.jooq.TableField<BookRecord, Long> ID = createField(org.jooq.impl.DSL.name("id"), null);
                }
                """);
        source("BookRepository.java", REPOSITORY_HEAD + """

                  Object byId(long id) {
                    return dsl.transactionResult(tx -> tx.dsl().selectFrom(BOOK).where(BOOK.ID.eq(id)).fetchOne());
                  }
                }
                """);
        assertEquals("SELECT book.* FROM book WHERE book.id = ?", sql(sites("BookRepository.java").get(0)));
    }

    @Test
    void setOperationsQuotedAliasesAndJavaValues() {
        source("BookRepository.java", REPOSITORY_HEAD + """

                  Object report(java.time.LocalDate from) {
                    return dsl.select(BOOK.TITLE.as("Book title"), cast(BOOK.PRICE, Long.class).as("from"))
                        .from(BOOK).where(BOOK.PUBLISHED_AT.between(from, java.time.LocalDate.of(2024, 1, 1)))
                        .orderBy(BOOK.TITLE).limit(5)
                        .unionAll(select(ARCHIVE.TITLE, ARCHIVE.PRICE).from(ARCHIVE))
                        .orderBy(1)
                        .fetch();
                  }
                }
                """);
        assertEquals("(SELECT book.title AS \"Book title\", book.price AS \"from\" FROM book "
                + "WHERE book.published_at BETWEEN ? AND ? ORDER BY book.title LIMIT 5) "
                + "UNION ALL SELECT archive.title, archive.price FROM archive ORDER BY 1", sql(sites("BookRepository.java").get(0)));
    }
}
