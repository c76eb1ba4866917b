package dev.sqllint.extract;

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
    public record MethodSink(String type, String method, Language language) {
        public String api() {
            return type.substring(type.lastIndexOf('.') + 1) + "." + method;
        }
    }

    /** An annotation sink: the attributes that hold a query, and its default language. */
    public record AnnotationSink(String type, List<String> attributes, Language language) {
        public String simpleName() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    private final Map<String, MethodSink> methods = new HashMap<>();
    private final Map<String, AnnotationSink> annotations = new HashMap<>();
    private final Set<String> methodNames = new HashSet<>();

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
        return c;
    }

    private void methods(Language language, List<String> types, String... names) {
        for (String type : types) {
            for (String name : names) {
                methods.put(type + "#" + name, new MethodSink(type, name, language));
                methodNames.add(name);
            }
        }
    }

    private void annotation(String type, Language language, String... attributes) {
        annotations.put(type, new AnnotationSink(type, List.of(attributes), language));
    }

    public boolean isSinkMethodName(String name) {
        return methodNames.contains(name);
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
        return out;
    }

    /** Every type the catalogue names, so on-demand imports ({@code import java.sql.*}) resolve to them. */
    public Set<String> knownTypes() {
        Set<String> out = new HashSet<>(annotations.keySet());
        for (MethodSink s : methods.values()) out.add(s.type());
        return out;
    }
}
