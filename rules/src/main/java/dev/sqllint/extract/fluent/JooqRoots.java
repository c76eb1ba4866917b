package dev.sqllint.extract.fluent;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.sqllint.extract.TypeNames;
import java.util.Set;

/**
 * Where jOOQ chains start and end, read from the source as written: the {@code DSLContext} type (resolved
 * through the imports), the {@code DSL} class and its static imports, and the calls that execute a query.
 */
public final class JooqRoots {

    static final String DSL_CONTEXT = "org.jooq.DSLContext";
    static final String DSL = "org.jooq.impl.DSL";
    public static final Set<String> KNOWN_TYPES = Set.of(DSL_CONTEXT, DSL);

    /** Calls that start a select, on a DSLContext or statically on DSL. */
    public static final Set<String> SELECTS = Set.of("select", "selectDistinct", "selectFrom", "selectOne",
            "selectZero", "selectCount");

    /** Calls that run the query they are called on: the chain before them is one statement. */
    static final Set<String> TERMINALS = Set.of("fetch", "fetchOne", "fetchOptional", "fetchSingle", "fetchAny",
            "fetchInto", "fetchMap", "fetchMaps", "fetchGroups", "fetchSet", "fetchArray", "fetchArrays", "fetchValue",
            "fetchValues", "fetchStream", "fetchStreamInto", "fetchLazy", "fetchSize", "fetchResultSet", "fetchOneInto",
            "fetchOptionalInto", "fetchSingleInto", "fetchAnyInto", "fetchOneMap", "fetchSingleMap", "fetchAnyMap",
            "fetchOptionalMap", "fetchAsync", "fetchCount", "execute", "executeAsync", "stream", "iterator", "forEach",
            "collect", "spliterator");

    /** DSLContext methods whose first argument is the query: a select, a table, or plain SQL. */
    static final Set<String> CONTEXT_QUERIES = Set.of("fetch", "fetchOne", "fetchOptional", "fetchSingle", "fetchAny",
            "fetchLazy", "fetchStream", "fetchCount", "fetchExists", "fetchValue", "fetchOptionalValue", "fetchValues",
            "fetchMany", "fetchAsync", "resultQuery", "query", "execute");

    private final TypeNames typeNames;

    JooqRoots(TypeNames typeNames) {
        this.typeNames = typeNames;
    }

    /**
     * Whether the file can hold jOOQ code: it imports from jOOQ, or the generated {@code Tables}/{@code Keys}
     * (a repository whose DSLContext comes from a superclass imports no jOOQ type of its own).
     */
    static boolean usesJooq(CompilationUnit cu) {
        for (ImportDeclaration imp : cu.getImports()) {
            String name = imp.getNameAsString();
            if (name.startsWith("org.jooq") || name.endsWith(".Tables") || name.contains(".Tables.")
                    || name.endsWith(".Keys") || name.contains(".tables.")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a type as written is {@code DSLContext}. */
    boolean isDslContextType(String written, Node context) {
        if (written == null) return false;
        String plain = TypeNames.stripGenerics(written);
        return plain.equals("DSLContext") || plain.endsWith(".DSLContext") || plain.equals("DefaultDSLContext")
                || typeNames.resolve(plain, context).equals(DSL_CONTEXT);
    }

    /** {@code DSL} (imported) or {@code org.jooq.impl.DSL}, as the scope of a static call. */
    boolean isDslClass(Expression scope) {
        if (scope instanceof NameExpr n && n.getNameAsString().equals("DSL")) {
            String resolved = typeNames.resolve("DSL", scope);
            return resolved.equals(DSL) || resolved.equals("DSL");
        }
        return scope instanceof FieldAccessExpr f && f.toString().equals(DSL);
    }

    /** {@code select(...)} with {@code import static org.jooq.impl.DSL.*} (or {@code .select}), not shadowed by a method of the class. */
    boolean isStaticDslCall(MethodCallExpr m) {
        if (m.getScope().isPresent()) return false;
        String name = m.getNameAsString();
        CompilationUnit cu = m.findCompilationUnit().orElse(null);
        if (cu == null) return false;
        boolean imported = false;
        for (ImportDeclaration imp : cu.getImports()) {
            if (!imp.isStatic()) continue;
            String q = imp.getNameAsString();
            if ((imp.isAsterisk() && q.equals(DSL)) || (!imp.isAsterisk() && q.equals(DSL + "." + name))) imported = true;
        }
        if (!imported) return false;
        for (Node p = m.getParentNode().orElse(null); p != null; p = p.getParentNode().orElse(null)) {
            if (p instanceof TypeDeclaration<?> t && !t.getMethodsByName(name).isEmpty()) return false;
        }
        return true;
    }
}
