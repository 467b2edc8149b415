package io.handoff.router;

import io.handoff.testing.TokenIssuer;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;

/** Requests as the callers of the API make them: with a bearer token from the test issuer. */
final class Tokens {

    private Tokens() {
    }

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(TokenIssuer.shared().admin("admin@example.com", Duration.ofMinutes(10)));
    }

    /** As an agent of {@code chatbots}, with the token the agent console holds. */
    static RequestSpecification asAgentOf(String... chatbots) {
        return given().auth().oauth2(TokenIssuer.shared().agent("agent-kim", "Kim", List.of(chatbots),
                Duration.ofMinutes(10)));
    }

    /** As an administrator of {@code chatbots}. */
    static RequestSpecification asOwnerOf(String... chatbots) {
        return given().auth().oauth2(TokenIssuer.shared().chatbotAdmin("owner@example.com", List.of(chatbots),
                Duration.ofMinutes(10)));
    }
}
