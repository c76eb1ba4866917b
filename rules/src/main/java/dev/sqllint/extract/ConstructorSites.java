package dev.sqllint.extract;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import dev.sqllint.extract.sinks.SinkCatalog.ConstructorSink;
import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.extract.sinks.SqlLooks;
import dev.sqllint.extract.sinks.StatementStart;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * SQL handed to a constructor: {@code new MappingSqlQuery<>(dataSource, SQL) { ... }},
 * {@code new PreparedStatementCreatorFactory(SQL, types)}, and the common Spring form, a subclass whose
 * constructor calls {@code super(dataSource, SQL)}. A subclass of a subclass (a project base query class)
 * passes its SQL where its own base expects it, unknown here: the first argument that reads as a statement
 * is taken.
 */
final class ConstructorSites {

    private final JavaSqlExtractor extractor;
    private final SinkCatalog catalog;
    private final TypeNames typeNames;
    private final Supertypes supertypes;
    private final SqlArguments arguments;
    private final SqlHolders holders;

    ConstructorSites(JavaSqlExtractor extractor, SinkCatalog catalog, TypeNames typeNames, Supertypes supertypes,
                     SqlArguments arguments, SqlHolders holders) {
        this.holders = holders;
        this.extractor = extractor;
        this.catalog = catalog;
        this.typeNames = typeNames;
        this.supertypes = supertypes;
        this.arguments = arguments;
    }

    void sites(JavaFile file, List<SqlSite> out, Consumer<UnresolvedSite> unresolved) {
        for (ObjectCreationExpr create : file.findAll(ObjectCreationExpr.class)) {
            String type = typeNames.resolve(create.getType().getNameWithScope(), create);
            Optional<ConstructorSink> sink = catalog.constructor(type);
            if (sink.isPresent()) direct(sink.get(), create, create.getArguments(), file.path(), out, unresolved);
            else held(type, create, file.path(), out);
        }
        for (ExplicitConstructorInvocationStmt call : file.findAll(ExplicitConstructorInvocationStmt.class)) {
            if (call.isThis()) continue;
            Optional<ClassOrInterfaceDeclaration> owner = call.findAncestor(ClassOrInterfaceDeclaration.class);
            Optional<String> parent = owner.flatMap(supertypes::superclass);
            if (parent.isEmpty()) continue;
            Optional<ConstructorSink> sink = catalog.constructor(parent.get());
            if (sink.isPresent()) {
                direct(sink.get(), call, call.getArguments(), file.path(), out, unresolved);
                continue;
            }
            supertypes.find(parent.get(), t -> catalog.constructor(t).isPresent()).flatMap(catalog::constructor)
                    .ifPresent(s -> throughBase(s, call, file.path(), out));
        }
    }

    private void direct(ConstructorSink sink, Node call, List<Expression> args, Path file, List<SqlSite> out,
                        Consumer<UnresolvedSite> unresolved) {
        if (args.size() <= sink.argument()) return; // new SqlQuery() then setSql(...): read at setSql
        Expression arg = args.get(sink.argument());
        List<SqlArguments.Picked> picked = arguments.pick(SinkCatalog.SqlArgument.FIRST, List.of(arg), false);
        if (picked.isEmpty()) {
            if (SqlArguments.plausiblyText(arg)) unresolved.accept(miss(file, arg, sink.api()));
            return;
        }
        for (SqlArguments.Picked p : picked) {
            List<SqlText> variants = StatementStart.known(p.variants(), sink.language());
            if (variants.isEmpty()) unresolved.accept(miss(file, p.at(), sink.api(), UnresolvedSite.STATEMENT_START_DYNAMIC));
            else out.add(extractor.site(file, p.at(), sink.api(), sink.language(), variants, call));
        }
    }

    /**
     * {@code new MapperResult(sql, params)}: a project object that carries the statement to where it runs (see
     * {@link SqlHolders}). Only variants that read as a whole statement count, and nothing is reported as
     * unresolved: the object may as well carry other text.
     */
    private void held(String type, ObjectCreationExpr create, Path file, List<SqlSite> out) {
        if (create.getAnonymousClassBody().isPresent() || !SqlHolders.mayPassStatement(create.getArguments())) return;
        Optional<Integer> at = holders.statementArgument(type, create.getArguments().size());
        if (at.isEmpty()) return;
        Expression arg = create.getArgument(at.get());
        String api = "new " + type.substring(type.lastIndexOf('.') + 1);
        for (SqlArguments.Picked p : arguments.pick(SinkCatalog.SqlArgument.FIRST, List.of(arg), false)) {
            List<SqlText> variants = p.variants().stream().filter(v -> SqlLooks.likeSql(v.text())).toList();
            if (!variants.isEmpty()) out.add(extractor.site(file, p.at(), api, Language.SQL, variants, create));
        }
    }

    /** {@code super(ds, SQL)} into a project base class: the first argument that reads as a statement. */
    private void throughBase(ConstructorSink sink, ExplicitConstructorInvocationStmt call, Path file, List<SqlSite> out) {
        for (Expression arg : call.getArguments()) {
            List<SqlArguments.Picked> picked = arguments.pick(SinkCatalog.SqlArgument.FIRST, List.of(arg), true);
            if (picked.isEmpty()) continue;
            List<SqlText> variants = picked.get(0).variants();
            out.add(extractor.site(file, picked.get(0).at(), sink.api(), sink.language(), variants, call));
            return;
        }
    }

    private static UnresolvedSite miss(Path file, Expression at, String api) {
        return miss(file, at, api, UnresolvedSite.ENTIRELY_DYNAMIC);
    }

    private static UnresolvedSite miss(Path file, Expression at, String api, String reason) {
        Position p = at.getBegin().orElse(new Position(1, 1));
        return new UnresolvedSite(file, p.line, p.column, api, reason, "");
    }
}
