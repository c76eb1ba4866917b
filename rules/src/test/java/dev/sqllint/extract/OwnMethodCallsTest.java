package dev.sqllint.extract;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An unqualified call to a method the class or a project superclass declares is that method, not a library sink. */
class OwnMethodCallsTest {

    private final ExtractorFixture fx = new ExtractorFixture();

    @Test
    void aClassesOwnPrepareMethodIsNotTheDriversPrepare() {
        fx.source("org/acme/ts/TimeseriesStore.java", """
                package org.acme.ts;
                class TimeseriesStore extends StoreBase {
                  Object saveStatement() {
                    return prepare("INSERT INTO ts_kv(entity_id, key, ts) VALUES(?, ?, ?) USING TTL ?");
                  }
                }
                """);
        fx.source("org/acme/ts/StoreBase.java", """
                package org.acme.ts;
                abstract class StoreBase {
                  private Session session;
                  protected Object prepare(String query) {
                    return session.prepare(query);
                  }
                }
                """);
        assertEquals(List.of(), fx.sites("org/acme/ts/TimeseriesStore.java"));
        assertEquals(List.of("StoreBase.prepare 4:20: receiver type not a sink (org.acme.ts.StoreBase)"), fx.unresolvedSummary());
    }
}
