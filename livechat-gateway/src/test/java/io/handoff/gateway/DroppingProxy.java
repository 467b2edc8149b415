package io.handoff.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback in front of the gateway, standing for the network between a browser and
 * the gateway: it can drop every connection and refuse new ones for a while. It notes the {@code after}
 * parameter of each agent WebSocket handshake that passes (and nothing else of the request: the query
 * also holds the token).
 */
final class DroppingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<String> handshakeAfter = new CopyOnWriteArrayList<>();
    private final List<String> handshakeTargets = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    private DroppingProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    static DroppingProxy start(int targetPort) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        DroppingProxy proxy = new DroppingProxy(server, targetPort);
        daemon("proxy-accept", proxy::accept).start();
        return proxy;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Drops every open connection and refuses new ones until {@link #restore()}. */
    void drop() {
        refusing = true;
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }

    void restore() {
        refusing = false;
    }

    /** The {@code after} value of each agent WebSocket handshake so far, in order; "" when it had none. */
    /** The request target (path and query) of each WebSocket handshake, in order. */
    List<String> handshakeTargets() {
        return List.copyOf(handshakeTargets);
    }

    List<String> handshakeAfter() {
        return List.copyOf(handshakeAfter);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (refusing) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
                sockets.add(client);
                sockets.add(upstream);
                daemon("proxy-up", () -> pump(client, upstream, true)).start();
                daemon("proxy-down", () -> pump(upstream, client, false)).start();
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean request) {
        byte[] buffer = new byte[16 * 1024];
        boolean first = request;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (first) {
                    noteHandshake(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    first = false;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // dropped on purpose, or the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private void noteHandshake(String start) {
        int end = start.indexOf("\r\n");
        String requestLine = end < 0 ? start : start.substring(0, end);
        String[] parts = requestLine.split(" ");
        if (parts.length < 2 || !(parts[1].equals(AgentSocket.PATH) || parts[1].startsWith(AgentSocket.PATH + "?"))) {
            return;
        }
        handshakeTargets.add(parts[1]);
        String after = "";
        if (!parts[1].contains("?")) {
            handshakeAfter.add(after);
            return;
        }
        for (String pair : parts[1].substring(parts[1].indexOf('?') + 1).split("&")) {
            if (pair.startsWith("after=")) {
                after = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        handshakeAfter.add(after);
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        drop();
    }

    @Override
    public String toString() {
        return "proxy on port " + port() + " to " + targetPort + ", handshakes after=" + new ArrayList<>(handshakeAfter);
    }
}
