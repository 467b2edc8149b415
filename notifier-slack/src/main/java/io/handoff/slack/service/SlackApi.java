package io.handoff.slack.service;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import io.handoff.slack.config.SlackNotifierConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** slack-api-client, pointed at the configured Web API URL (Slack's, or a stand-in in tests). */
@ApplicationScoped
public class SlackApi {

    private final Slack slack;

    public SlackApi(SlackNotifierConfig config) {
        SlackConfig slackConfig = new SlackConfig();
        String url = config.apiUrl();
        slackConfig.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/");
        slackConfig.setStatsEnabled(false);
        slackConfig.setPrettyResponseLoggingEnabled(false);
        this.slack = Slack.getInstance(slackConfig);
    }

    /** Methods called as the bot that {@code botToken} belongs to. */
    public MethodsClient as(String botToken) {
        return slack.methods(botToken);
    }

    /** Methods that need no token, such as {@code oauth.v2.access}. */
    public MethodsClient anonymous() {
        return slack.methods();
    }

    @PreDestroy
    void close() throws Exception {
        slack.close();
    }
}
