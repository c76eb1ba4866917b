package dev.sqllint.sql;

/** Names of the stand-ins that keep partially known SQL parseable; rules treat them as unknowns. */
public final class Placeholders {

    /** Stands for a part of the SQL that could not be resolved statically (method call, parameter). */
    public static final String DYNAMIC = "sqllint_dyn";

    /** Stands for {@code #{#entityName}} when the repository's entity is not known. */
    public static final String ENTITY = "sqllint_entity";

    private Placeholders() {
    }

    public static boolean isPlaceholder(String identifier) {
        return identifier != null && (identifier.equalsIgnoreCase(DYNAMIC) || identifier.equalsIgnoreCase(ENTITY));
    }
}
