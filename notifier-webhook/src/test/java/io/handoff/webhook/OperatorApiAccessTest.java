package io.handoff.webhook;

import io.handoff.testing.TokenIssuer;
import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The failed-webhook API lists every chatbot's receivers and replays deliveries: only the global
 * administrator's token opens it, and a cross-site form, which cannot carry a bearer token, cannot use it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "webhook"))
class OperatorApiAccessTest {

    private static final String FAILED = "/api/v1/webhook-deliveries/failed";

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(TokenIssuer.shared().admin("ops@example.com", Duration.ofMinutes(10)));
    }

    @Test
    void withoutATokenEveryOperationIsRefused() {
        given().when().get(FAILED).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().when().post(FAILED + "/replay").then().statusCode(401);
        given().when().post("/api/v1/webhook-deliveries/{id}/replay", "any").then().statusCode(401);
    }

    @Test
    void aCrossSiteFormPostCannotReplay() {
        given().header("Origin", "https://evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("x", "1")
                .when().post(FAILED + "/replay")
                .then().statusCode(401);
    }

    @Test
    void chatbotAdministratorsAndAgentsAreNotOperators() {
        given().auth().oauth2(TokenIssuer.shared().chatbotAdmin("owner@example.com", List.of("demo-bot"), Duration.ofMinutes(5)))
                .when().get(FAILED).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TokenIssuer.shared().chatbotAdmin("owner@example.com", List.of("demo-bot"), Duration.ofMinutes(5)))
                .when().post(FAILED + "/replay").then().statusCode(403);
        // an agent's token is for the console: its audience is not this API's
        given().auth().oauth2(TokenIssuer.shared().agent("agent-1", "Kim", List.of("demo-bot"), Duration.ofMinutes(5)))
                .when().get(FAILED).then().statusCode(401);
    }

    @Test
    void theGlobalAdministratorMayListAndIsToldWhatIsWrongWithARequest() {
        asAdmin().when().get(FAILED + "?limit=5").then().statusCode(200);
        asAdmin().when().get(FAILED + "?limit=lots").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
        asAdmin().when().get(FAILED + "?limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        asAdmin().when().post("/api/v1/webhook-deliveries/{id}/replay", "bad\u0000id").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("deliveryId"));
        asAdmin().when().post("/api/v1/webhook-deliveries/{id}/replay", "x".repeat(201)).then().statusCode(400);
        asAdmin().when().post("/api/v1/webhook-deliveries/{id}/replay", "no-such-delivery").then().statusCode(404);
    }
}
