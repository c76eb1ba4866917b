package dev.sqllint.engine;

import dev.sqllint.extract.SourceKind;
import dev.sqllint.extract.SqlSite;
import dev.sqllint.extract.UnresolvedSite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each source of SQL yielded in a run: per {@link SourceKind}, the sites found, the statement variants
 * they hold and how many of those parsed (and so were analysed); and the sites whose SQL could not be read,
 * with why. The measure of coverage: which data-access code the analysis sees, and what it misses.
 */
public record SourceCounts(Map<SourceKind, Count> perKind, List<UnresolvedSite> unresolved) {

    public static final SourceCounts NONE = new SourceCounts(Map.of(), List.of());

    /** One kind's numbers; {@code variants - parsed} did not parse. */
    public record Count(int sites, int variants, int parsed) {
        Count plus(Count o) {
            return new Count(sites + o.sites, variants + o.variants, parsed + o.parsed);
        }
    }

    public int sites() {
        return perKind.values().stream().mapToInt(Count::sites).sum();
    }

    public int variants() {
        return perKind.values().stream().mapToInt(Count::variants).sum();
    }

    public int parsed() {
        return perKind.values().stream().mapToInt(Count::parsed).sum();
    }

    /** Unresolved sites per reason, most frequent first. */
    public Map<String, Integer> unresolvedPerReason() {
        Map<String, Integer> counts = new TreeMap<>();
        for (UnresolvedSite u : unresolved) counts.merge(u.reason(), 1, Integer::sum);
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Sums the counts of several files, in kind order; unresolved sites by file and line. */
    static SourceCounts merge(List<SourceCounts> parts) {
        Map<SourceKind, Count> kinds = new TreeMap<>();
        List<UnresolvedSite> misses = new ArrayList<>();
        for (SourceCounts p : parts) {
            p.perKind.forEach((k, c) -> kinds.merge(k, c, Count::plus));
            misses.addAll(p.unresolved);
        }
        misses.sort(Comparator.comparing((UnresolvedSite u) -> u.file().toString()).thenComparingInt(UnresolvedSite::line)
                .thenComparingInt(UnresolvedSite::column));
        return new SourceCounts(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds)), List.copyOf(misses));
    }

    /** Counts one file as the analyzer goes. */
    static final class Builder {
        private final Map<SourceKind, Count> kinds = new TreeMap<>();
        private final List<UnresolvedSite> misses = new ArrayList<>();

        void site(SqlSite site) {
            kinds.merge(SourceKind.of(site), new Count(1, 0, 0), Count::plus);
        }

        void variant(SqlSite site, boolean parsed) {
            kinds.merge(SourceKind.of(site), new Count(0, 1, parsed ? 1 : 0), Count::plus);
        }

        void unresolved(UnresolvedSite u) {
            misses.add(u);
        }

        SourceCounts build() {
            return new SourceCounts(Map.copyOf(kinds), List.copyOf(misses));
        }
    }
}
