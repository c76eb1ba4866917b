package dev.sqllint.engine;

import dev.sqllint.rules.Severity;
import java.util.Locale;

/** Severity names as users write them in configuration ({@code error}, {@code warning}, {@code info}), and their order. */
public final class Severities {

    private Severities() {
    }

    /** Parses {@code error}, {@code warning} or {@code info}, in any case; {@code where} says what was configured. */
    public static Severity parse(String value, String where) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            case "info" -> Severity.INFO;
            default -> throw new InvalidConfigurationException("sqllint: " + where + " is '" + value
                    + "'; use error, warning or info");
        };
    }

    /** How users write it: {@code warning}. */
    public static String name(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** True when {@code s} is {@code threshold} or more severe (ERROR above WARNING above INFO). */
    public static boolean atLeast(Severity s, Severity threshold) {
        return s.ordinal() <= threshold.ordinal();
    }
}
