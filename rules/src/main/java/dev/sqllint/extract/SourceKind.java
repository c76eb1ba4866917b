package dev.sqllint.extract;

import dev.sqllint.extract.sinks.SinkCatalog;
import java.util.List;

/**
 * Which family of data-access code a SQL site belongs to (JDBC, Spring JDBC, JPA/Hibernate, ...), for the
 * measurement the summary prints: how much SQL each source yields and how much of it parses. Derived from
 * the catalogue entry that produced the site (its declaring type's package), so a new catalogue entry is
 * counted under its family without further code; sites of other extractors fall back to their api.
 *
 * @param label the name printed, e.g. {@code Spring JDBC}
 * @param order where it sorts in listings (catalogue families first, in a fixed order)
 */
public record SourceKind(String label, int order) implements Comparable<SourceKind> {

    public static final SourceKind JDBC = new SourceKind("JDBC", 0);
    public static final SourceKind SPRING_JDBC = new SourceKind("Spring JDBC", 1);
    public static final SourceKind JPA_HIBERNATE = new SourceKind("JPA/Hibernate", 2);
    public static final SourceKind SPRING_DATA_QUERY = new SourceKind("Spring Data @Query", 3);
    public static final SourceKind MYBATIS_ANNOTATIONS = new SourceKind("MyBatis annotations", 4);
    public static final SourceKind JDBI = new SourceKind("Jdbi", 5);
    public static final SourceKind R2DBC = new SourceKind("R2DBC", 6);
    public static final SourceKind VERTX = new SourceKind("Vert.x SQL client", 7);
    public static final SourceKind DBUTILS = new SourceKind("Commons DbUtils", 8);
    public static final SourceKind MICRONAUT_DATA = new SourceKind("Micronaut Data", 9);
    /** A sink method name on a receiver whose type could not be read, accepted because its text reads as SQL. */
    public static final SourceKind MYBATIS_XML = new SourceKind("MyBatis XML", 10);
    public static final SourceKind SPRING_DATA_DERIVED = new SourceKind("Spring Data derived", 11);
    public static final SourceKind JOOQ = new SourceKind("jOOQ", 12);
    public static final SourceKind JPA_CRITERIA = new SourceKind("JPA Criteria", 13);
    public static final SourceKind UNKNOWN_RECEIVER = new SourceKind("receiver type unread", 50);

    private static final List<Prefix> PACKAGES = List.of(
            new Prefix("java.sql.", JDBC), new Prefix("javax.sql.", JDBC), new Prefix("liquibase.", JDBC),
            new Prefix("org.springframework.jdbc.", SPRING_JDBC),
            new Prefix("javax.persistence.", JPA_HIBERNATE), new Prefix("jakarta.persistence.", JPA_HIBERNATE),
            new Prefix("org.hibernate.", JPA_HIBERNATE),
            new Prefix("org.springframework.data.", SPRING_DATA_QUERY),
            new Prefix("org.apache.ibatis.", MYBATIS_ANNOTATIONS),
            new Prefix("org.jdbi.", JDBI), new Prefix("org.skife.jdbi.", JDBI),
            new Prefix("io.r2dbc.", R2DBC), new Prefix("org.springframework.r2dbc.", R2DBC),
            new Prefix("io.vertx.", VERTX),
            new Prefix("org.apache.commons.dbutils.", DBUTILS),
            new Prefix("io.micronaut.", MICRONAUT_DATA));

    private record Prefix(String prefix, SourceKind kind) {
    }

    /** The family of a catalogue type, by its package; an unknown package is its own family. */
    public static SourceKind ofType(String qualifiedType) {
        for (Prefix p : PACKAGES) if (qualifiedType.startsWith(p.prefix())) return p.kind();
        int dot = qualifiedType.lastIndexOf('.');
        return new SourceKind(dot < 0 ? qualifiedType : qualifiedType.substring(0, dot), 100);
    }

    /**
     * The family of a site, by its {@link SqlSite#api()}: the catalogue entry that names that api, else
     * (sites another extractor made) a family named after the api itself.
     */
    public static SourceKind of(SqlSite site) {
        return of(site.api());
    }

    public static SourceKind of(String api) {
        if (api.startsWith("?.")) return UNKNOWN_RECEIVER;
        // the extractors outside the catalogue name their sites by statement; count them by family
        if (api.startsWith("mapper.xml")) return MYBATIS_XML;
        if (api.startsWith("derived query")) return SPRING_DATA_DERIVED;
        if (api.startsWith("jOOQ")) return JOOQ;
        if (api.startsWith("@") && api.endsWith("Provider")) return MYBATIS_ANNOTATIONS;
        if (api.startsWith("JPA Criteria")) return JPA_CRITERIA;
        return Standard.CATALOG.kindOfApi(api).orElseGet(() -> new SourceKind(api, 100));
    }

    @Override
    public int compareTo(SourceKind o) {
        return order != o.order ? Integer.compare(order, o.order) : label.compareTo(o.label);
    }

    /** Built on first use: the catalogue is immutable once made. */
    private static final class Standard {
        static final SinkCatalog CATALOG = SinkCatalog.standard();
    }
}
