package io.berth.securitygroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.berth.api.config.Mode;
import org.junit.jupiter.api.Test;

class SecurityGroupTemplateTest {

    @Test
    void peerIdsOfLookalikeCidrsDiffer() {
        assertNotEquals(SecurityGroupTemplate.peerId("1.10.0.0/16"), SecurityGroupTemplate.peerId("11.0.0.0/16"));
    }

    @Test
    void peerIdOfIpv6Cidr() {
        assertEquals("2001ydb8yyn32", SecurityGroupTemplate.peerId("2001:db8::/32"));
    }

    @Test
    void groupLogicalIdsNameTheMode() {
        assertEquals("DirectSecurityGroup", SecurityGroupTemplate.logicalId(Mode.DIRECT));
        assertEquals("ProxySecurityGroup", SecurityGroupTemplate.logicalId(Mode.PROXY));
    }
}
