package dev.sqllint.sql;

/** Names of the stand-ins that keep partially known SQL parseable; rules treat them as unknowns. */
public final class Placeholders {

    /** Stands for a part of the SQL that could not be resolved statically (method call, parameter). */
    public static final String DYNAMIC = "sqllint_dyn";

    /** Stands for {@code #{#entityName}} when the repository's entity is not known. */
    public static final String ENTITY = "sqllint_entity";

    /**
     * Marks where a piece of unknown text was read as nothing so the statement parses (a MyBatis
     * {@code ${params.dataScope}} that adds conditions at run time): a comment, invisible to the parser, that tells
     * a rule the clause around it may hold more than it sees.
     */
    public static final String ELIDED = "/*sqllint_elided*/";

    private Placeholders() {
    }

    public static boolean isPlaceholder(String identifier) {
        return identifier != null && (identifier.equalsIgnoreCase(DYNAMIC) || identifier.equalsIgnoreCase(ENTITY));
    }
}
