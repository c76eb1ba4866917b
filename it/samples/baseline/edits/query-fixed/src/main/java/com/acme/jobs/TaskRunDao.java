package com.acme.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Task runs of the scheduler, on a caller-managed connection. */
public class TaskRunDao {

    private final Connection connection;

    public TaskRunDao(Connection connection) {
        this.connection = connection;
    }

    /** How many live task runs belong to runs of the named flow. */
    public long countForFlow(String flowName) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM task_run tr JOIN flow_run fr ON fr.id = tr.flow_run_id"
                + " WHERE tr.deleted = false AND fr.flow_name = ?")) {
            ps.setString(1, flowName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
