package dev.sqllint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JavaOutlineScannerTest {

    /** Signals for the tests: the name JdbcTemplate, calls of query(...), literals containing "select". */
    private static final JavaOutlineScanner.Signals SIGNALS = new JavaOutlineScanner.Signals() {
        @Override
        public boolean identifier(String name) {
            return name.equals("JdbcTemplate");
        }

        @Override
        public boolean call(String name, boolean afterDot, char firstArgument) {
            return name.equals("query");
        }

        @Override
        public boolean literal(String text, int from, int to) {
            return text.substring(from, to).toLowerCase().contains("select");
        }
    };

    private static JavaOutline scan(String text) {
        return JavaOutlineScanner.scan(text, SIGNALS);
    }

    /** A file with a loop may call a query interface once per row: it keeps the names that read like one. */
    @Test
    void keepsTheQueryInterfaceNamesOfAFileWithALoopOnly() {
        String service = """
                package com.acme;
                class OrderService {
                  OrderRepository orders;
                  ObjectMapper json;
                  LineMapper lines;
                  void run() {
                    %s
                  }
                }
                """;
        assertEquals(List.of("OrderRepository", "ObjectMapper", "LineMapper"),
                scan(service.formatted("for (Order o : orders.findAll()) lines.skus(o.id);")).dataAccessNames());
        assertEquals(List.of("OrderRepository", "ObjectMapper", "LineMapper"),
                scan(service.formatted("orders.findAll().forEach(o -> lines.skus(o.id));")).dataAccessNames());
        assertEquals(List.of(), scan(service.formatted("orders.save(new Order());")).dataAccessNames());
    }

    @Test
    void readsThePackageAndTheTopLevelTypesNotTheNestedOnes() {
        JavaOutline o = scan("""
                /* header */
                package com.acme.billing; // the billing module
                import java.util.List;
                @Deprecated
                public final class Invoices {
                    static class Line { }
                    enum Status { OPEN }
                    record Total(long cents) { }
                }
                interface Priced { }
                @interface Audited { }
                record Money(long cents) { }
                enum Currency { EUR }
                """);
        assertEquals("com.acme.billing", o.packageName());
        assertEquals(List.of("Invoices", "Priced", "Audited", "Money", "Currency"), o.topLevelTypes());
        assertEquals(List.of("com.acme.billing.Invoices", "com.acme.billing.Priced", "com.acme.billing.Audited",
                "com.acme.billing.Money", "com.acme.billing.Currency"), o.qualifiedTypes());
        assertFalse(o.signalled());
    }

    @Test
    void keywordsInCommentsStringsCharsAndTextBlocksAreNotDeclarations() {
        JavaOutline o = scan("""
                package a;
                // class Fake1 {
                /* interface Fake2 { */
                class Real {
                    String s = "class Fake3 { }";
                    char c = '{';
                    String t = \"""
                        enum Fake4 { } \\\""" still inside
                        \""";
                    Class<?> k = Real.class;
                }
                class Second { }
                """);
        assertEquals(List.of("Real", "Second"), o.topLevelTypes());
    }

    @Test
    void collectsTheSimpleNamesOfSupertypesWithoutTypeArguments() {
        JavaOutline o = scan("""
                package a;
                public interface TrackRepository extends BaseRepository<Track, Long>, com.acme.Auditing {
                }
                class Impl extends Abstract implements Runnable { }
                """);
        assertEquals(List.of("BaseRepository", "com", "acme", "Auditing", "Abstract", "Runnable"), o.supertypes());
    }

    @Test
    void aSignalNameACallOfASinkMethodOrAStatementLiteralMarksTheFile() {
        assertTrue(scan("class A { JdbcTemplate jdbc; }").signalled());
        assertTrue(scan("class A { void m() { helper.query (x); } }").signalled());
        assertTrue(scan("class A { String q = \"SELECT id FROM t\"; }").signalled());
        assertTrue(scan("class A { String q = \"\"\"\n   select id from t\n   \"\"\"; }").signalled());
        assertFalse(scan("class A { int query; String s = \"no statement here\"; // JdbcTemplate in a comment\n }").signalled());
    }

    @Test
    void unicodeEscapesMayHideQuotesSoTheFileIsAlwaysParsed() {
        assertTrue(scan("class A { String s = \"\\u0022; }").signalled());
    }

    @Test
    void unterminatedInputStillGivesAnOutline() {
        for (String broken : List.of("package a; class B { String s = \"", "class C { /* ", "class D { char c = '",
                "class E { String t = \"\"\"\n open", "package", "")) {
            JavaOutline o = scan(broken);
            assertTrue(Set.of("", "a").contains(o.packageName()), broken);
        }
    }
}
