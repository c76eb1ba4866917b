package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaSyntaxTest {

    @Test
    void codeTheCompilerWouldRejectButTheGrammarTakesParsesWithoutValidation() {
        ParseResult<CompilationUnit> r = JavaSyntax.parse("class A { private public int x; }", false);

        assertTrue(r.isSuccessful(), () -> "validation ran: " + r.getProblems());
    }

    @Test
    void java21SyntaxAndItsPostProcessingStay() {
        ParseResult<CompilationUnit> r = JavaSyntax.parse("""
                class A {
                    record Row(String sql) {}
                    String m(int k) {
                        var sql = \"""
                            SELECT a FROM t\""";
                        return switch (k) { case 1 -> { yield sql; } default -> "x"; };
                    }
                }""", false);

        assertTrue(r.isSuccessful(), () -> r.getProblems().toString());
        VariableDeclarator sql = r.getResult().orElseThrow().findFirst(VariableDeclarator.class).orElseThrow();
        assertTrue(sql.getType().isVarType(), "var is a type of its own after Java 21's post-processing");
    }

    @Test
    void commentsAreAttributedOnlyInAFileThatSaysSqllint() {
        CompilationUnit plain = JavaSyntax.parse("""
                /** Licence header. */
                class A { String q = "SELECT 1"; // why
                }""", false).getResult().orElseThrow();
        CompilationUnit suppressing = JavaSyntax.parse("""
                class A { String q = "SELECT 1"; // sqllint:ignore
                }""", false).getResult().orElseThrow();

        assertTrue(plain.getAllComments().isEmpty(), "nothing reads them");
        assertFalse(JavaSyntax.maySaySqllint(plain));
        assertTrue(suppressing.getAllComments().stream().anyMatch(c -> c.getContent().contains("sqllint:ignore")
                && c.getCommentedNode().isPresent()), "a suppression covers its node");
        assertTrue(JavaSyntax.maySaySqllint(suppressing));
    }

    /** Tokens link to each other: one kept would keep the whole file's (see dropTokens). */
    @Test
    void everyNodeAndCommentKeepsItsRangeAndNoToken() {
        for (String source : new String[] {"class A { String q = \"SELECT 1\" + b; /* x */ }",
                "/** Licence. */\nclass A { // sqllint:ignore\n  String q = \"SELECT 1\"; /* x */ void m() { int k = 1; } }"}) {
            CompilationUnit unit = JavaSyntax.parse(source, false).getResult().orElseThrow();
            List<Node> nodes = new ArrayList<>();
            unit.walk(nodes::add);
            nodes.addAll(unit.getAllContainedComments());

            assertTrue(nodes.size() > 10);
            for (Node n : nodes) {
                assertTrue(n.getTokenRange().isEmpty(), () -> "a token kept by " + n);
                assertTrue(n.getRange().isPresent(), () -> "no range on " + n);
            }
        }
    }

    @Test
    void varIsAWordOnlyWithNoIdentifierCharacterBeside() {
        assertTrue(JavaSyntax.hasWord("for (var row : rows)", "var"));
        assertTrue(JavaSyntax.hasWord("var", "var"));
        assertFalse(JavaSyntax.hasWord("String variant = vars + $var + var_1;", "var"));
    }

    @Test
    void aSyntaxErrorStillDoesNotParse() {
        assertFalse(JavaSyntax.parse("class A { void m() { int x = ; } }", false).isSuccessful());
    }
}
