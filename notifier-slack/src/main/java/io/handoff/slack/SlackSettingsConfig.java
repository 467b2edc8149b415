package io.handoff.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

@ConfigMapping(prefix = "handoff.slack")
public interface SlackSettingsConfig {

    /** Prefix of Slack Web API method URLs; tests and the local stack point it at a stand-in. */
    @WithDefault("https://slack.com/api/")
    String apiUrl();

    /** Bot token of the default workspace installation ({@code xoxb-...}). Never logged. */
    Optional<String> botToken();
}
