package dev.sqllint.derived;

import java.util.List;

/**
 * The keyword at the end of one predicate of a derived query method name ({@code NameIn}, {@code CreatedAtBefore}),
 * as Spring Data's {@code Part.Type} reads it. The constants are declared in the order Spring Data tries them:
 * the first type with a keyword the part ends with wins, so {@code IsNotNull} is tried before {@code IsNull},
 * and a part with no keyword is an equality.
 */
enum PartType {
    IS_NOT_NULL("IsNotNull", "NotNull"),
    IS_NULL("IsNull", "Null"),
    BETWEEN("IsBetween", "Between"),
    LESS_THAN("IsLessThan", "LessThan"),
    LESS_THAN_EQUAL("IsLessThanEqual", "LessThanEqual"),
    GREATER_THAN("IsGreaterThan", "GreaterThan"),
    GREATER_THAN_EQUAL("IsGreaterThanEqual", "GreaterThanEqual"),
    BEFORE("IsBefore", "Before"),
    AFTER("IsAfter", "After"),
    NOT_LIKE("IsNotLike", "NotLike"),
    LIKE("IsLike", "Like"),
    STARTING_WITH("IsStartingWith", "StartingWith", "StartsWith"),
    ENDING_WITH("IsEndingWith", "EndingWith", "EndsWith"),
    IS_NOT_EMPTY("IsNotEmpty", "NotEmpty"),
    IS_EMPTY("IsEmpty", "Empty"),
    NOT_CONTAINING("IsNotContaining", "NotContaining", "NotContains"),
    CONTAINING("IsContaining", "Containing", "Contains"),
    NOT_IN("IsNotIn", "NotIn"),
    IN("IsIn", "In"),
    NEAR("IsNear", "Near"),
    WITHIN("IsWithin", "Within"),
    REGEX("MatchesRegex", "Matches", "Regex"),
    EXISTS("Exists"),
    TRUE("IsTrue", "True"),
    FALSE("IsFalse", "False"),
    NEGATING_SIMPLE_PROPERTY("IsNot", "Not"),
    SIMPLE_PROPERTY("Is", "Equals");

    private final List<String> keywords;

    PartType(String... keywords) {
        this.keywords = List.of(keywords);
    }

    /** The type of a part such as {@code targetGroupsNameIn}; an equality when no keyword ends it. */
    static PartType of(String part) {
        for (PartType type : values()) {
            for (String keyword : type.keywords) {
                if (part.endsWith(keyword)) return type;
            }
        }
        return SIMPLE_PROPERTY;
    }

    /** The property the part names: decapitalized, with this type's keyword cut off the end. */
    String property(String part) {
        String candidate = Names.decapitalize(part);
        for (String keyword : keywords) {
            if (candidate.endsWith(keyword)) return candidate.substring(0, candidate.length() - keyword.length());
        }
        return candidate;
    }

    /** Keywords Spring Data parses but Spring Data JPA does not run (regex, MongoDB's exists). */
    boolean supportedByJpa() {
        return this != REGEX && this != EXISTS;
    }
}
