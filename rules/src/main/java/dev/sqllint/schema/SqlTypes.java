package dev.sqllint.schema;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.Type;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The column type a mapped property gets, in the generic SQL spelling the migration readers use: what
 * {@code @Column(columnDefinition)} says, else Hibernate's default for the Java type. Only types whose
 * column type hardly varies between databases; anything else (enums, converters, {@code byte[]}) stays
 * unknown, which the {@link Table} reports as empty.
 */
final class SqlTypes {

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("String", "varchar"), Map.entry("Character", "char"), Map.entry("char", "char"),
            Map.entry("Long", "bigint"), Map.entry("long", "bigint"),
            Map.entry("Integer", "integer"), Map.entry("int", "integer"),
            Map.entry("Short", "smallint"), Map.entry("short", "smallint"),
            Map.entry("Boolean", "boolean"), Map.entry("boolean", "boolean"),
            Map.entry("Double", "double precision"), Map.entry("double", "double precision"),
            Map.entry("Float", "real"), Map.entry("float", "real"),
            Map.entry("BigDecimal", "numeric"), Map.entry("BigInteger", "numeric"),
            Map.entry("UUID", "uuid"),
            Map.entry("LocalDate", "date"), Map.entry("LocalTime", "time"),
            Map.entry("LocalDateTime", "timestamp"), Map.entry("Timestamp", "timestamp"),
            Map.entry("Instant", "timestamp with time zone"), Map.entry("OffsetDateTime", "timestamp with time zone"),
            Map.entry("ZonedDateTime", "timestamp with time zone"));

    private SqlTypes() {
    }

    static String of(Type javaType, Optional<AnnotationExpr> column, NodeWithAnnotations<?> property,
                     JpaAnnotations annotations) {
        Optional<String> declared = column.flatMap(c -> annotations.string(c, "columnDefinition"));
        if (declared.isPresent()) return declared.get().trim().toLowerCase(Locale.ROOT);
        String name = javaType.asString();
        int lt = name.indexOf('<');
        if (lt >= 0) name = name.substring(0, lt);
        name = name.substring(name.lastIndexOf('.') + 1);
        if (name.equals("Date") || name.equals("Calendar")) {
            String temporal = JpaAnnotations.find(property, "Temporal")
                    .flatMap(t -> JpaAnnotations.enumName(t, "value")).orElse("TIMESTAMP");
            return temporal.toLowerCase(Locale.ROOT);
        }
        return DEFAULTS.getOrDefault(name, "");
    }
}
