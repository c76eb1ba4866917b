package com.example.demo.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.stereotype.Repository;

/**
 * Flow runs of a flow, for the flow detail page.
 */
@Repository
public class FlowRunDao {

    private static final String FAILED_RUNS_OF_FLOW = "SELECT fr.id, fr.name FROM flow_run fr"
            + " WHERE fr.flow_id = ?"
            + " AND EXISTS (SELECT 1 FROM task_run tr WHERE tr.flow_run_id = fr.id AND tr.state_type = 'FAILED')";

    private final DataSource dataSource;

    public FlowRunDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs of the flow in which at least one task failed; each run is listed once however many of
     * its tasks failed.
     */
    public List<FlowRunSummary> failedRuns(long flowId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(FAILED_RUNS_OF_FLOW)) {
            ps.setLong(1, flowId);
            List<FlowRunSummary> runs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(new FlowRunSummary(rs.getLong("id"), rs.getString("name")));
                }
            }
            return runs;
        }
    }

    /**
     * Soft-deletes the task runs of a flow run.
     */
    public int deleteTaskRuns(long flowRunId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(
                     "UPDATE task_run SET deleted = true WHERE flow_run_id = ?")) {
            ps.setLong(1, flowRunId);
            return ps.executeUpdate();
        }
    }
}
