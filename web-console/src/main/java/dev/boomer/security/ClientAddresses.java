package dev.boomer.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The address a request comes from, for throttling. Behind a load balancer every request comes from the
 * balancer, so {@code X-Forwarded-For} is read, but only when the connection comes from a proxy named in
 * {@code boomer.security.trusted-proxies} (addresses or CIDR ranges): anyone else could write that header.
 * The client is the rightmost address in it that is not itself a trusted proxy.
 */
@Singleton
public final class ClientAddresses {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpSubnetFilterRule> trustedProxies;

    ClientAddresses(@Value("${boomer.security.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(ClientAddresses::rule).toList();
    }

    public String of(HttpRequest<?> request) {
        InetSocketAddress peer = request.getRemoteAddress();
        String address = peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
        if (!isTrusted(address)) {
            return address;
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getAll(FORWARDED_FOR)) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrusted(hops.get(i))) {
                return hops.get(i);
            }
        }
        return address;
    }

    private boolean isTrusted(String address) {
        if (trustedProxies.isEmpty()) {
            return false;
        }
        InetAddress literal = literal(address);
        if (literal == null) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(literal, 0);
        return trustedProxies.stream().anyMatch(rule -> rule.matches(socket));
    }

    /** A literal IPv4 or IPv6 address, or null: names are never resolved (a header could name anything). */
    private static InetAddress literal(String address) {
        return NetUtil.createInetAddressFromIpAddressString(address);
    }

    private static IpSubnetFilterRule rule(String cidr) {
        String[] parts = cidr.split("/", 2);
        InetAddress address = literal(parts[0].strip());
        try {
            if (address == null) {
                throw new IllegalArgumentException("not an address");
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : address.getAddress().length * 8;
            return new IpSubnetFilterRule(address, bits, IpFilterRuleType.ACCEPT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("boomer.security.trusted-proxies: '" + cidr
                    + "' is not an address or CIDR range", e);
        }
    }
}
