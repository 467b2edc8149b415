package io.handoff.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import io.handoff.events.json.EventDecoder;
import io.handoff.events.json.InvalidEventException;
import io.handoff.events.notify.DeliveryChannel;
import io.handoff.events.notify.DeliveryResult;
import io.handoff.events.notify.DeliveryStatus;
import io.handoff.events.notify.NotifySlack;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Optional;

/** Posts {@code notify.slack} commands with {@code chat.postMessage} and reports each outcome. */
@ApplicationScoped
public class SlackCommandConsumer {

    public static final String COMMANDS = "notify-slack";
    public static final String DELIVERIES = "deliveries";

    private static final Logger LOG = Logger.getLogger(SlackCommandConsumer.class);

    private final EventDecoder decoder = new EventDecoder();
    private final SlackClient slack;
    private final MutinyEmitter<DeliveryResult> deliveries;

    public SlackCommandConsumer(SlackClient slack, @Channel(DELIVERIES) MutinyEmitter<DeliveryResult> deliveries) {
        this.slack = slack;
        this.deliveries = deliveries;
    }

    @Incoming(COMMANDS)
    @Blocking(ordered = false)
    public void deliver(String value) throws InvalidEventException {
        NotifySlack command = decoder.decode(value, NotifySlack.class);
        if (command.channel() == null || command.channel().isBlank()) {
            throw new InvalidEventException("notify.slack has no channel");
        }
        DeliveryStatus status;
        String detail;
        Optional<MethodsClient> methods = slack.methods(command.teamId());
        if (methods.isEmpty()) {
            status = DeliveryStatus.FAILED;
            detail = "no Slack workspace is connected";
        } else {
            EscalationMessage message = EscalationMessage.of(command);
            try {
                ChatPostMessageResponse response = methods.get().chatPostMessage(r -> r
                        .channel(command.channel())
                        .text(message.text())
                        .blocks(message.blocks())
                        .unfurlLinks(false));
                status = response.isOk() ? DeliveryStatus.DELIVERED : DeliveryStatus.FAILED;
                detail = response.isOk() ? "posted, ts " + response.getTs() : "Slack error: " + response.getError();
            } catch (SlackApiException e) {
                status = DeliveryStatus.FAILED;
                detail = "Slack answered HTTP " + e.getResponse().code();
            } catch (IOException e) {
                status = DeliveryStatus.FAILED;
                detail = "Slack unreachable: " + e.getClass().getSimpleName();
            }
        }
        String escalationId = command.escalation().escalationId();
        LOG.infof("escalation %s to Slack channel %s: %s", escalationId, command.channel(), detail);
        deliveries.sendMessageAndAwait(KafkaRecord.of(escalationId,
                DeliveryResult.of(command, DeliveryChannel.SLACK, command.channel(), status, 1, detail)));
    }
}
