package dev.sqllint.extract;

import com.github.javaparser.Position;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.sqllint.derived.DerivedQueries;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Spring Data repository's count method called where the Java only compares its result with 0:
 * {@code if (orders.countByCustomerIdAndStatus(id, "OPEN") > 0)}. The count query lives in the repository (derived
 * from the method's name, or its {@code @Query}), the yes/no use at the caller: the site is the call, with the
 * repository's SQL (named {@code OrderRepository.countByCustomerIdAndStatus} in messages) and the caller's zero
 * test. Only methods named {@code count...} are followed, which the pre-filter can see in the caller's outline.
 * Reading the repository through the project index records it as read, so a change to it re-analyses the caller.
 */
public final class RepositoryCountCalls {

    /**
     * {@code countByStatus}, {@code countOpenOrders}: a repository method named for a count, {@code count[A-Z_]\w*}.
     * Tested by hand, not by a regular expression: the pre-filter tests every method call of every file.
     */
    public static boolean isCountMethod(String name) {
        if (name.length() < 6 || !name.startsWith("count")) return false;
        char first = name.charAt(5);
        if (!(first >= 'A' && first <= 'Z') && first != '_') return false;
        for (int i = 6; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
        }
        return true;
    }

    private final JavaSqlExtractor extractor;
    private final TypeNames typeNames;

    RepositoryCountCalls(JavaSqlExtractor extractor, TypeNames typeNames) {
        this.extractor = extractor;
        this.typeNames = typeNames;
    }

    /** The call's site, when it calls a count method of a project repository and only tests the result against 0. */
    Optional<SqlSite> site(MethodCallExpr call, Path file, DerivedQueries derived) {
        if (derived == null || call.getScope().isEmpty() || !isCountMethod(call.getNameAsString())) {
            return Optional.empty();
        }
        Optional<String> zeroTest = ResultTests.zeroTestOf(call);
        if (zeroTest.isEmpty()) return Optional.empty();
        Optional<String> receiver = extractor.declaredType(call.getScope().get()).map(t -> typeNames.resolve(t, call));
        if (receiver.isEmpty()) return Optional.empty();
        Optional<DerivedQueries.RepositoryMethod> found = derived.repositoryMethod(receiver.get(), call.getNameAsString(),
                call.getArguments().size());
        if (found.isEmpty()) return Optional.empty();
        DerivedQueries.RepositoryMethod m = found.get();
        String name = m.method().findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
                .map(t -> t.getNameAsString()).orElse("?") + "." + call.getNameAsString();
        Language language = Language.SQL;
        List<SqlText> variants = new ArrayList<>();
        String api;
        String derivedMethod = null;
        Optional<AnnotationExpr> query = m.method().getAnnotationByName("Query");
        if (query.isPresent()) {
            Optional<Expression> value = JavaSqlExtractor.attribute(query.get(), "value");
            if (value.isEmpty()) return Optional.empty();
            for (SqlText v : extractor.foldValue(value.get())) variants.add(v.throughConstant(name));
            boolean nativeQuery = JavaSqlExtractor.attribute(query.get(), "nativeQuery")
                    .filter(BooleanLiteralExpr.class::isInstance).map(e -> ((BooleanLiteralExpr) e).getValue()).orElse(false);
            language = nativeQuery ? Language.SQL : Language.JPQL;
            api = "Spring Data @Query " + call.getNameAsString() + " (called here)";
        } else if (m.derivedSql().isPresent()) {
            variants.add(m.derivedSql().get().throughConstant(name));
            api = "Spring Data derived query " + call.getNameAsString() + " (called here)";
            derivedMethod = name;
        } else {
            return Optional.empty();
        }
        if (variants.isEmpty()) return Optional.empty();
        Position p = call.getName().getBegin().orElse(new Position(1, 1));
        return Optional.of(new SqlSite(file, p.line, p.column, api, language, variants, JavaSqlExtractor.owner(call),
                m.entity().name(), Suppressions.enclosing(call), zeroTest.get(), Paging.NONE, null, derivedMethod));
    }
}
