package dev.sqllint.extract.sinks;

import dev.sqllint.source.JavaOutline;
import dev.sqllint.source.JavaOutlineScanner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlRelevanceTest {

    private final SqlRelevance relevance = new SqlRelevance(SinkCatalog.standard());

    private boolean signalled(String source) {
        return JavaOutlineScanner.scan(source, relevance).signalled();
    }

    @Test
    void sinkTypesQueryAnnotationsEntitiesAndSinkCallsAreSignals() {
        assertTrue(signalled("class A { private final NamedParameterJdbcTemplate jdbc; }"));
        assertTrue(signalled("interface A { @Select(SQL) List<Track> all(); }"));
        assertTrue(signalled("@Entity class Track { }"));
        assertTrue(signalled("class A { void m() { em.createNativeQuery(Q.ALL); } }"));
        assertTrue(signalled("class A { DSLContext ctx; }"));
        assertTrue(signalled("@SuppressWarnings(\"sqllint:OrAcrossAccessPaths\") class A { }"));
    }

    @Test
    void aLiteralThatStartsLikeAStatementIsASignalButAMessageMentioningOneIsNot() {
        assertTrue(signalled("class A { String s = \"update tracks set title = ?\"; }"));
        assertTrue(signalled("class A { String s = \" (SELECT max(id) \"; }"));
        assertFalse(signalled("class A { String s = \"Please select a file\"; }"));
        assertFalse(signalled("class A { String s = \"selection of deleted items, updates pending\"; }"));
        assertFalse(signalled("class A { String s = \"UPDATE\"; }")); // a permission code, not a statement
        assertFalse(signalled("class A { String s = \"UPDATE_LOAN\"; }"));
        assertFalse(signalled("class A { String s = \"Select where the window should be delivered from\"; }"));
        assertTrue(signalled("class A { String s = \"delete from t where id = ?\"; }"));
    }

    /** orders.countByStatus(s) > 0: the caller is where a derived count is judged. */
    @Test
    void aRepositoryCountCallIsASignalAndOtherCountsAreNot() {
        assertTrue(signalled("class A { boolean m() { return orders.countByStatus(s) > 0; } }"));
        assertTrue(signalled("class A { boolean m() { return orders.count_open() > 0; } }"));
        assertFalse(signalled("class A { int m() { return counter.count(); } }"));
        assertFalse(signalled("class A { int m() { return words.countwords(); } }"));
        assertFalse(signalled("class A { int m() { return words.countBy$x(); } }"), "no $ in a derived name");
        assertFalse(signalled("class A { int countByStatus(String s) { return 0; } }"), "a declaration");
    }

    @Test
    void aGenericSinkNameIsASignalOnlyWithTextOrAConstantAsFirstArgument() {
        assertFalse(signalled("class A { void m() { lines.add(line); service.update(loan); pool.execute(() -> run()); } }"));
        assertFalse(signalled("class A { public Result execute(JsonCommand command) { return null; } }"), "a declaration");
        assertTrue(signalled("class A { void m() { helper.update(SQL_CLOSE, id); } }"));
        assertTrue(signalled("class A { void m() { helper.update(Queries.CLOSE, id); } }"));
        assertTrue(signalled("class A { void m() { helper.update( \"delete from t\"); } }"));
        assertTrue(signalled("class A { void m() { helper.queryForObject(sql, Long.class); } }"), "a distinctive name");
    }

    @Test
    void plainBusinessCodeIsNotASignal() {
        assertFalse(signalled("""
                package com.acme.billing;
                public final class InvoiceTotals {
                    private static final String CURRENCY = "EUR";
                    public long total(List<Line> lines) {
                        return lines.stream().mapToLong(Line::cents).sum();
                    }
                }
                """));
    }

    @Test
    void aTypeExtendingARootTypeIsARootToo() {
        Map<Path, JavaOutline> outlines = new LinkedHashMap<>();
        outlines.put(Path.of("BaseRepository.java"), outline("interface BaseRepository<T> extends CrudRepository<T, Long> { }"));
        outlines.put(Path.of("TrackRepository.java"), outline("interface TrackRepos extends BaseRepo<Track> { }"));
        outlines.put(Path.of("Unrelated.java"), outline("class Unrelated extends Object { }"));
        outlines.put(Path.of("Tracks.java"), outline("interface Tracks extends CrudRepository<Track, Long> { }"));
        outlines.put(Path.of("Auditing.java"), outline("interface Audited extends Marker { }"));
        outlines.put(Path.of("Special.java"), outline("interface Special extends TrackRepos { }"));
        // BaseRepository declares BaseRepo? no: the names must match the declared type
        outlines.put(Path.of("BaseRepo.java"), outline("interface BaseRepo<T> extends BaseRepository<T> { }"));
        assertEquals(Set.of(Path.of("BaseRepository.java"), Path.of("BaseRepo.java"), Path.of("TrackRepository.java"),
                Path.of("Special.java"), Path.of("Tracks.java")), SqlRelevance.roots(outlines));
        assertEquals(List.of(Path.of("BaseRepository.java"), Path.of("TrackRepository.java"), Path.of("Tracks.java"),
                Path.of("Special.java"), Path.of("BaseRepo.java")), List.copyOf(SqlRelevance.roots(outlines)),
                "in the order given");
    }

    private JavaOutline outline(String source) {
        return JavaOutlineScanner.scan(source, relevance);
    }
}
