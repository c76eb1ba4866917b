package dev.sqllint.extract;

import com.github.javaparser.Position;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.sqllint.extract.jdbi.JdbiSqlObjects;
import dev.sqllint.extract.sinks.SinkCatalog;
import dev.sqllint.extract.sinks.StatementStart;
import dev.sqllint.sql.SqlText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Calls of the catalogue's method names. The receiver's declared type decides the sink (a project subclass
 * of a sink type is one; an unqualified call inside such a subclass too, as {@code setSql(SQL)} in a
 * {@code MappingSqlQuery}); the sink says which arguments hold SQL. A receiver whose type cannot be read
 * counts only with text that reads as a statement. What cannot be read is reported as unresolved:
 * an entirely dynamic argument, SQL-looking text passed to a type that is not a sink.
 */
final class SinkCalls {

    private final JavaSqlExtractor extractor;
    private final SinkCatalog catalog;
    private final TypeNames typeNames;
    private final Supertypes supertypes;
    private final SqlArguments arguments;

    SinkCalls(JavaSqlExtractor extractor, SinkCatalog catalog, TypeNames typeNames, Supertypes supertypes,
              SqlArguments arguments) {
        this.extractor = extractor;
        this.catalog = catalog;
        this.typeNames = typeNames;
        this.supertypes = supertypes;
        this.arguments = arguments;
    }

    void sites(MethodCallExpr call, Path file, List<SqlSite> out, Consumer<UnresolvedSite> unresolved) {
        new Call(call, file, unresolved).sites(out);
    }

    /** One call: the receiver's type decides the sink; its SQL arguments become sites. */
    private final class Call {
        private final MethodCallExpr call;
        private final Path file;
        private final Consumer<UnresolvedSite> unresolved;

        Call(MethodCallExpr call, Path file, Consumer<UnresolvedSite> unresolved) {
            this.call = call;
            this.file = file;
            this.unresolved = unresolved;
        }

        void sites(List<SqlSite> out) {
            if (call.getArguments().isEmpty()) return;
            String method = call.getNameAsString();
            Optional<String> receiver = call.getScope().flatMap(extractor::declaredType)
                    .map(t -> typeNames.resolve(t, call));
            if (receiver.isEmpty() && (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr)) {
                receiver = enclosingSinkType(method); // setSql(SQL) inside a MappingSqlQuery subclass
                // else prepare(CQL) calling the class's own prepare(String): a project method, not the library's
                if (receiver.isEmpty()) receiver = ownMethodType(method);
            }
            if (receiver.isPresent()) {
                Optional<SinkCatalog.MethodSink> match = sinkOf(receiver.get(), method);
                if (match.isEmpty()) { // a known type that is not a sink: not SQL, unless it reads as SQL
                    if (!method.equals("add")) notASink(receiver.get());
                    return;
                }
                typed(match.get(), out);
            } else {
                untyped(method, out);
            }
        }

        private Optional<String> ownMethodType(String method) {
            return Supertypes.enclosingType(call).map(t -> ProjectIndex.qualifiedName(t))
                    .flatMap(t -> supertypes.declaring(t, method, call.getArguments().size()));
        }

        private Optional<SinkCatalog.MethodSink> sinkOf(String type, String method) {
            return catalog.method(type, method)
                    .or(() -> supertypes.find(type, t -> catalog.method(t, method).isPresent()).flatMap(t -> catalog.method(t, method)));
        }

        private Optional<String> enclosingSinkType(String method) {
            return Supertypes.enclosingType(call).map(t -> ProjectIndex.qualifiedName(t))
                    .flatMap(t -> supertypes.find(t, s -> catalog.method(s, method).isPresent()));
        }

        private void typed(SinkCatalog.MethodSink sink, List<SqlSite> out) {
            List<SqlArguments.Picked> picked = arguments.pick(sink.argument(), call.getArguments(), false);
            if (picked.isEmpty()) {
                Expression at = SqlArguments.sqlPosition(sink.argument(), call.getArguments());
                if (SqlArguments.plausiblyText(at)) miss(at, sink.api(), UnresolvedSite.ENTIRELY_DYNAMIC, "");
                return;
            }
            for (SqlArguments.Picked p : picked) {
                List<SqlText> variants = StatementStart.known(JdbiSqlObjects.expandFluent(sink, p.variants()), sink.language());
                if (variants.isEmpty()) miss(p.at(), sink.api(), UnresolvedSite.STATEMENT_START_DYNAMIC, "");
                else out.add(extractor.site(file, p.at(), sink.api(), sink.language(), variants, call));
            }
        }

        private void untyped(String method, List<SqlSite> out) {
            List<SinkCatalog.MethodSink> candidates = catalog.byMethodName(method);
            if (candidates.isEmpty()) return;
            SinkCatalog.SqlArgument spec = candidates.stream().anyMatch(c -> c.argument() == SinkCatalog.SqlArgument.AFTER_CONNECTION)
                    ? SinkCatalog.SqlArgument.AFTER_CONNECTION : SinkCatalog.SqlArgument.FIRST;
            List<SqlArguments.Picked> picked = arguments.pick(spec, call.getArguments(), true);
            if (picked.isEmpty()) {
                if (UnresolvedSite.isDistinctive(method) && SqlArguments.plausiblyText(call.getArgument(0))) {
                    miss(call.getArgument(0), "?." + method, UnresolvedSite.RECEIVER_UNREAD, "");
                }
                return;
            }
            for (SqlArguments.Picked p : picked) {
                out.add(extractor.site(file, p.at(), "?." + method, candidates.get(0).language(), p.variants(), call));
            }
        }

        /** A sink-named call on a type the catalogue does not list: counted when its text reads as SQL. */
        private void notASink(String type) {
            List<SqlArguments.Picked> picked = arguments.pick(SinkCatalog.SqlArgument.AFTER_CONNECTION, call.getArguments(), true);
            if (picked.isEmpty()) return;
            String simple = type.substring(type.lastIndexOf('.') + 1);
            miss(picked.get(0).at(), simple + "." + call.getNameAsString(), UnresolvedSite.NOT_A_SINK, type);
        }

        private void miss(Expression at, String api, String reason, String detail) {
            Position p = at.getBegin().orElse(new Position(1, 1));
            unresolved.accept(new UnresolvedSite(file, p.line, p.column, api, reason, detail));
        }
    }
}
