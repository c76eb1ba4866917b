package dev.sqllint.extract;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the extractor reads besides Java: the resource roots (Jdbi keeps SQL in {@code .sql} resources),
 * the table of each entity class, from the JPA mappings (to wrap Hibernate's {@code @Formula} and
 * {@code @Where} fragments into statements), and the interfaces MyBatis XML mappers implement.
 *
 * @param entityTable      qualified entity class name to its physical table, empty when not mapped
 * @param mapperInterfaces qualified names of the interfaces XML mappers name as their namespace
 */
public record ExtractionContext(List<Path> resourceRoots, Function<String, Optional<String>> entityTable,
                                java.util.Set<String> mapperInterfaces) {

    public static final ExtractionContext NONE = new ExtractionContext(List.of(), c -> Optional.empty());

    public ExtractionContext(List<Path> resourceRoots, Function<String, Optional<String>> entityTable) {
        this(resourceRoots, entityTable, java.util.Set.of());
    }
}
