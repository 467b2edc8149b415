package io.handoff.testing;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Issues bearer tokens the way an identity provider would, for tests and the local stack: RS256
 * signed with a key pair made at start, so no private key is ever committed. Services verify them
 * with {@link #publicKeyPem()} and {@link #ISSUER}.
 *
 * <p>Claims: {@code groups} holds {@link #ADMIN_GROUP} for the global administrator,
 * {@link #CHATBOT_ADMIN_GROUP} for an administrator and {@link #AGENT_GROUP} for a support agent of the
 * chatbots {@code chatbots} lists; {@code aud} holds {@link #API_AUDIENCE} for the APIs that configure and
 * operate Handoff and {@link #CONSOLE_AUDIENCE} for the agent console.
 */
public final class TokenIssuer {

    public static final String ISSUER = "https://handoff.local/issuer";
    public static final String ADMIN_GROUP = "handoff-admin";
    public static final String CHATBOT_ADMIN_GROUP = "handoff-chatbot-admin";
    public static final String AGENT_GROUP = "handoff-agent";
    public static final String CHATBOTS_CLAIM = "chatbots";
    public static final String API_AUDIENCE = "handoff-api";
    public static final String CONSOLE_AUDIENCE = "handoff-console";

    private static TokenIssuer shared;

    private final KeyPair keys;

    private TokenIssuer(KeyPair keys) {
        this.keys = keys;
    }

    public static TokenIssuer generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TokenIssuer(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** One issuer for the whole JVM, so test resources and tests agree on the key. */
    public static synchronized TokenIssuer shared() {
        if (shared == null) {
            shared = generate();
        }
        return shared;
    }

    /** The public key in PEM form, as {@code mp.jwt.verify.publickey} accepts it. */
    public String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    /** A token for the global administrator: every chatbot, the console and the operator APIs. */
    public String admin(String subject, Duration validity) {
        return token(subject, null, List.of(ADMIN_GROUP), null, List.of(API_AUDIENCE, CONSOLE_AUDIENCE),
                Instant.now().plus(validity));
    }

    /** A token for the administrator of {@code chatbots}: their settings, Slack and rule tester. */
    public String chatbotAdmin(String subject, List<String> chatbots, Duration validity) {
        return token(subject, null, List.of(CHATBOT_ADMIN_GROUP), chatbots, List.of(API_AUDIENCE),
                Instant.now().plus(validity));
    }

    /**
     * A support agent's token for the console: {@code subject} is the agent's id, {@code name} the name
     * the visitor sees, and {@code chatbots} the chatbots whose conversations the agent serves.
     */
    public String agent(String subject, String name, List<String> chatbots, Duration validity) {
        return token(subject, name, List.of(AGENT_GROUP), chatbots, List.of(CONSOLE_AUDIENCE),
                Instant.now().plus(validity));
    }

    /** An agent's token that ran out a minute ago. */
    public String expiredAgent(String subject, List<String> chatbots) {
        return token(subject, null, List.of(AGENT_GROUP), chatbots, List.of(CONSOLE_AUDIENCE),
                Instant.now().minusSeconds(60));
    }

    /** An administrator's token that ran out a minute ago. */
    public String expiredAdmin(String subject) {
        return token(subject, null, List.of(ADMIN_GROUP), null, List.of(API_AUDIENCE, CONSOLE_AUDIENCE),
                Instant.now().minusSeconds(60));
    }

    /**
     * Any token this issuer could sign, for the cases the named ones do not cover (a token for another
     * audience, with no role, or with a role and no chatbot).
     *
     * @param chatbots  the {@code chatbots} claim, or null for none
     * @param audiences the {@code aud} claim; empty for none
     */
    public String token(String subject, String name, List<String> groups, List<String> chatbots,
                        List<String> audiences, Instant expires) {
        return sign(subject, name, groups, chatbots, audiences, expires);
    }

    private String sign(String subject, String name, List<String> groups, List<String> chatbots,
                        List<String> audiences, Instant expires) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setStringListClaim("groups", groups);
        if (!audiences.isEmpty()) {
            claims.setAudience(audiences);
        }
        if (name != null) {
            claims.setClaim("name", name);
        }
        if (chatbots != null) {
            claims.setStringListClaim(CHATBOTS_CLAIM, chatbots);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }
}
