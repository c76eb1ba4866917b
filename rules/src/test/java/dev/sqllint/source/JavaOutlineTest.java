package dev.sqllint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which files the outline marks as JPA mappings: the schema reads every one of them. */
class JavaOutlineTest {

    /** What the scan replaced, kept here as the specification it must agree with. */
    private static final Pattern SPECIFICATION = Pattern.compile(
            "@(?:[\\w$]+\\.)*(?:Entity|MappedSuperclass|Embeddable|NamedQuery|NamedQueries|NamedNativeQuery|NamedNativeQueries)\\b");

    @Test
    void aMappingAnnotationPlainOrQualifiedMakesAMappedFile() {
        assertTrue(JavaOutline.mentionsMapping("@Entity\n@Table(name = \"orders\")\nclass Order {}"));
        assertTrue(JavaOutline.mentionsMapping("@jakarta.persistence.Entity class Order {}"));
        assertTrue(JavaOutline.mentionsMapping("@NamedQueries({ @NamedQuery(name = \"x\", query = \"from Order\") })"));
        assertTrue(JavaOutline.mentionsMapping("@javax.persistence.MappedSuperclass abstract class Base {}"));
    }

    @Test
    void namesThatOnlyStartLikeAMappingAnnotationDoNot() {
        assertFalse(JavaOutline.mentionsMapping("@EntityListeners(Audit.class) class Order { EntityId id; }"));
        assertFalse(JavaOutline.mentionsMapping("@Embeddables class A {}"));
        assertFalse(JavaOutline.mentionsMapping("class A { Entity e; @Override public String toString() { return \"\"; } }"));
        assertFalse(JavaOutline.mentionsMapping("@ Entity class A {}"));
        assertFalse(JavaOutline.mentionsMapping("@a..Entity class A {}"));
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomText() {
        String[] pieces = {"@", ".", "$", "_", "x", "9", " ", "\n", "é", "Entity", "Embeddable", "NamedQuery", "NamedQueries",
                "NamedNativeQuer", "MappedSuperclass", "jakarta", "persistence", "(", "s", "\u0301", "\uD835\uDC00"};
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) text.append(pieces[random.nextInt(pieces.length)]);
            String t = text.toString();
            assertEquals(SPECIFICATION.matcher(t).find(), JavaOutline.mentionsMapping(t), t);
        }
    }
}
