package io.berth.api;

/** A configuration value is missing or invalid; nothing was created. */
public class InvalidConfigException extends BerthException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the path of the field in {@code berth.yaml}, such as {@code network.managed.cidr}
     * @param message what is wrong with it, including the value found
     * @param fix     what is allowed there
     */
    public InvalidConfigException(String field, String message, String fix) {
        super(field + ": " + message, fix);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
