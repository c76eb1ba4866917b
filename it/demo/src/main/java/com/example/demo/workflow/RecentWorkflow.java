package com.example.demo.workflow;

import java.time.OffsetDateTime;

/**
 * A published workflow as shown in a workspace's "recently used" strip.
 *
 * @param publishedRunId the published workflow run
 * @param lastUsedAt     when the workspace last saved or ran it
 */
public record RecentWorkflow(long publishedRunId, OffsetDateTime lastUsedAt) {
}
