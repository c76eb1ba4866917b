package dev.sqllint.extract;

/** The query language of a site: native SQL, or JPQL/HQL (parsed by the same parser where it accepts it). */
public enum Language {
    SQL,
    JPQL
}
