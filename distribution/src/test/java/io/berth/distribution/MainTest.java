package io.berth.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void configOptionReadsBothSpellings() {
        assertEquals(Optional.of("berth.yaml"), Main.configOption("serve", "--config", "berth.yaml"));
        assertEquals(Optional.of("berth.yaml"), Main.configOption("serve", "--config=berth.yaml"));
    }

    @Test
    void configOptionAbsentOrWithoutValue() {
        assertEquals(Optional.empty(), Main.configOption("serve"));
        assertEquals(Optional.empty(), Main.configOption("serve", "--config"));
    }
}
