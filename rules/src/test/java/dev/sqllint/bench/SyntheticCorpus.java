package dev.sqllint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a deterministic, Maven-shaped synthetic project for benchmarks and end-to-end tests: for 5,000 Java
 * files about 25 MB of sources with the size spread of a real code base (median about 2 KB, a long tail to
 * a few hundred KB), of which about 5 % hold SQL, issued through every source kind sqllint reads (JDBC,
 * {@code StringBuilder}s grown under {@code if}s, {@code JdbcTemplate}, {@code NamedParameterJdbcTemplate},
 * {@code JdbcClient}, constants of other classes and interfaces, text blocks, JPA JPQL and native, Spring
 * Data {@code @Query} and derived queries, MyBatis annotations and XML mappers, Jdbi, jOOQ, Hibernate
 * {@code @Formula}), over Flyway migrations that declare every key. Incidents of each rule are planted at
 * known lines, next to look-alikes that must stay quiet; the rest is ordinary business code whose messages
 * use SQL's words as English.
 *
 * <p>Same arguments, same bytes: only seeded {@link Random}s decide, one per file, and nothing depends on
 * time, hashing or iteration order.
 */
public final class SyntheticCorpus {

    /** Changes whenever the generator writes anything differently: a corpus kept on disk is then rewritten. */
    public static final int GENERATOR_VERSION = 1;

    /** Fewer files than this cannot hold one unit of every source kind. */
    public static final int MIN_FILES = 60;

    /** Files per business module. */
    private static final int FILES_PER_MODULE = 100;

    /** The share of Java files that hold SQL. */
    private static final double SQL_SHARE = 0.05;

    /** Plain file sizes: log-normal around this median (bytes), with this spread, capped. */
    private static final double MEDIAN_BYTES = 2150;
    private static final double SIGMA = 1.3;
    private static final int MAX_BYTES = 300_000;

    private SyntheticCorpus() {
    }

    /**
     * Writes the project into {@code dir}, which must be missing or empty.
     *
     * @param javaFiles how many Java sources to write, at least {@link #MIN_FILES}
     */
    public static Corpus write(Path dir, int javaFiles, long seed) throws IOException {
        if (javaFiles < MIN_FILES) throw new IllegalArgumentException("at least " + MIN_FILES + " files, not " + javaFiles);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) throw new IllegalArgumentException(dir + " is not empty");
            }
        }
        Files.createDirectories(dir);
        CorpusWriter out = new CorpusWriter(dir);
        try {
            generate(out, javaFiles, seed);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out.corpus(dir, seed);
    }

    private static void generate(CorpusWriter out, int javaFiles, long seed) {
        int modules = Math.max(1, (int) Math.round(javaFiles / (double) FILES_PER_MODULE));
        List<Domain> domains = new ArrayList<>();
        for (int i = 0; i < modules; i++) domains.add(Domain.of(i));
        UnitKind[] kinds = UnitKind.values();
        int formulaEntities = (modules + 1) / 2;
        int units = Math.max(kinds.length, (int) Math.round(javaFiles * SQL_SHARE) - formulaEntities);

        Random plan = new Random(seed);
        List<SqlUnit> sqlUnits = new ArrayList<>();
        Map<Domain, Set<String>> classNames = new LinkedHashMap<>();
        Map<Domain, List<PlainSources.Collaborator>> collaborators = new LinkedHashMap<>();
        for (Domain d : domains) {
            classNames.put(d, new LinkedHashSet<>());
            collaborators.put(d, new ArrayList<>());
        }
        int unitJavaFiles = 0;
        for (int j = 0; j < units; j++) {
            UnitKind kind = kinds[j % kinds.length];
            Domain d = domains.get(j % modules);
            String name = unique(classNames.get(d), d.type() + kind.suffix);
            // the first unit of each kind plants an incident and a look-alike, so even a small corpus has all
            boolean first = j < kinds.length;
            String incident = first || plan.nextInt(100) < 60 ? SqlShape.RULES.get(j % SqlShape.RULES.size()) : null;
            String lookAlike = first || plan.nextInt(100) < 50 ? SqlShape.RULES.get((j + 2) % SqlShape.RULES.size()) : null;
            SqlUnit u = new SqlUnit(j, kind, d, name, incident, lookAlike, fileSeed(seed, 1, j));
            sqlUnits.add(u);
            collaborators.get(d).add(new PlainSources.Collaborator(u.pkg(), name));
            unitJavaFiles += kind == UnitKind.CONSTANTS_ELSEWHERE ? 3 : 1;
        }
        int plainFiles = javaFiles - unitJavaFiles - 2 * modules - 2;
        if (plainFiles < 0) throw new IllegalArgumentException(javaFiles + " files are too few for " + units + " SQL units");

        out.other("pom.xml", pom());
        Migrations.write(domains, out);
        MappingSources.sharedEntities(out);
        for (Domain d : domains) MappingSources.entities(d, d.index() % 2 == 0, out);
        for (SqlUnit u : sqlUnits) {
            if (u.kind() == UnitKind.ENTITY_MANAGER || u.kind() == UnitKind.SPRING_DATA || u.kind() == UnitKind.MYBATIS_XML
                    || u.kind() == UnitKind.JOOQ) {
                MappingSources.write(u, out);
            } else {
                JdbcSources.write(u, out);
            }
        }
        Set<String> commonNames = new LinkedHashSet<>();
        for (int i = 0; i < plainFiles; i++) {
            Random rnd = new Random(fileSeed(seed, 2, i));
            int target = (int) Math.min(MAX_BYTES, Math.round(MEDIAN_BYTES * Math.exp(SIGMA * rnd.nextGaussian())));
            PlainSources.Kind kind = PlainSources.kindFor(target, rnd);
            // one file in thirty is shared code outside the modules
            Domain d = i % 30 == 29 ? null : domains.get(i % modules);
            String stem = PlainSources.stem(d, rnd);
            String pkg = (d == null ? "com.acme.common" : d.pkg()) + "." + kind.subPackage;
            Set<String> taken = d == null ? commonNames : classNames.get(d);
            String name = PlainSources.className(kind, stem, rnd);
            // a taken name is drawn again, then qualified (InvoicePremiumStrategy), and numbered only as a last resort
            for (int attempt = 0; taken.contains(name) && attempt < 6; attempt++) {
                name = PlainSources.className(kind, attempt < 3 ? stem : stem + Words.cap(Words.pick(rnd, Words.ADJECTIVES)), rnd);
            }
            name = unique(taken, name);
            List<PlainSources.Collaborator> deps = d == null ? List.of() : collaborators.get(d);
            SourceText text = PlainSources.write(kind, pkg, name, stem, target, rnd, deps);
            out.java("src/main/java/" + pkg.replace('.', '/') + "/" + name + ".java", text, false);
        }
    }

    /** A class name not yet taken in the module: {@code InvoiceBillingService}, then {@code InvoiceBillingService2}. */
    private static String unique(Set<String> taken, String name) {
        String n = name;
        for (int i = 2; !taken.add(n); i++) n = name + i;
        return n;
    }

    /** The seed of one file: independent of every other file's, so a change to one generator moves nothing else. */
    private static long fileSeed(long seed, int stream, int index) {
        return seed * 0x9E3779B97F4A7C15L + stream * 1_000_003L + index * 7_919L;
    }

    private static String pom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <!-- written by dev.sqllint.bench.SyntheticCorpus: a synthetic project, not meant to compile -->
                  <groupId>com.acme</groupId>
                  <artifactId>synthetic-shop</artifactId>
                  <version>1.0.0-SNAPSHOT</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                </project>
                """;
    }
}
