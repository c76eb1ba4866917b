package com.example.demo.tasks;

import static com.example.demo.db.Tables.FLOW_RUN;
import static com.example.demo.db.Tables.TASK_RUN;
import static org.jooq.impl.DSL.selectOne;

import java.util.List;
import java.util.UUID;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Per-flow task-run statistics for the flow page, written with jOOQ. The {@code Tables} it imports
 * are generated from the Flyway migrations at build time, under {@code target/}: they are not in
 * the source tree.
 */
@Repository
public class TaskRunStatsRepository {

    private final DSLContext dsl;

    public TaskRunStatsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Live failed task runs of one flow. */
    public int countFailed(UUID flowId) {
        return dsl.selectCount()
                .from(TASK_RUN)
                .whereExists(selectOne()
                        .from(FLOW_RUN)
                        .where(FLOW_RUN.ID.eq(TASK_RUN.FLOW_RUN_ID))
                        .and(FLOW_RUN.FLOW_ID.eq(flowId)))
                .and(failed())
                .fetchOne(0, int.class);
    }

    /**
     * Fix for {@link #countFailed(UUID)}: a task run has exactly one flow run
     * ({@code task_run.flow_run_id} references it), so the filter is a join on that key.
     */
    public int countFailedFixed(UUID flowId) {
        return dsl.selectCount()
                .from(TASK_RUN)
                .join(FLOW_RUN).onKey()
                .where(FLOW_RUN.FLOW_ID.eq(flowId))
                .and(failed())
                .fetchOne(0, int.class);
    }

    /** Flow runs of one flow with at least one failed task: EXISTS over the to-many side is right. */
    public List<UUID> runsWithFailures(UUID flowId) {
        return dsl.select(FLOW_RUN.ID)
                .from(FLOW_RUN)
                .where(FLOW_RUN.FLOW_ID.eq(flowId))
                .andExists(selectOne()
                        .from(TASK_RUN)
                        .where(TASK_RUN.FLOW_RUN_ID.eq(FLOW_RUN.ID))
                        .and(failed()))
                .fetchInto(UUID.class);
    }

    private static Condition failed() {
        return TASK_RUN.STATE_TYPE.eq("FAILED").and(TASK_RUN.DELETED.isFalse());
    }
}
