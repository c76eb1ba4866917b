package dev.sqllint.derived;

/**
 * A repository method that is not a derived query sqllint can read: its name does not follow the grammar,
 * or names a property the entity does not map, or uses a keyword Spring Data JPA does not run. The method
 * is skipped (it is not an SQL site); the reason only goes into the debug note.
 */
final class NotDerivedException extends RuntimeException {

    NotDerivedException(String reason) {
        super(reason, null, false, false);
    }
}
