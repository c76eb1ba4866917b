package dev.sqllint.rules;

import java.util.List;
import java.util.Optional;

/** The rule set, in reporting order. */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            new DistinctOnHistoryScan(),
            new OrAcrossAccessPaths(),
            new ExistsWhereJoinFits(),
            new DistinctOverFanOutJoin(),
            new JoinForScalarOnly(),
            new NotInSubquery(),
            new CountForExistence(),
            new NonSargablePredicate(),
            new CollectionFetchPagination(),
            new QueryInLoop());

    private Rules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> named(String name) {
        return ALL.stream().filter(r -> r.info().name().equals(name)).findFirst();
    }
}
