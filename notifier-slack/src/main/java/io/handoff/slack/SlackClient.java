package io.handoff.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;

import java.util.Optional;

/** The Slack Web API client, pointed at the configured API URL, for the default installation. */
@ApplicationScoped
public class SlackClient {

    private final Slack slack;
    private final Optional<String> botToken;

    public SlackClient(SlackSettingsConfig config) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(config.apiUrl().endsWith("/") ? config.apiUrl() : config.apiUrl() + "/");
        slackConfig.setStatsEnabled(false);
        slackConfig.setPrettyResponseLoggingEnabled(false);
        this.slack = Slack.getInstance(slackConfig);
        this.botToken = config.botToken().filter(t -> !t.isBlank());
    }

    /** Methods authorised as the bot of the workspace, or empty when no workspace is connected. */
    public Optional<MethodsClient> methods(String teamId) {
        return botToken.map(slack::methods);
    }

    @PreDestroy
    void close() throws Exception {
        slack.close();
    }
}
