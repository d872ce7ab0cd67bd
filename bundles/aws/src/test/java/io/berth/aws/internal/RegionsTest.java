package io.berth.aws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.InvalidConfigException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class RegionsTest {

    @Test
    void knownRegionPasses() {
        assertEquals(Region.EU_WEST_1, Regions.known("region", "eu-west-1", "set region"));
    }

    @Test
    void misspeltRegionNamesFieldAndNearestRegion() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> Regions.known("region", "eu-wset-1", "set region in the config file"));

        assertEquals("region", error.field());
        assertTrue(error.getMessage().contains("unknown AWS region 'eu-wset-1'"), error.getMessage());
        assertTrue(error.fix().contains("such as eu-west-1"), error.fix());
    }

    @Test
    void globalPseudoRegionIsRejected() {
        assertThrows(InvalidConfigException.class, () -> Regions.known("region", "aws-global", "set region"));
    }

    @Test
    void editDistanceCountsSingleEdits() {
        assertEquals(0, Regions.editDistance("eu-west-1", "eu-west-1"));
        assertEquals(2, Regions.editDistance("eu-wset-1", "eu-west-1"));
        assertEquals(1, Regions.editDistance("eu-west-1", "eu-west-2"));
    }
}
