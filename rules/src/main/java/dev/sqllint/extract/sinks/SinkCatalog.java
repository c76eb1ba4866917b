package dev.sqllint.extract.sinks;

import dev.sqllint.extract.Language;
import dev.sqllint.extract.SourceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query entry points sqllint reads (first tier of {@code shared/sinks.tsv}): methods whose first
 * argument is SQL or JPQL, keyed by the declaring type, and annotations whose attributes hold a query.
 */
public final class SinkCatalog {

    /** A method sink: {@code api} names it in messages, {@code language} is what its argument holds. */
    public record MethodSink(String type, String method, Language language, SqlArgument argument) {
        public MethodSink(String type, String method, Language language) {
            this(type, method, language, SqlArgument.FIRST);
        }

        public String api() {
            return type.substring(type.lastIndexOf('.') + 1) + "." + method;
        }
    }

    /** Which arguments of a sink call hold SQL (see {@link dev.sqllint.extract.SqlArguments}). */
    public enum SqlArgument {
        /** The first argument. */
        FIRST,
        /** The first argument, or the second after a {@code Connection} (Commons DbUtils). */
        AFTER_CONNECTION,
        /** Every String argument is a complete statement ({@code JdbcTemplate.batchUpdate(String...)}). */
        EVERY_STATEMENT
    }

    /** A constructor whose argument {@code argument} is SQL, e.g. {@code new SqlQuery(dataSource, sql)}. */
    public record ConstructorSink(String type, int argument, Language language) {
        public String api() {
            return "new " + type.substring(type.lastIndexOf('.') + 1);
        }
    }

    /** What an annotation's text is: a whole statement, or a fragment that must be wrapped to parse. */
    public enum Shape {
        STATEMENT,
        /** A condition, as Hibernate's {@code @Where}: read as {@code SELECT 1 FROM <table> WHERE <condition>}. */
        CONDITION,
        /** A column expression, as {@code @Formula}: read as {@code SELECT <expression> FROM <table>}. */
        EXPRESSION
    }

    /**
     * An annotation sink: the attributes that hold a query, its default language, the shape of its text, and
     * the api name of its sites when {@code @SimpleName} would be ambiguous (two {@code @Query} families).
     */
    public record AnnotationSink(String type, List<String> attributes, Language language, Shape shape, String label) {
        public AnnotationSink(String type, List<String> attributes, Language language) {
            this(type, attributes, language, Shape.STATEMENT, null);
        }

        public String simpleName() {
            return type.substring(type.lastIndexOf('.') + 1);
        }

        /** {@code @Query}, or the label. */
        public String api() {
            return label != null ? label : "@" + simpleName();
        }
    }

    private final Map<String, MethodSink> methods = new HashMap<>();
    private final Map<String, AnnotationSink> annotations = new HashMap<>();
    private final Set<String> methodNames = new HashSet<>();
    private final Map<String, ConstructorSink> constructors = new HashMap<>();
    private final Map<String, SourceKind> kindsByApi = new HashMap<>();
    private final Set<String> ambiguousApis = new HashSet<>();

    public static SinkCatalog standard() {
        SinkCatalog c = new SinkCatalog();
        c.methods(Language.SQL, List.of("java.sql.Connection"), "prepareStatement", "prepareCall");
        c.methods(Language.SQL, List.of("java.sql.Statement", "java.sql.PreparedStatement", "java.sql.CallableStatement"),
                "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");
        c.methods(Language.SQL, List.of(
                        "org.springframework.jdbc.core.JdbcTemplate",
                        "org.springframework.jdbc.core.JdbcOperations",
                        "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
                        "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations"),
                "query", "queryForList", "queryForMap", "queryForObject", "queryForRowSet", "queryForStream",
                "queryForLong", "queryForInt", "update", "execute", "batchUpdate");
        c.methods(Language.SQL, List.of("org.springframework.jdbc.core.simple.JdbcClient"), "sql");
        for (String pkg : List.of("javax.persistence", "jakarta.persistence")) {
            c.methods(Language.JPQL, List.of(pkg + ".EntityManager"), "createQuery");
            c.methods(Language.SQL, List.of(pkg + ".EntityManager"), "createNativeQuery");
        }
        List<String> hibernate = List.of("org.hibernate.Session", "org.hibernate.StatelessSession",
                "org.hibernate.SharedSessionContract", "org.hibernate.query.QueryProducer");
        c.methods(Language.JPQL, hibernate, "createQuery", "createSelectionQuery", "createMutationQuery");
        c.methods(Language.SQL, hibernate, "createNativeQuery", "createSQLQuery", "createNativeMutationQuery");

        c.annotation("org.springframework.data.jpa.repository.Query", Language.JPQL, "value", "countQuery");
        c.annotation("org.springframework.data.jpa.repository.NativeQuery", Language.SQL, "value", "countQuery");
        c.annotation("org.springframework.data.jdbc.repository.query.Query", Language.SQL, "value");
        c.annotation("org.springframework.data.r2dbc.repository.Query", Language.SQL, "value");
        for (String pkg : List.of("javax.persistence", "jakarta.persistence")) {
            c.annotation(pkg + ".NamedQuery", Language.JPQL, "query");
            c.annotation(pkg + ".NamedNativeQuery", Language.SQL, "query");
        }
        for (String kind : List.of("Select", "Insert", "Update", "Delete")) {
            c.annotation("org.apache.ibatis.annotations." + kind, Language.SQL, "value");
        }
        c.annotation("org.jdbi.v3.sqlobject.statement.SqlQuery", Language.SQL, "value");
        c.annotation("org.jdbi.v3.sqlobject.statement.SqlUpdate", Language.SQL, "value");
        c.annotation("org.skife.jdbi.v2.sqlobject.SqlQuery", Language.SQL, "value");
        c.annotation("org.skife.jdbi.v2.sqlobject.SqlUpdate", Language.SQL, "value");
        SinkCatalogMore.addTo(c);
        return c;
    }

