package com.example.demo.tasks;

/**
 * One flow run as listed on a flow's page.
 *
 * @param id   the flow run
 * @param name its display name
 */
public record FlowRunSummary(long id, String name) {
}
