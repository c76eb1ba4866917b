package dev.sqllint.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.VariableDeclarator;
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
