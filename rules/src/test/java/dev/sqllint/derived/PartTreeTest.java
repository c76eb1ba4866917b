package dev.sqllint.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqllint.derived.PartTree.IgnoreCase;
import dev.sqllint.derived.PartTree.Kind;
import dev.sqllint.derived.PartTree.Order;
import dev.sqllint.derived.PartTree.Part;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Method names read with Spring Data's grammar, before any property is looked up. */
class PartTreeTest {

    private static List<String> parts(PartTree tree) {
        return tree.or().stream()
                .map(and -> String.join(" and ", and.stream().map(p -> p.property() + " " + p.type()).toList()))
                .toList();
    }

    @Test
    void subjectDistinctAndLimit() {
        PartTree tree = PartTree.parse("findDistinctByTargetGroupsNameIn");
        assertEquals(Kind.FIND, tree.kind());
        assertTrue(tree.distinct());
        assertNull(tree.maxResults());
        assertEquals(List.of("targetGroupsName IN"), parts(tree));

        PartTree top = PartTree.parse("findTop5ByOrderByCreatedAtDesc");
        assertEquals(5, top.maxResults());
        assertEquals(List.of(), top.or());
        assertEquals(List.of(new Order("CreatedAt", true)), top.orders());

        assertEquals(1, PartTree.parse("findFirstByStatus").maxResults());
        assertEquals(10, PartTree.parse("streamDistinctTop10UsersByStatus").maxResults());
        assertTrue(PartTree.parse("streamDistinctTop10UsersByStatus").distinct());
    }

    @Test
    void everyPrefixKind() {
        for (String find : List.of("find", "read", "get", "query", "search", "stream")) {
            assertEquals(Kind.FIND, PartTree.parse(find + "ByStatus").kind(), find);
        }
        assertEquals(Kind.COUNT, PartTree.parse("countByOwnerId").kind());
        assertEquals(Kind.EXISTS, PartTree.parse("existsByEmail").kind());
        assertEquals(Kind.DELETE, PartTree.parse("deleteByExpiresAtBefore").kind());
        assertEquals(Kind.DELETE, PartTree.parse("removeAllByExpiresAtBefore").kind());
        // First/Top only limit queries, not counts
        assertNull(PartTree.parse("countTop5ByStatus").maxResults());
    }

    @Test
    void orAndSplitOnlyBeforeACapital() {
        assertEquals(List.of("ownerId SIMPLE_PROPERTY", "collaboratorsUserId SIMPLE_PROPERTY"),
                parts(PartTree.parse("findByOwnerIdOrCollaboratorsUserId")));
        assertEquals(List.of("status SIMPLE_PROPERTY and submitterUsername SIMPLE_PROPERTY"),
                parts(PartTree.parse("findByStatusAndSubmitterUsername")));
        // "Or" inside a word, "And" inside a word: one property each
        assertEquals(List.of("orderNumber SIMPLE_PROPERTY"), parts(PartTree.parse("findByOrderNumber")));
        assertEquals(List.of("brandName SIMPLE_PROPERTY"), parts(PartTree.parse("findByBrandName")));
        assertEquals(List.of("a SIMPLE_PROPERTY and b SIMPLE_PROPERTY", "c SIMPLE_PROPERTY"),
                parts(PartTree.parse("findByAAndBOrC")));
    }

    @Test
    void keywordsInSpringDataOrder() {
        assertEquals(List.of("name IS_NOT_NULL"), parts(PartTree.parse("findByNameIsNotNull")));
        assertEquals(List.of("name IS_NOT_NULL"), parts(PartTree.parse("findByNameNotNull")));
        assertEquals(List.of("name IS_NULL"), parts(PartTree.parse("findByNameIsNull")));
        assertEquals(List.of("age LESS_THAN_EQUAL"), parts(PartTree.parse("findByAgeLessThanEqual")));
        assertEquals(List.of("age LESS_THAN"), parts(PartTree.parse("findByAgeLessThan")));
        assertEquals(List.of("createdAt BETWEEN"), parts(PartTree.parse("findByCreatedAtBetween")));
        assertEquals(List.of("expiresAt BEFORE"), parts(PartTree.parse("findByExpiresAtBefore")));
        assertEquals(List.of("status NOT_IN"), parts(PartTree.parse("findByStatusNotIn")));
        assertEquals(List.of("status NEGATING_SIMPLE_PROPERTY"), parts(PartTree.parse("findByStatusNot")));
        assertEquals(List.of("status SIMPLE_PROPERTY"), parts(PartTree.parse("findByStatusIs")));
        assertEquals(List.of("status SIMPLE_PROPERTY"), parts(PartTree.parse("findByStatusEquals")));
        assertEquals(List.of("title STARTING_WITH"), parts(PartTree.parse("findByTitleStartsWith")));
        assertEquals(List.of("title NOT_LIKE"), parts(PartTree.parse("findByTitleNotLike")));
        assertEquals(List.of("archived FALSE"), parts(PartTree.parse("findByArchivedFalse")));
        assertEquals(List.of("targetGroups IS_EMPTY"), parts(PartTree.parse("findByTargetGroupsIsEmpty")));
        assertEquals(List.of("location EXISTS"), parts(PartTree.parse("findByLocationExists")));
        assertFalse(PartType.EXISTS.supportedByJpa());
    }

    @Test
    void ignoreCaseOnOnePartOrAll() {
        PartTree one = PartTree.parse("findByUsernameIgnoreCaseAndStatus");
        assertEquals(new Part("username", PartType.SIMPLE_PROPERTY, IgnoreCase.ALWAYS), one.or().get(0).get(0));
        assertEquals(IgnoreCase.NEVER, one.or().get(0).get(1).ignoreCase());

        PartTree all = PartTree.parse("findByFirstnameAndLastnameAllIgnoringCaseOrderByLastnameAscFirstnameDesc");
        assertTrue(all.or().get(0).stream().allMatch(p -> p.ignoreCase() == IgnoreCase.WHEN_POSSIBLE));
        assertEquals(List.of(new Order("Lastname", false), new Order("Firstname", true)), all.orders());
    }

    @Test
    void explicitPathSeparatorIsKept() {
        assertEquals(List.of("owner_Name SIMPLE_PROPERTY"), parts(PartTree.parse("findByOwner_Name")));
        assertEquals(List.of("targetGroups_Name IN"), parts(PartTree.parse("findDistinctByTargetGroups_NameIn")));
    }

    @Test
    void namesThatAreNotDerivedQueries() {
        assertThrows(NotDerivedException.class, () -> PartTree.parse("targeting"));
        assertThrows(NotDerivedException.class, () -> PartTree.parse("findLibrary"));
        assertThrows(NotDerivedException.class, () -> PartTree.parse("findByNameOrderByAOrderByB"));
        // as for Spring Data: the keyword In, and a property "in" that the mapping then rejects
        assertEquals(List.of("in IN"), parts(PartTree.parse("findByIn")));
    }
}
