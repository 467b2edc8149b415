package io.handoff.webhook;

import io.handoff.events.webhook.AddressPolicy;
import io.handoff.webhook.ssrf.GuardedSocketFactory;
import io.handoff.webhook.ssrf.RefusedAddressException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedSocketFactoryTest {

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedAtConnectTime() throws Exception {
        // what a rebinding DNS answer looks like once resolved: a public-looking name, a private address
        InetAddress rebound = InetAddress.getByAddress("hooks.example.com", new byte[]{10, 0, 0, 5});
        GuardedSocketFactory factory = new GuardedSocketFactory(AddressPolicy.allowing(List.of()));

        try (Socket socket = factory.createSocket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(rebound, 443), 1000))
                    .isInstanceOf(RefusedAddressException.class)
                    .hasMessageContaining("private").hasMessageNotContaining("10.0.0.5");
        }
    }
}
