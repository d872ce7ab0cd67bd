package io.berth.aws.internal;

import io.berth.api.InvalidConfigException;
import java.time.Duration;

/**
 * The HTTP timeouts of every AWS call. The socket timeout can be raised with the system
 * property {@value #SOCKET_PROPERTY}, for endpoints that take longer than a minute to respond to
 * one call, such as moto listing thousands of tagged instances.
 */
final class HttpTimeouts {

    static final String SOCKET_PROPERTY = "berth.aws.socket-timeout-seconds";
    static final Duration CONNECTION = Duration.ofSeconds(5);
    static final Duration DEFAULT_SOCKET = Duration.ofSeconds(60);
    static final int MAX_SOCKET_SECONDS = 3600;

    private HttpTimeouts() {
    }

    /** Reads the socket timeout from {@value #SOCKET_PROPERTY}, or returns the default of 60 s when it is unset. */
    static Duration socket() {
        String value = System.getProperty(SOCKET_PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_SOCKET;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 1 || seconds > MAX_SOCKET_SECONDS) {
            throw new InvalidConfigException("system property " + SOCKET_PROPERTY,
                    "'" + value + "' is not a whole number of seconds from 1 to " + MAX_SOCKET_SECONDS,
                    "set it to such a number, such as 300, or unset it for the default of "
                            + DEFAULT_SOCKET.toSeconds() + " s");
        }
        return Duration.ofSeconds(seconds);
    }
}
