package dev.sqllint.engine;

/**
 * The configuration names something that does not exist (a rule, a severity): the run stops before any
 * analysis with a message that lists what does exist, rather than silently running something else.
 */
public class InvalidConfigurationException extends IllegalArgumentException {

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
