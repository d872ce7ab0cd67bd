package io.berth.securitygroups;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * One security group rule with one source or destination, so that rules can be compared as set
 * members: EC2 groups several sources under one IpPermission, and returns them that way.
 *
 * @param protocol the IP protocol, {@code -1} for all
 * @param fromPort the first port, or null for all
 * @param toPort   the last port, or null for all
 * @param peer     an IPv4 CIDR, an IPv6 CIDR or a security group id
 */
record Rule(String protocol, Integer fromPort, Integer toPort, String peer) {

    Rule {
        // EC2 reports "all traffic" rules with no ports, or with -1 as both ports.
        if ("-1".equals(protocol)) {
            fromPort = null;
            toPort = null;
        }
    }

    static Set<Rule> of(Collection<IpPermission> permissions) {
        Set<Rule> rules = new LinkedHashSet<>();
        for (IpPermission permission : permissions) {
            for (IpRange range : permission.ipRanges()) {
                rules.add(new Rule(permission.ipProtocol(), permission.fromPort(), permission.toPort(), range.cidrIp()));
            }
            for (Ipv6Range range : permission.ipv6Ranges()) {
                rules.add(new Rule(permission.ipProtocol(), permission.fromPort(), permission.toPort(), range.cidrIpv6()));
            }
            for (UserIdGroupPair pair : permission.userIdGroupPairs()) {
                rules.add(new Rule(permission.ipProtocol(), permission.fromPort(), permission.toPort(), pair.groupId()));
            }
        }
        return rules;
    }

    static List<IpPermission> toPermissions(Collection<Rule> rules) {
        List<IpPermission> permissions = new ArrayList<>();
        for (Rule rule : rules) {
            IpPermission.Builder permission = IpPermission.builder().ipProtocol(rule.protocol())
                    .fromPort(rule.fromPort()).toPort(rule.toPort());
            if (rule.peer().startsWith("sg-")) {
                permission.userIdGroupPairs(UserIdGroupPair.builder().groupId(rule.peer()).build());
            } else if (rule.peer().contains(":")) {
                permission.ipv6Ranges(Ipv6Range.builder().cidrIpv6(rule.peer()).build());
            } else {
                permission.ipRanges(IpRange.builder().cidrIp(rule.peer()).build());
            }
            permissions.add(permission.build());
        }
        return permissions;
    }

    @Override
    public String toString() {
        String ports = "-1".equals(protocol) ? "all traffic" : protocol + "/" + (fromPort.equals(toPort) ? fromPort : fromPort + "-" + toPort);
        return ports + " " + peer;
    }
}
