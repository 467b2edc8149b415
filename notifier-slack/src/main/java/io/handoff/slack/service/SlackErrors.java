package io.handoff.slack.service;

import java.util.Map;
import java.util.Set;

/**
 * What Slack's error codes mean for a delivery: most say the setup is wrong (retrying cannot help and
 * an operator must act), a few say Slack is having trouble (worth another attempt).
 */
final class SlackErrors {

    private static final Set<String> TRANSIENT = Set.of(
            "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited");

    private static final Map<String, String> ADVICE = Map.ofEntries(
            Map.entry("channel_not_found", "the channel does not exist or the bot cannot see it; for a private channel, invite the app first"),
            Map.entry("not_in_channel", "the app is not a member of the channel; invite it with /invite @<app name>"),
            Map.entry("is_archived", "the channel is archived; choose another channel"),
            Map.entry("invalid_auth", "the bot token is not valid; connect Slack again for this chatbot"),
            Map.entry("not_authed", "no bot token was sent; connect Slack again for this chatbot"),
            Map.entry("token_revoked", "the app's token was revoked in Slack; connect Slack again for this chatbot"),
            Map.entry("token_expired", "the app's token expired; connect Slack again for this chatbot"),
            Map.entry("account_inactive", "the app was removed from the workspace; connect Slack again for this chatbot"),
            Map.entry("missing_scope", "the app lacks a permission it needs; reinstall it with the documented scopes"),
            Map.entry("restricted_action", "the workspace does not allow the app to post in this channel"),
            Map.entry("msg_too_long", "the message is longer than Slack accepts"),
            Map.entry("invalid_blocks", "Slack rejected the message layout"),
            Map.entry("message_not_found", "the original message was deleted in Slack"),
            Map.entry("cant_update_message", "the original message can no longer be edited by the app"));

    private SlackErrors() {
    }

    static boolean isTransient(String error) {
        return TRANSIENT.contains(error);
    }

    /** "Slack error not_in_channel: the app is not a member …": the code for searches, advice for people. */
    static String describe(String error) {
        String advice = ADVICE.get(error);
        return "Slack error " + error + (advice == null ? "" : ": " + advice);
    }
}
