package io.berth.network.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.api.InvalidConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetLayoutTest {

    private static final String FIELD = "network.managed.cidr";

    @Test
    void slashSixteenGivesTwoSlashTwenties() {
        List<Ipv4Cidr> subnets = SubnetLayout.subnets(SubnetLayout.vpc(FIELD, "10.42.0.0/16"));

        assertEquals("10.42.0.0/20", subnets.get(0).toString());
        assertEquals("10.42.16.0/20", subnets.get(1).toString());
    }

    @Test
    void slashTwentySevenGivesTwoSlashTwentyEights() {
        List<Ipv4Cidr> subnets = SubnetLayout.subnets(SubnetLayout.vpc(FIELD, "192.168.7.32/27"));

        assertEquals("192.168.7.32/28", subnets.get(0).toString());
        assertEquals("192.168.7.48/28", subnets.get(1).toString());
    }

    @Test
    void rejectsBlockTooSmallForTwoSubnets() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> SubnetLayout.vpc(FIELD, "10.0.0.0/28"));

        assertEquals(FIELD, error.field());
        assertTrue(error.getMessage().contains("too small for two subnets"), error.getMessage());
    }

    @Test
    void rejectsBlockLargerThanAwsAllows() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> SubnetLayout.vpc(FIELD, "10.0.0.0/8"));

        assertTrue(error.getMessage().contains("larger than AWS allows"), error.getMessage());
    }

    @Test
    void rejectsMalformedBlocks() {
        for (String text : List.of("10.42.0.0", "10.42.0/16", "10.42.0.256/16", "10.42.0.0/33", "ten/16", "")) {
            InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> Ipv4Cidr.parse(FIELD, text),
                    "accepted " + text);
            assertEquals(FIELD, error.field());
        }
    }

    @Test
    void rejectsHostBitsAndNamesTheNetworkAddress() {
        InvalidConfigException error = assertThrows(InvalidConfigException.class,
                () -> Ipv4Cidr.parse(FIELD, "10.42.1.0/16"));

        assertEquals("use 10.42.0.0/16", error.fix());
    }

    @Test
    void overlapIsSymmetricAndExact() {
        Ipv4Cidr wide = Ipv4Cidr.parse(FIELD, "10.42.0.0/16");
        Ipv4Cidr inside = Ipv4Cidr.parse(FIELD, "10.42.128.0/20");
        Ipv4Cidr beside = Ipv4Cidr.parse(FIELD, "10.43.0.0/16");

        assertTrue(wide.overlaps(inside));
        assertTrue(inside.overlaps(wide));
        assertFalse(wide.overlaps(beside));
    }
}
