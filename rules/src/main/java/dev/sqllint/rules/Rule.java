package dev.sqllint.rules;

import dev.sqllint.extract.LoopContext;
import dev.sqllint.sql.Dialect;
import java.util.List;

/** One check over one parsed statement. Implementations are stateless and carry {@link RuleInfo}. */
public interface Rule {

    List<Violation> check(Query query);

    /**
     * A check of a call in a loop over query rows whose SQL is written elsewhere or not at all (a repository method, a
     * project method that issues a query): only a rule about the loop has anything to say; the SQL's own rules judge
     * it where it is written. The violation's offset is not used: the finding is at the call.
     */
    default List<Violation> checkLoopCall(LoopContext loop, Dialect dialect) {
        return List.of();
    }

    default RuleInfo info() {
        RuleInfo info = getClass().getAnnotation(RuleInfo.class);
        if (info == null) throw new IllegalStateException(getClass().getName() + " lacks @RuleInfo");
        return info;
    }
}
