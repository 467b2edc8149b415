package io.handoff.router.service;

import io.handoff.events.settings.SlackSettings;
import io.handoff.router.persistence.SlackConnectionRepository;
import io.handoff.router.persistence.StoredSlackConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses, when settings are saved, Slack notifications for a chatbot whose Slack workspace is not
 * connected: the product rule is that Slack becomes available only once it is connected, and an owner
 * should learn that now rather than from escalations that never reach Slack. Connections come from
 * notifier-slack (see {@code SlackConnectionConsumer}).
 */
@ApplicationScoped
public class SlackConnectionCheck {

    static final String NOT_CONNECTED = "connect a Slack workspace for this chatbot before enabling Slack notifications";

    private final SlackConnectionRepository connections;

    public SlackConnectionCheck(SlackConnectionRepository connections) {
        this.connections = connections;
    }

    /** What is wrong with the chatbot's Slack settings given its connection; empty when nothing is. */
    public List<FieldProblem> problems(String chatbotId, SlackSettings slack) {
        if (!slack.enabled() && isBlank(slack.teamId())) {
            return List.of(); // nothing that depends on the connection
        }
        return problems(slack, connections.find(chatbotId));
    }

    /**
     * Slack may be enabled only with a connection; a given workspace must be the connected one. A
     * disabled Slack block is not checked against a missing connection: it stays saveable after a
     * disconnection.
     */
    static List<FieldProblem> problems(SlackSettings slack, Optional<StoredSlackConnection> connection) {
        List<FieldProblem> problems = new ArrayList<>();
        if (slack.enabled() && connection.isEmpty()) {
            problems.add(new FieldProblem("slack.enabled", NOT_CONNECTED));
        }
        String teamId = slack.teamId();
        if (!isBlank(teamId) && connection.isPresent() && !teamId.equals(connection.get().teamId())) {
            StoredSlackConnection connected = connection.get();
            problems.add(new FieldProblem("slack.teamId", "'" + teamId + "' is not the Slack workspace connected to this"
                    + " chatbot, which is " + connected.teamId()
                    + (connected.teamName() == null ? "" : " (" + connected.teamName() + ")")
                    + "; leave teamId out to use the connected one"));
        }
        return problems;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
