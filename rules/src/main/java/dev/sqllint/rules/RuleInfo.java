package dev.sqllint.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, on the rule class. The rule pages (docs/rules), the README's rule table and SARIF's rule
 * help are generated from it, never written twice.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** The rule's name, used in reports and in users' configuration. Never renamed. */
    String name();

    /**
     * A short title in words, for headings and SARIF's rule {@code name} (in PascalCase there, as SARIF asks for a
     * readable name that differs from the id).
     */
    String title() default "";

    /** One line: what is wrong. */
    String summary();

    Severity severity() default Severity.WARNING;

    /**
     * Why it is slow, what the rule looks for and when it stays quiet, a paragraph. It names the incident behind the
     * rule "a production incident"; the rule page links those words to {@link #incident()}.
     */
    String explanation();

    /**
     * The production incident the rule was written from, told in our own words (never the write-up's): the system,
     * the query's shape, how slow it was and what fixed it. The numbers the messages quote come from here.
     */
    String incident();

    /** The incident's public write-up, when its address is known; else empty. */
    String incidentSource() default "";

    /**
     * DDL the example needs when the rule judges with the schema (an index it must see declared); empty when the
     * example's SQL is enough. The examples' test declares it before it runs {@link #before()} and {@link #after()}.
     */
    String exampleSchema() default "";

    /**
     * JPA entities the example needs when the rule judges JPA queries (which association is a collection); empty when
     * the example is SQL. Then {@link #before()} and {@link #after()} are repository methods (Java), which the examples'
     * test puts in a Spring Data repository of the first entity, beside these entities.
     */
    String exampleEntities() default "";

    /**
     * The language of {@link #before()} and {@link #after()}: {@code sql}, a query; {@code java}, statements of a DAO
     * method with a {@code JdbcTemplate jdbc} field, a {@code long userId} parameter and a {@code List<String> titles}
     * local, for a rule that reads the Java around the queries.
     */
    String exampleLanguage() default "sql";

    /** A query that triggers the rule. */
    String before();

    /** The same query, fixed. */
    String after();

    /** One line: how to fix it, printed under each finding. */
    String fix();
}
