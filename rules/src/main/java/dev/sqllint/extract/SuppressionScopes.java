package dev.sqllint.extract;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.sqllint.sql.Origin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where in the project {@code @SuppressWarnings("sqllint…")} is in effect, so a finding whose SQL text was
 * written away from the call (a constant, a local variable declared earlier, a constant of another class)
 * is suppressed by the declaration that holds that text, as well as by the declarations around the call.
 * Only the few annotated declarations are kept: a lookup costs nothing in a project that suppresses
 * nothing.
 */
public final class SuppressionScopes {

    private record Scope(Range range, Suppressions suppressions) {
    }

    private final Map<Path, List<Scope>> byFile = new HashMap<>();
    private final Map<String, Suppressions> byConstant = new HashMap<>();

    public SuppressionScopes(Collection<JavaFile> files) {
        for (JavaFile f : files) index(f);
    }

    private void index(JavaFile file) {
        for (AnnotationExpr a : file.findAll(AnnotationExpr.class)) {
            Suppressions s = Suppressions.of(a);
            Node declaration = a.getParentNode().orElse(null);
            if (s.isEmpty() || declaration == null || declaration.getRange().isEmpty()) continue;
            byFile.computeIfAbsent(file.path(), p -> new ArrayList<>()).add(new Scope(declaration.getRange().get(), s));
            if (declaration instanceof FieldDeclaration field
                    && field.getParentNode().orElse(null) instanceof TypeDeclaration<?> type) {
                for (VariableDeclarator v : field.getVariables()) {
                    byConstant.merge(type.getNameAsString() + "." + v.getNameAsString(), s, Suppressions::and);
                }
            }
        }
    }

    /** What is suppressed at a position: every annotated declaration that contains it. */
    public Suppressions at(Path file, int line, int column) {
        List<Scope> scopes = byFile.get(file);
        if (scopes == null) return Suppressions.NONE;
        Position p = new Position(line, column);
        Suppressions out = Suppressions.NONE;
        for (Scope s : scopes) if (s.range().contains(p)) out = out.and(s.suppressions());
        return out;
    }

    /**
     * What is suppressed where a character of SQL came from: around the text itself, and on the constant the
     * call named when the text was read through it ({@code Type.NAME}, as {@link Origin#viaConstant()} says).
     */
    public Suppressions at(Origin origin) {
        Suppressions here = at(origin.file(), origin.line(), origin.column());
        if (origin.viaConstant() == null) return here;
        return here.and(byConstant.getOrDefault(origin.viaConstant(), Suppressions.NONE));
    }
}
