package dev.sqllint.schema.discovery;

import dev.sqllint.schema.Schema;
import dev.sqllint.schema.SchemaProblems;
import dev.sqllint.source.FileFacts;
import dev.sqllint.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The schema every module of a multi-module build declares, read once per build and shared: a DAO module with no
 * DDL of its own sees the tables the module that owns the migrations declares. Modules build in parallel
 * ({@code -T 4}), so the first to ask reads it and the others wait for that one reading. The shared schema is only
 * ever read; a module copies the tables it lacks. Keyed by the modules, the database and the sources' sizes and
 * times, so a long-lived build process (a daemon, an IDE) reads it again when a script changes.
 */
public final class ReactorSchema {

    private static final int KEPT = 4;
    private static final Map<String, CompletableFuture<Schema>> SHARED = new LinkedHashMap<>();

    private ReactorSchema() {
    }

    /** The modules' sources, each module's found as in {@link SchemaSources#discover}, in build order. */
    public static List<SchemaSources> sources(List<Path> modules, boolean includeTests, Dialect dialect, FileFacts facts) {
        List<SchemaSources> out = new ArrayList<>();
        for (Path module : modules) {
            out.add(SchemaSources.discover(new SchemaSources.Search(module, resourceRoots(module), List.of(),
                    includeTests, dialect, facts), SchemaProblems.IGNORE));
        }
        return out;
    }

    /** The tables the modules declare: a module's own scripts first for its tables, earlier modules first. */
    public static Schema of(List<Path> modules, boolean includeTests, Dialect dialect, FileFacts facts) {
        List<SchemaSources> sources = sources(modules, includeTests, dialect, facts);
        String key = key(modules, includeTests, dialect, sources);
        CompletableFuture<Schema> mine = new CompletableFuture<>();
        CompletableFuture<Schema> shared;
        synchronized (SHARED) {
            shared = SHARED.putIfAbsent(key, mine);
            if (shared == null) {
                while (SHARED.size() > KEPT) SHARED.remove(SHARED.keySet().iterator().next());
            }
        }
        if (shared != null) return shared.join();
        try {
            Schema all = new Schema();
            for (int i = 0; i < modules.size(); i++) {
                all.adoptMissing(ModuleSchema.read(sources.get(i), resourceRoots(modules.get(i)), dialect,
                        SchemaProblems.IGNORE).schema());
            }
            mine.complete(all);
            return all;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            synchronized (SHARED) {
                SHARED.remove(key);
            }
            throw e;
        }
    }

    private static List<Path> resourceRoots(Path module) {
        return List.of(module.resolve("src/main/resources"));
    }

    private static String key(List<Path> modules, boolean includeTests, Dialect dialect, List<SchemaSources> sources) {
        StringBuilder k = new StringBuilder(dialect.id()).append(includeTests).append(modules);
        for (SchemaSources s : sources) {
            for (Path f : s.files()) {
                try {
                    k.append('\n').append(f).append(' ').append(Files.size(f)).append(' ')
                            .append(Files.getLastModifiedTime(f).toMillis());
                } catch (IOException | RuntimeException e) {
                    k.append('\n').append(f);
                }
            }
        }
        return k.toString();
    }
}