    private void methods(Language language, List<String> types, String... names) {
        methods(language, SqlArgument.FIRST, types, names);
    }

    void methods(Language language, SqlArgument argument, List<String> types, String... names) {
        for (String type : types) {
            for (String name : names) {
                MethodSink sink = new MethodSink(type, name, language, argument);
                methods.put(type + "#" + name, sink);
                methodNames.add(name);
                kind(sink.api(), type);
            }
        }
    }

    private void annotation(String type, Language language, String... attributes) {
        annotation(new AnnotationSink(type, List.of(attributes), language));
    }

    void annotation(AnnotationSink sink) {
        annotations.put(sink.type(), sink);
        kind(sink.api(), sink.type());
    }

    void constructor(Language language, int argument, List<String> types) {
        for (String type : types) {
            ConstructorSink sink = new ConstructorSink(type, argument, language);
            constructors.put(type, sink);
            kind(sink.api(), type);
        }
    }

    public Optional<ConstructorSink> constructor(String type) {
        return Optional.ofNullable(constructors.get(type));
    }

    private void kind(String api, String type) {
        SourceKind kind = SourceKind.ofType(type);
        SourceKind before = kindsByApi.putIfAbsent(api, kind);
        if (before != null && !before.equals(kind)) ambiguousApis.add(api);
    }

    /** The family of the catalogue entry whose sites carry this api name ({@code @Query.countQuery} as {@code @Query}). */
    public Optional<SourceKind> kindOfApi(String api) {
        SourceKind exact = kindsByApi.get(api);
        if (exact != null || !api.startsWith("@") || api.lastIndexOf('.') < 0) return Optional.ofNullable(exact);
        return Optional.ofNullable(kindsByApi.get(api.substring(0, api.lastIndexOf('.'))));
    }

    /** Api names two families share, which would be counted under the first: kept empty by a test. */
    public Set<String> ambiguousApis() {
        return Set.copyOf(ambiguousApis);
    }

    public boolean isSinkMethodName(String name) {
        return methodNames.contains(name);
    }

    /** Every sink method name, for the pre-filter. */
    public Set<String> methodNames() {
        return Set.copyOf(methodNames);
    }

    public Optional<MethodSink> method(String type, String name) {
        return Optional.ofNullable(methods.get(type + "#" + name));
    }

    /** The sinks with this method name, for calls whose receiver type cannot be read. */
    public List<MethodSink> byMethodName(String name) {
        List<MethodSink> out = new ArrayList<>();
        for (MethodSink s : methods.values()) if (s.method().equals(name)) out.add(s);
        out.sort((a, b) -> a.type().compareTo(b.type()));
        return out;
    }

    public boolean isSinkType(String type) {
        for (MethodSink s : methods.values()) if (s.type().equals(type)) return true;
        return false;
    }

    public Optional<AnnotationSink> annotation(String type) {
        return Optional.ofNullable(annotations.get(type));
    }

    /** Annotation sinks by simple name, for annotations whose import cannot be read. */
    public List<AnnotationSink> annotationsBySimpleName(String simpleName) {
        List<AnnotationSink> out = new ArrayList<>();
        for (AnnotationSink s : annotations.values()) if (s.simpleName().equals(simpleName)) out.add(s);
        out.sort((a, b) -> a.type().compareTo(b.type()));
        out.sort((a, b) -> Boolean.compare(a.label() != null, b.label() != null)); // labelled namesakes (Micronaut) last
        return out;
    }

    /** Every type the catalogue names, so on-demand imports ({@code import java.sql.*}) resolve to them. */
    public Set<String> knownTypes() {
        Set<String> out = new HashSet<>(annotations.keySet());
        for (MethodSink s : methods.values()) out.add(s.type());
        out.addAll(constructors.keySet());
        return out;
    }
}
