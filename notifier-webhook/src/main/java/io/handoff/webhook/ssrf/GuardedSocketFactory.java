package io.handoff.webhook.ssrf;

import io.handoff.events.webhook.AddressPolicy;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * Creates sockets that check the {@link AddressPolicy} at the moment they connect. Whatever name
 * resolution happened before, the address checked is the one the bytes would go to.
 */
public final class GuardedSocketFactory extends SocketFactory {

    private final AddressPolicy policy;

    public GuardedSocketFactory(AddressPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket(policy);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    private static final class GuardedSocket extends Socket {
        private final AddressPolicy policy;

        GuardedSocket(AddressPolicy policy) {
            this.policy = policy;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (endpoint instanceof InetSocketAddress inet) {
                if (inet.isUnresolved()) {
                    throw new RefusedAddressException(inet.getHostString() + " is not resolved; refusing to connect");
                }
                var refusal = policy.refusal(inet.getAddress());
                if (refusal.isPresent()) {
                    throw new RefusedAddressException(refusal.get());
                }
            }
            super.connect(endpoint, timeout);
        }
    }
}
