package dev.sqllint.rules;

/** How bad a finding is; SARIF levels {@code error}, {@code warning}, {@code note}. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    INFO("note");

    private final String sarifLevel;

    Severity(String sarifLevel) {
        this.sarifLevel = sarifLevel;
    }

    public String sarifLevel() {
        return sarifLevel;
    }
}
