package dev.sqllint.rules;

import java.util.List;

/** One check over one parsed statement. Implementations are stateless and carry {@link RuleInfo}. */
public interface Rule {

    List<Violation> check(Query query);

    default RuleInfo info() {
        RuleInfo info = getClass().getAnnotation(RuleInfo.class);
        if (info == null) throw new IllegalStateException(getClass().getName() + " lacks @RuleInfo");
        return info;
    }
}
