package dev.sqllint.engine;

import dev.sqllint.derived.DerivedQueries;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * What the analysis of one file (Java source or MyBatis mapper) produced: its sites, how many statements parsed,
 * its findings, its counts per source kind, what it could not read, what its derived queries became, and the
 * tables its SQL uses that no schema source declares. Self-contained, so the cache can keep it and a later run can
 * use it instead of analysing the file again (a schema change invalidates the whole cache).
 */
record FileOutcome(int sites, int parsed, int notParsed, List<Finding> findings, SourceCounts sources,
                   List<Diagnostic> diagnostics, DerivedQueries.Tally derived, List<String> undeclaredTables) {

    static final DerivedQueries.Tally NO_DERIVED = new DerivedQueries.Tally(Set.of(), Map.of());

    /** A file that could not be analysed at all, and why. */
    static FileOutcome failed(Diagnostic why) {
        return new FileOutcome(0, 0, 0, List.of(), SourceCounts.NONE, List.of(why), NO_DERIVED, List.of());
    }
}
