package dev.sqllint.extract.java;

import dev.sqllint.sql.Origin;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cap on variants keeps a spread of both sides of a concatenation, not the first left one with every right one. */
class VariantsTest {


    @Test
    void aCutProductStillHoldsEachSidesVariants() {
        List<SqlText> left = new ArrayList<>();
        List<SqlText> right = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            left.add(SqlText.of("L" + i + " ", Origin.at(Path.of("A.java"), 1, 1)));
            right.add(SqlText.of("R" + i, Origin.at(Path.of("A.java"), 2, 1)));
        }
        List<String> kept = Variants.concat(left, right).stream().map(SqlText::text).toList();
        assertEquals(Variants.MAX, kept.size());
        assertEquals(List.of("L0 R0", "L0 R1", "L1 R0", "L0 R2", "L1 R1", "L2 R0"), kept.subList(0, 6));
        assertTrue(kept.contains("L4 R0") && kept.contains("L0 R4"), kept.toString());
    }
}
