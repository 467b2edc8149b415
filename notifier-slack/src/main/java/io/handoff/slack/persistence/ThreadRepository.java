package io.handoff.slack.persistence;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The Slack message of each escalation, found by escalation, by conversation or by Slack's message id. */
@ApplicationScoped
public class ThreadRepository {

    /** Records the first message of an escalation; a second one for the same escalation is ignored. */
    public void save(SlackThread thread) {
        Transactions.callRacingInserts("record the Slack message of escalation " + thread.escalationId(), () -> {
            if (ThreadEntity.findById(thread.escalationId()) == null) {
                ThreadEntity.of(thread).persistAndFlush();
            }
            return null;
        });
    }

    public Optional<SlackThread> findByEscalation(String escalationId) {
        return Transactions.call("read the Slack message of escalation " + escalationId,
                () -> ThreadEntity.<ThreadEntity>findByIdOptional(escalationId).map(ThreadEntity::toThread));
    }

    /** The newest escalation message of a conversation. */
    public Optional<SlackThread> findLatest(String chatbotId, String conversationId) {
        return Transactions.call("read the Slack message of conversation " + conversationId, () -> ThreadEntity
                .<ThreadEntity>find("chatbotId = ?1 and conversationId = ?2", Sort.descending("createdAt"),
                        chatbotId, conversationId)
                .firstResultOptional().map(ThreadEntity::toThread));
    }

    public Optional<SlackThread> findByMessage(String teamId, String channelId, String threadTs) {
        return Transactions.call("find a Slack thread", () -> ThreadEntity
                .<ThreadEntity>find("teamId = ?1 and channelId = ?2 and threadTs = ?3", teamId, channelId, threadTs)
                .firstResultOptional().map(ThreadEntity::toThread));
    }

    /**
     * Moves the thread to {@code status} unless it is there already or resolved; true when this call
     * made the change, so a redelivered event does not post the same news twice. One conditional update, so
     * that of two instances handling the same event only one makes the change.
     */
    public boolean advance(String escalationId, String status, String by) {
        return Transactions.call("update the Slack message of escalation " + escalationId, () -> ThreadEntity.update(
                "status = ?1, statusBy = ?2 where escalationId = ?3 and status <> ?1 and status <> ?4",
                status, by, escalationId, SlackThread.RESOLVED)) > 0;
    }
}
