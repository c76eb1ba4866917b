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
    void aSyntaxErrorStillDoesNotParse() {
        assertFalse(JavaSyntax.parse("class A { void m() { int x = ; } }", false).isSuccessful());
    }
}
