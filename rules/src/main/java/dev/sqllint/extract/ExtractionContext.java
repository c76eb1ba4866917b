package dev.sqllint.extract;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the extractor reads besides Java: the resource roots (Jdbi keeps SQL in {@code .sql} resources) and
 * the table of each entity class, from the JPA mappings (to wrap Hibernate's {@code @Formula} and
 * {@code @Where} fragments into statements).
 *
 * @param entityTable qualified entity class name to its physical table, empty when not mapped
 */
public record ExtractionContext(List<Path> resourceRoots, Function<String, Optional<String>> entityTable) {

    public static final ExtractionContext NONE = new ExtractionContext(List.of(), c -> Optional.empty());
}
