package dev.sqllint.extract;

import java.nio.file.Path;

/**
 * A place that issues a query whose SQL sqllint could not read: the measurement of what the analysis
 * misses, printed as counts per reason and listed under {@code -X}.
 *
 * @param api    the sink or annotation, as in {@link SqlSite#api()}
 * @param reason why, one of a few fixed phrases so they can be counted ({@link #ENTIRELY_DYNAMIC}, ...)
 * @param detail what in particular (the receiver type, the missing file), or empty
 */
public record UnresolvedSite(Path file, int line, int column, String api, String reason, String detail) {

    /**
     * Every variant of the SQL starts with a part decided at run time ({@code buildSelect(cols) + from + where})
     * or with a clause ({@code WHERE ...}, the start a helper returned empty): which statement it is, is not known.
     */
    public static final String STATEMENT_START_DYNAMIC = "statement start built at run time";
    /** The SQL argument is built from nothing the folder can read (a parameter, a call into a library). */
    public static final String ENTIRELY_DYNAMIC = "entirely dynamic argument";
    /** A SQL-looking argument passed to a method of a type the catalogue does not list (a project wrapper). */
    public static final String NOT_A_SINK = "receiver type not a sink";
    /** A distinctive sink name on a receiver whose type cannot be read, with nothing SQL-like to go by. */
    public static final String RECEIVER_UNREAD = "receiver type unread, text not a statement";
    /** Jdbi SQL kept in a classpath resource that is not under the resource roots. */
    public static final String RESOURCE_MISSING = "SQL resource not found";
    /** An annotation that names its SQL elsewhere, or holds none (Jdbi {@code @SqlQuery} with no text and no locator). */
    public static final String NO_TEXT = "no SQL text";
    /** A Hibernate fragment ({@code @Formula}, {@code @Where}) whose entity table is not known, so it cannot be wrapped. */
    public static final String FRAGMENT_TABLE_UNKNOWN = "fragment's entity table unknown";
    /** A JPA {@code CriteriaQuery} run where sqllint cannot see it built (a parameter), or an update or delete. */
    public static final String CRITERIA_NOT_READ = "Criteria query not read";

    private static final java.util.Set<String> GENERIC_NAMES = java.util.Set.of("add", "update", "execute", "query",
            "select", "insert", "batch", "prepare", "sql", "delete", "run", "insertBatch");

    /**
     * Whether a sink method name says SQL by itself ({@code prepareStatement}, {@code queryForObject}), so a
     * call of it on an unread receiver is worth counting; {@code update} or {@code add} on anything is not.
     */
    public static boolean isDistinctive(String methodName) {
        return !GENERIC_NAMES.contains(methodName);
    }

    public String location() {
        return file + ":" + line;
    }
}
