package com.example.demo.common;

/**
 * A customer workspace.
 *
 * @param id   the workspace
 * @param name its display name
 */
public record Workspace(long id, String name) {
}
