package io.berth.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.ClusterRequest;
import io.berth.api.InvalidConfigException;
import io.berth.api.config.DeploymentConfig;
import io.berth.api.config.Mode;
import io.berth.api.config.WorkersConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterRequestsTest {

    private static final DeploymentConfig CONFIG = new DeploymentConfig("analytics", "eu-west-1", "123456789012", Mode.PROXY,
            null, null, null, null, null, null, null, null, new WorkersConfig(List.of("m5.large"), 4));

    @Test
    void defaultsFilledIn() {
        ClusterRequest request = ClusterRequests.validate(CONFIG, request("etl", List.of("m5.large"), 2, null));

        assertEquals(Duration.ofHours(1), request.idleTimeout());
        assertEquals(Duration.ofHours(24), request.maxLifetime());
        assertEquals(Mode.PROXY, request.mode());
    }

    @Test
    void countOutsideLimitsRejected() {
        for (int count : new int[] {0, -1, 5}) {
            InvalidConfigException error = assertThrows(InvalidConfigException.class,
                    () -> ClusterRequests.validate(CONFIG, request("etl", List.of("m5.large"), count, null)));

            assertEquals("count", error.field());
            assertTrue(error.getMessage().contains(count + " is outside 1 to 4"), error.getMessage());
        }
    }

    @Test
    void invalidNamesRejected() {
        for (String name : new String[] {"", "Etl", "1etl", "etl_1", "a".repeat(41)}) {
            InvalidConfigException error = assertThrows(InvalidConfigException.class,
                    () -> ClusterRequests.validate(CONFIG, request(name, List.of("m5.large"), 1, null)));

            assertEquals("name", error.field(), name);
        }
    }

    @Test
    void invalidInstanceTypesRejected() {
        for (List<String> types : List.of(List.<String>of(), List.of("m5"), List.of("m5.large", "m5.large"))) {
            InvalidConfigException error = assertThrows(InvalidConfigException.class,
                    () -> ClusterRequests.validate(CONFIG, request("etl", types, 1, null)));

            assertEquals("instanceTypes", error.field(), types.toString());
        }
    }

    @Test
    void nonPositiveIdleTimeoutRejected() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> ClusterRequests.validate(CONFIG, request("etl", List.of("m5.large"), 1, Duration.ZERO)));

        assertEquals("idleTimeout", error.field());
    }

    private static ClusterRequest request(String name, List<String> types, int count, Duration idleTimeout) {
        return new ClusterRequest(name, types, count, false, idleTimeout, null, null);
    }
}
