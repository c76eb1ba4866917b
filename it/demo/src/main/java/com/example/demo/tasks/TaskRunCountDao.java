package com.example.demo.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Repository;

/**
 * Counts task runs for the run dashboard, filtered by flow name and state.
 */
@Repository
public class TaskRunCountDao {

    private final DataSource dataSource;

    public TaskRunCountDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Counts live task runs, optionally only those of flows whose name matches a {@code LIKE}
     * pattern and only those in a given state.
     */
    public long countTaskRuns(String flowNameLike, String stateType) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM task_run tr WHERE tr.deleted = false");
        if (flowNameLike != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM flow_run fr WHERE fr.id = tr.flow_run_id")
               .append(" AND EXISTS (SELECT 1 FROM flow f WHERE f.id = fr.flow_id AND f.name LIKE ?))");
        }
        if (stateType != null) {
            sql.append(" AND tr.state_type = ?");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            bind(ps, flowNameLike, stateType);
            return single(ps);
        }
    }

    /**
     * Fix for {@link #countTaskRuns(String, String)}: each task run has exactly one flow run and
     * each flow run one flow, so the filter is a plain join the planner can drive from either side.
     */
    public long countTaskRunsFixed(String flowNameLike, String stateType) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM task_run tr");
        if (flowNameLike != null) {
            sql.append(" JOIN flow_run fr ON fr.id = tr.flow_run_id")
               .append(" JOIN flow f ON f.id = fr.flow_id");
        }
        sql.append(" WHERE tr.deleted = false");
        if (flowNameLike != null) {
            sql.append(" AND f.name LIKE ?");
        }
        if (stateType != null) {
            sql.append(" AND tr.state_type = ?");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            bind(ps, flowNameLike, stateType);
            return single(ps);
        }
    }

    private static void bind(PreparedStatement ps, String flowNameLike, String stateType) throws SQLException {
        int index = 1;
        if (flowNameLike != null) {
            ps.setString(index++, flowNameLike);
        }
        if (stateType != null) {
            ps.setString(index, stateType);
        }
    }

    private static long single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
