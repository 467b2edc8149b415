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
 * <p>Claims: {@code groups} holds {@link #ADMIN_GROUP} for an administrator of every chatbot; otherwise
 * {@code chatbots} lists the chatbot ids the token may manage.
 */
public final class TokenIssuer {

    public static final String ISSUER = "https://handoff.local/issuer";
    public static final String ADMIN_GROUP = "handoff-admin";
    public static final String CHATBOTS_CLAIM = "chatbots";

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

    /** A token for someone who manages every chatbot. */
    public String admin(String subject, Duration validity) {
        return sign(subject, null, List.of(ADMIN_GROUP), null, Instant.now().plus(validity));
    }

    /** A token for someone who manages only {@code chatbots}. */
    public String forChatbots(String subject, List<String> chatbots, Duration validity) {
        return sign(subject, null, List.of(), chatbots, Instant.now().plus(validity));
    }

    /**
     * A support agent's token for the live-chat gateway: {@code subject} is the agent's id, {@code name}
     * the name the visitor sees, and {@code chatbots} the chatbots whose conversations the agent serves.
     */
    public String agent(String subject, String name, List<String> chatbots, Duration validity) {
        return sign(subject, name, List.of(), chatbots, Instant.now().plus(validity));
    }

    /** An agent's token that ran out a minute ago. */
    public String expiredAgent(String subject, List<String> chatbots) {
        return sign(subject, null, List.of(), chatbots, Instant.now().minusSeconds(60));
    }

    /** An administrator's token that ran out a minute ago. */
    public String expiredAdmin(String subject) {
        return sign(subject, null, List.of(ADMIN_GROUP), null, Instant.now().minusSeconds(60));
    }

    private String sign(String subject, String name, List<String> groups, List<String> chatbots, Instant expires) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setStringListClaim("groups", groups);
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
