package dev.sqllint.extract.java;

import dev.sqllint.sql.SqlText;

/** One way through a method up to a point: the text the tracked string holds there, and what was learnt on the way. */
record FlowPath(SqlText text, Facts facts) {

    FlowPath withText(SqlText t) {
        return new FlowPath(t, facts);
    }

    FlowPath withFacts(Facts f) {
        return new FlowPath(text, f);
    }
}
