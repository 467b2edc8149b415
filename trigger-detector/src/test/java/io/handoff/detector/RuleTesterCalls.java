package io.handoff.detector;

import io.handoff.testing.TokenIssuer;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;

/** Rule-tester requests as its callers make them: with a bearer token from the test issuer. */
final class RuleTesterCalls {

    private RuleTesterCalls() {
    }

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(TokenIssuer.shared().admin("admin@example.com", Duration.ofMinutes(10)));
    }

    static RequestSpecification asAdminOf(String... chatbots) {
        return given().auth().oauth2(TokenIssuer.shared().chatbotAdmin("owner@example.com", List.of(chatbots),
                Duration.ofMinutes(10)));
    }
}
