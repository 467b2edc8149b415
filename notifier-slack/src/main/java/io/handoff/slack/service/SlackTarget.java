package io.handoff.slack.service;

import io.handoff.slack.persistence.Installation;

/** Where a message goes: a channel of an installed workspace, posted with that workspace's bot token. */
record SlackTarget(Installation installation, String channel) {

    /** Rate limits are per channel of a workspace. */
    String channelKey() {
        return installation.teamId() + "/" + channel;
    }

    String token() {
        return installation.botToken();
    }
}
