package io.berth.aws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.InvalidConfigException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpTimeoutsTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(HttpTimeouts.SOCKET_PROPERTY);
    }

    @Test
    void socketTimeoutDefaultsToSixtySeconds() {
        assertEquals(Duration.ofSeconds(60), HttpTimeouts.socket());
    }

    @Test
    void socketTimeoutReadsProperty() {
        System.setProperty(HttpTimeouts.SOCKET_PROPERTY, " 900 ");

        assertEquals(Duration.ofSeconds(900), HttpTimeouts.socket());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "3601", "10m", "1.5"})
    void invalidSocketTimeoutNamesProperty(String value) {
        System.setProperty(HttpTimeouts.SOCKET_PROPERTY, value);

        InvalidConfigException error = assertThrows(InvalidConfigException.class, HttpTimeouts::socket);

        assertEquals("system property berth.aws.socket-timeout-seconds", error.field());
        assertTrue(error.getMessage().contains("'" + value + "'"), error.getMessage());
        assertTrue(error.fix().contains("such as 300"), error.fix());
    }
}
