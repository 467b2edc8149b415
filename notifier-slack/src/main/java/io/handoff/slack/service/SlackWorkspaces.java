package io.handoff.slack.service;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import io.handoff.slack.config.SlackNotifierConfig;
import io.handoff.slack.messaging.ConnectionPublisher;
import io.handoff.slack.persistence.Connection;
import io.handoff.slack.persistence.Installation;
import io.handoff.slack.persistence.WorkspaceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Connects chatbots to Slack workspaces, by the OAuth v2 install flow or with a bot token an operator
 * already has, and announces every change on {@code handoff.slack-connections}. A token is checked
 * with Slack before it is stored, and never returned or logged.
 */
@ApplicationScoped
public class SlackWorkspaces {

    private static final Logger LOG = Logger.getLogger(SlackWorkspaces.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A one-time link that starts the install for a chatbot. */
    public record InstallLink(URI url, Instant expiresAt) {
    }

    private final WorkspaceRepository repository;
    private final ConnectionPublisher publisher;
    private final SlackApi slack;
    private final SlackNotifierConfig config;

    public SlackWorkspaces(WorkspaceRepository repository, ConnectionPublisher publisher, SlackApi slack,
                           SlackNotifierConfig config) {
        this.repository = repository;
        this.publisher = publisher;
        this.slack = slack;
        this.config = config;
    }

    public Optional<Connection> connection(String chatbotId) {
        return repository.findConnection(chatbotId);
    }

    /** The manual path: a bot token (of an app already in the workspace) and a channel id. */
    public Connection connectWithToken(String chatbotId, String botToken, String channelId) {
        if (botToken == null || !botToken.startsWith("xoxb-")) {
            throw new InvalidConnectionException("botToken", "a bot token (xoxb-…) is required");
        }
        if (channelId == null || channelId.isBlank()) {
            throw new InvalidConnectionException("channelId", "a channel id (such as C0123456789) is required");
        }
        AuthTestResponse auth = ask("botToken", () -> slack.as(botToken).authTest(r -> r));
        if (!auth.isOk()) {
            throw new InvalidConnectionException("botToken", "Slack refused the token: " + auth.getError());
        }
        ConversationsInfoResponse channel = ask("channelId",
                () -> slack.as(botToken).conversationsInfo(r -> r.channel(channelId.trim())));
        if (!channel.isOk()) {
            throw new InvalidConnectionException("channelId", SlackErrors.describe(channel.getError()));
        }
        Instant now = Instant.now();
        Installation installation = new Installation(auth.getTeamId(), auth.getTeam(), auth.getUserId(), botToken, now);
        return store(installation, new Connection(chatbotId, auth.getTeamId(), auth.getTeam(),
                channel.getChannel().getId(), "#" + channel.getChannel().getName(), now));
    }

    /** Starts the OAuth install: a link, valid for a few minutes and usable once, to give to a Slack admin. */
    public InstallLink installLink(String chatbotId) {
        requireOAuthConfigured();
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = Instant.now().plus(config.installLinkTtl());
        repository.saveInstallState(state, chatbotId, expiresAt);
        return new InstallLink(URI.create(publicUrl() + "/slack/install?state=" + state), expiresAt);
    }

    /** Slack's authorize page for a valid install link; the state stays valid until the callback uses it. */
    public URI authorizeUrl(String state) {
        requireOAuthConfigured();
        if (state == null || repository.findInstallState(state, Instant.now()).isEmpty()) {
            throw new InstallFailedException("This install link is unknown or has expired. Ask for a new one.");
        }
        return URI.create(config.authorizeUrl()
                + "?client_id=" + encode(config.clientId().orElseThrow())
                + "&scope=" + encode(String.join(",", config.scopes()))
                + "&redirect_uri=" + encode(redirectUri())
                + "&state=" + encode(state));
    }

    /** Slack sent the admin back: exchange the code for the bot token and connect the chatbot. */
    public Connection completeInstall(String state, String code) {
        requireOAuthConfigured();
        String chatbotId = state == null ? null : repository.consumeInstallState(state, Instant.now()).orElse(null);
        if (chatbotId == null) {
            throw new InstallFailedException("This install link is unknown, was already used or has expired. "
                    + "Ask for a new one.");
        }
        if (code == null || code.isBlank()) {
            throw new InstallFailedException("Slack did not send an authorization code.");
        }
        OAuthV2AccessResponse access;
        try {
            access = slack.anonymous().oauthV2Access(r -> r
                    .clientId(config.clientId().orElseThrow())
                    .clientSecret(config.clientSecret().orElseThrow())
                    .code(code)
                    .redirectUri(redirectUri()));
        } catch (IOException | SlackApiException e) {
            throw new InstallFailedException("Slack could not be reached to finish the install; try again.");
        }
        if (!access.isOk()) {
            throw new InstallFailedException("Slack refused the install: " + access.getError());
        }
        if (access.getIncomingWebhook() == null || access.getIncomingWebhook().getChannelId() == null) {
            throw new InstallFailedException("Slack did not say which channel to post to; the app must ask for "
                    + "the incoming-webhook scope.");
        }
        Instant now = Instant.now();
        Installation installation = new Installation(access.getTeam().getId(), access.getTeam().getName(),
                access.getBotUserId(), access.getAccessToken(), now);
        return store(installation, new Connection(chatbotId, installation.teamId(), installation.teamName(),
                access.getIncomingWebhook().getChannelId(), access.getIncomingWebhook().getChannel(), now));
    }

    /** True when the chatbot was connected. */
    public boolean disconnect(String chatbotId) {
        boolean removed = repository.disconnect(chatbotId);
        if (removed) {
            publisher.publishRemoval(chatbotId);
            LOG.infof("chatbot %s: Slack disconnected", chatbotId);
        }
        return removed;
    }

    private Connection store(Installation installation, Connection connection) {
        repository.connect(installation, connection);
        Connection stored = repository.findConnection(connection.chatbotId()).orElseThrow();
        publisher.publish(stored);
        LOG.infof("chatbot %s: Slack connected to workspace %s, channel %s", stored.chatbotId(), stored.teamId(),
                stored.channelId());
        return stored;
    }

    private void requireOAuthConfigured() {
        if (config.clientId().filter(s -> !s.isBlank()).isEmpty()
                || config.clientSecret().filter(s -> !s.isBlank()).isEmpty()) {
            throw new SlackNotConfiguredException("the Slack app's client id and secret are not configured "
                    + "(HANDOFF_SLACK_CLIENT_ID, HANDOFF_SLACK_CLIENT_SECRET); connect with a bot token instead");
        }
    }

    private String redirectUri() {
        return publicUrl() + "/slack/oauth/callback";
    }

    private String publicUrl() {
        String url = config.publicUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface SlackQuestion<T> {
        T ask() throws IOException, SlackApiException;
    }

    private static <T> T ask(String field, SlackQuestion<T> question) {
        try {
            return question.ask();
        } catch (SlackApiException e) {
            throw new SlackUnavailableException("Slack answered HTTP " + e.getResponse().code()
                    + " while checking the " + field + "; try again");
        } catch (IOException e) {
            throw new SlackUnavailableException("Slack could not be reached to check the " + field + "; try again");
        }
    }
}
