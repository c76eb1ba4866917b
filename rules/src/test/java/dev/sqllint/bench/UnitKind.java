package dev.sqllint.bench;

/**
 * The ways the synthetic project issues SQL, one DAO, repository or mapper shape each; an incident of any
 * rule can be written through any of them. Hibernate {@code @Formula} and {@code @NamedQuery} live on the
 * entities, which every module has, so they are not a unit kind.
 */
enum UnitKind {
    JDBC("JdbcDao"),
    STRING_BUILDER("SearchDao"),
    JDBC_TEMPLATE("JdbcRepository"),
    NAMED_JDBC_TEMPLATE("ReportDao"),
    JDBC_CLIENT("ClientDao"),
    CONSTANTS_ELSEWHERE("QueryDao"),
    ENTITY_MANAGER("JpaDao"),
    SPRING_DATA("Repository"),
    MYBATIS_ANNOTATIONS("Mapper"),
    MYBATIS_XML("SearchMapper"),
    JDBI("JdbiDao"),
    JOOQ("JooqRepository");

    /** The class name's ending ({@code InvoiceJdbcDao}). */
    final String suffix;

    UnitKind(String suffix) {
        this.suffix = suffix;
    }
}
