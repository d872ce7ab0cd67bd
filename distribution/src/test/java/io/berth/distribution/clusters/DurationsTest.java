package io.berth.distribution.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesUnitsAndCombinations() {
        assertEquals(Duration.ofSeconds(45), Durations.parse("45s"));
        assertEquals(Duration.ofMinutes(30), Durations.parse("30m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofDays(1), Durations.parse("1d"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofHours(1), Durations.parse("PT1H"));
    }

    @Test
    void rejectsOtherText() {
        for (String text : List.of("", "15", "m", "1.5h", "2 h", "1w", "0s", "PT0S", "-1h", "P", "99999999999999999999d")) {
            assertThrows(IllegalArgumentException.class, () -> Durations.parse(text), text);
        }
    }

    @Test
    void formatsAsParsed() {
        assertEquals("45s", Durations.format(Duration.ofSeconds(45)));
        assertEquals("1h30m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("26h", Durations.format(Duration.ofHours(26)));
        assertEquals("1h5s", Durations.format(Duration.ofSeconds(3605)));
    }
}
