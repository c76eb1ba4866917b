package dev.sqllint.extract;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.sqllint.extract.java.StringFolder;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * MyBatis {@code @SelectProvider}/{@code @InsertProvider}/{@code @UpdateProvider}/{@code @DeleteProvider}: the
 * statement is what the provider method returns, read like any helper method that returns a foldable string
 * (its parameters become placeholders). The provider is {@code type} (or {@code value}); the method is
 * {@code method}, else, as MyBatis's {@code ProviderMethodResolver} does, the mapper method's own name, else
 * {@code provideSql}. Findings in SQL written in the provider's file are reported at the annotation.
 */
final class MyBatisProviders {

    static final Set<String> NAMES = Set.of("SelectProvider", "InsertProvider", "UpdateProvider", "DeleteProvider");

    private final JavaSqlExtractor extractor;
    private final TypeNames typeNames;
    private final ProjectIndex index;
    private final StringFolder folder;

    MyBatisProviders(JavaSqlExtractor extractor, TypeNames typeNames, ProjectIndex index, StringFolder folder) {
        this.extractor = extractor;
        this.typeNames = typeNames;
        this.index = index;
        this.folder = folder;
    }

    /** Whether the annotation is a provider: by its resolved MyBatis name, or its simple name when unresolved. */
    static boolean isProvider(String written, String resolved) {
        String simple = written.substring(written.lastIndexOf('.') + 1);
        if (!NAMES.contains(simple)) return false;
        return resolved.equals("org.apache.ibatis.annotations." + simple) || !resolved.contains(".");
    }

    void sites(AnnotationExpr a, Path file, List<SqlSite> out, Consumer<UnresolvedSite> unresolved) {
        String api = "@" + a.getName().getIdentifier();
        Optional<Expression> typeValue = JavaSqlExtractor.attribute(a, "type").or(() -> JavaSqlExtractor.attribute(a, "value"));
        if (typeValue.isEmpty() || !(typeValue.get() instanceof ClassExpr classExpr)) {
            unresolved.accept(new UnresolvedSite(file, line(a), column(a), api, UnresolvedSite.ENTIRELY_DYNAMIC,
                    "no provider type"));
            return;
        }
        String provider = typeNames.resolve(classExpr.getType().asString(), a);
        Optional<MethodDeclaration> method = providerMethod(a, provider);
        if (method.isEmpty()) {
            unresolved.accept(new UnresolvedSite(file, line(a), column(a), api, UnresolvedSite.RESOURCE_MISSING,
                    "provider method of " + provider + " not found in the sources"));
            return;
        }
        List<SqlText> variants = folder.returnedBy(method.get());
        if (variants.isEmpty()) {
            unresolved.accept(new UnresolvedSite(file, line(a), column(a), api, UnresolvedSite.ENTIRELY_DYNAMIC, provider));
            return;
        }
        out.add(extractor.site(file, a, api, Language.SQL, variants, a));
    }

    private Optional<MethodDeclaration> providerMethod(AnnotationExpr a, String provider) {
        Optional<TypeDeclaration<?>> type = index.type(provider);
        if (type.isEmpty()) return Optional.empty();
        Optional<String> named = JavaSqlExtractor.attribute(a, "method")
                .filter(StringLiteralExpr.class::isInstance).map(e -> ((StringLiteralExpr) e).getValue());
        Optional<String> mapperMethod = a.getParentNode().filter(MethodDeclaration.class::isInstance)
                .map(m -> ((MethodDeclaration) m).getNameAsString());
        for (String name : named.isPresent() ? List.of(named.get())
                : mapperMethod.map(m -> List.of(m, "provideSql")).orElse(List.of("provideSql"))) {
            for (MethodDeclaration m : type.get().getMethodsByName(name)) {
                if (m.getBody().isPresent()) return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static int line(AnnotationExpr a) {
        return a.getBegin().map(p -> p.line).orElse(1);
    }

    private static int column(AnnotationExpr a) {
        return a.getBegin().map(p -> p.column).orElse(1);
    }
}
