package io.handoff.gateway;

import io.handoff.testing.quarkus.KafkaResource;
import io.handoff.testing.quarkus.TokenResource;
import io.handoff.testing.quarkus.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(TokenResource.class)
@QuarkusTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ReadinessTest {

    private static final String KAFKA = "Kafka connection health check";
    private static final String DATABASE = "Database connections health check";

    @Test
    void readinessIsUpAndCoversKafkaAndTheDatabase() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems(KAFKA, DATABASE))
                .body("checks.find { it.name == '" + KAFKA + "' }.status", is("UP"))
                .body("checks.find { it.name == '" + DATABASE + "' }.status", is("UP"));
    }

    @Test
    void servesTheAgentConsoleThatTheInboxLinksPointTo() {
        given().when().get("/console/?chatbot=demo-bot&conversation=456")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("src=\"console.js\""));
        given().when().get("/console/console.js")
                .then().statusCode(200)
                .body(containsString("/ws/agent"));
    }
}
