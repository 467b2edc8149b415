package io.handoff.router;

import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.handoff.testing.quarkus.TokenResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.handoff.router.Tokens.asOwnerOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The agent console reads the statistics from another origin (the gateway's): browsers may do so
 * from the configured origin ({@code quarkus.http.cors.origins}, the local gateway by default) and
 * from no other.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "router"))
class CorsTest {

    private static final String CONSOLE = "http://localhost:8086";
    private static final String ELSEWHERE = "http://elsewhere.example";

    private final String chatbot = "bot-" + UUID.randomUUID();

    @Test
    void aPreflightFromTheConsoleOriginIsAnsweredWithGetAndAuthorization() {
        given().header("Origin", CONSOLE)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/api/v1/chatbots/{id}/stats", chatbot)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(CONSOLE))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("GET"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        given().header("Origin", ELSEWHERE)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/api/v1/chatbots/{id}/stats", chatbot)
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theConsoleOriginMayReadTheStatistics() {
        asOwnerOf(chatbot).header("Origin", CONSOLE)
                .when().get("/api/v1/chatbots/{id}/stats", chatbot)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(CONSOLE))
                .body("chatbotId", equalTo(chatbot));
    }

    @Test
    void anotherOriginMayNotReadTheStatistics() {
        asOwnerOf(chatbot).header("Origin", ELSEWHERE)
                .when().get("/api/v1/chatbots/{id}/stats", chatbot)
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
