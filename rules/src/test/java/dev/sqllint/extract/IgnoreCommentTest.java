package dev.sqllint.extract;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IgnoreCommentTest {

    @Test
    void ruleNameThenReason() {
        IgnoreComment c = parse(" sqllint:ignore DistinctOnHistoryScan admin page, 20 rows");
        assertEquals(Set.of("DistinctOnHistoryScan"), c.rules());
        assertEquals("admin page, 20 rows", c.reason());
        assertTrue(c.covers("DistinctOnHistoryScan"));
        assertFalse(c.covers("OrAcrossAccessPaths"));
    }

    @Test
    void severalRulesAndPunctuationBeforeTheReason() {
        IgnoreComment c = parse("sqllint:ignore DistinctOnHistoryScan,OrAcrossAccessPaths - legacy report, rewritten in Q3");
        assertEquals(Set.of("DistinctOnHistoryScan", "OrAcrossAccessPaths"), c.rules());
        assertEquals("legacy report, rewritten in Q3", c.reason());
        assertEquals("tiny table", parse("sqllint:ignore JoinForScalarOnly: tiny table").reason());
    }

    @Test
    void noRuleIgnoresEveryRuleAndThePlainWordsAreTheReason() {
        IgnoreComment bare = parse("sqllint:ignore");
        assertTrue(bare.covers("JoinForScalarOnly"));
        assertEquals("", bare.reason());
        IgnoreComment reasoned = parse("sqllint:ignore Legacy report, runs nightly");
        assertTrue(reasoned.rules().isEmpty());
        assertEquals("Legacy report, runs nightly", reasoned.reason());
    }

    @Test
    void aMisspeltRuleNameIgnoresNothingElse() {
        IgnoreComment c = parse("sqllint:ignore OrAccrossAccessPaths");
        assertFalse(c.covers("OrAcrossAccessPaths"));
        assertFalse(c.covers("DistinctOnHistoryScan"));
    }

    @Test
    void otherCommentsAreNotIgnoreComments() {
        assertTrue(IgnoreComment.parse("TODO sqllint:ignore later", "").isEmpty());
        assertTrue(IgnoreComment.parse("sqllint:ignored", "").isEmpty());
        assertTrue(IgnoreComment.parse("sqllint", "").isEmpty());
    }

    @Test
    void reasonOfWhatAFindingRecords() {
        assertEquals(Optional.of("tiny table"), IgnoreComment.reasonOf("// sqllint:ignore JoinForScalarOnly tiny table"));
        assertEquals(Optional.of("tiny table"), IgnoreComment.reasonOf("/* sqllint:ignore tiny table */"));
        assertEquals(Optional.empty(), IgnoreComment.reasonOf("// sqllint:ignore JoinForScalarOnly"));
        assertEquals(Optional.empty(), IgnoreComment.reasonOf("@SuppressWarnings(\"sqllint\")"));
        assertEquals(Optional.empty(), IgnoreComment.reasonOf(null));
    }

    private static IgnoreComment parse(String content) {
        return IgnoreComment.parse(content, "//" + content).orElseThrow();
    }
}
