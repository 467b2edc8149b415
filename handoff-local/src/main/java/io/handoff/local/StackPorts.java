package io.handoff.local;

import io.handoff.testing.FreePorts;

/**
 * The ports a stack uses. {@link #defaults()} gives fixed, memorable ports for people; {@link #random()}
 * gives free ephemeral ones so tests never collide with anything running on the machine.
 */
public record StackPorts(int detector, int router, int email, int slack, int webhook, int gateway,
                         int postgres, int smtp, int console, int slackApi, int webhookReceiver) {

    public static StackPorts defaults() {
        return new StackPorts(8081, 8082, 8083, 8084, 8085, 8086, 54329, 2525, 8090, 8091, 8092);
    }

    public static StackPorts random() {
        return new StackPorts(FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(),
                FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(),
                FreePorts.find(), FreePorts.find());
    }

    /** Fails with a clear message when one of the ports is taken. */
    public void requireFree() {
        int[] all = {detector, router, email, slack, webhook, gateway, postgres, smtp, console, slackApi, webhookReceiver};
        for (int port : all) {
            if (!FreePorts.isFree(port)) {
                throw new IllegalStateException("port " + port + " is already in use; stop what uses it or set "
                        + "-Dhandoff.local.random-ports=true");
            }
        }
    }
}
