package dev.sqllint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Physical names as Spring Boot and plain Hibernate produce them. */
class JpaNamingTest {

    @Test
    void springTurnsCamelCaseIntoSnakeCaseExplicitNamesIncluded() {
        assertEquals("published_run", JpaNaming.SPRING.physical("publishedRun"));
        assertEquals("review_request", JpaNaming.SPRING.physical("ReviewRequest"));
        assertEquals("track_id", JpaNaming.SPRING.physical("track_id"));
        assertEquals("word_with_digit_d1", JpaNaming.SPRING.physical("wordWithDigitD1"));
        assertEquals("urlvalue", JpaNaming.SPRING.physical("URLValue"), "no underscore inside a run of capitals");
        assertEquals("app_tracks", JpaNaming.SPRING.physical("app.tracks"));
    }

    @Test
    void plainJpaKeepsNamesAsWritten() {
        assertEquals("ReviewRequest", JpaNaming.JPA.physical("ReviewRequest"));
        assertEquals("publishedRun", JpaNaming.JPA.physical("publishedRun"));
    }

    @Test
    void quotedNamesAreKeptAsWrittenWithoutTheirQuotes() {
        assertEquals("Order", JpaNaming.SPRING.physical("\"Order\""));
        assertEquals("publishedRun", JpaNaming.SPRING.physical("`publishedRun`"));
        assertEquals("Order", JpaNaming.JPA.physical("`Order`"));
    }

    @Test
    void defaultJoinTablesFollowEachStrategy() {
        assertEquals("review_request_targetGroups",
                JpaNaming.SPRING.implicitJoinTable("review_request", "targetGroups", "review_group"));
        assertEquals("review_request_target_groups",
                JpaNaming.SPRING.physical(JpaNaming.SPRING.implicitJoinTable("review_request", "targetGroups", "review_group")));
        assertEquals("ReviewRequest_ReviewGroup",
                JpaNaming.JPA.implicitJoinTable("ReviewRequest", "targetGroups", "ReviewGroup"));
    }
}
