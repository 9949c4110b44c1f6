package dev.boomer.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.netty.util.NetUtil;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddresses addresses = new ClientAddresses(List.of());

        assertThat(addresses.of(from("10.0.0.5", "203.0.113.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightmostUntrustedHop() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", " 192.0.2.1 "));

        assertThat(addresses.of(from("10.0.0.5", "198.51.100.7, 203.0.113.1, 192.0.2.1"))).isEqualTo("203.0.113.1");
        assertThat(addresses.of(from("10.0.0.5", null))).as("no header: the proxy itself").isEqualTo("10.0.0.5");
        assertThat(addresses.of(from("172.16.0.9", "203.0.113.1"))).as("an untrusted peer").isEqualTo("172.16.0.9");
    }

    @Test
    void aTrustedProxyMustBeAnAddressOrRange() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal")))
                .hasMessageContaining("boomer.security.trusted-proxies: 'proxy.internal' is not an address");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/x")))
                .hasMessageContaining("'10.0.0.0/x' is not an address or CIDR range");
    }

    private static HttpRequest<?> from(String peer, String forwardedFor) {
        var request = HttpRequest.GET("/api/v1/items");
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        InetSocketAddress address = new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(peer), 40000);
        return new HttpRequestWrapper<>(request) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return address;
            }
        };
    }
}
