package io.handoff.router;

import io.restassured.path.json.JsonPath;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;

import static io.handoff.router.Tokens.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Following an escalation through the tracking API, and moving its reminder forward in time. */
final class TrackedEscalations {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private TrackedEscalations() {
    }

    /** The escalation as the API shows it, once it has reached {@code status}. */
    static JsonPath awaitTracked(String escalationId, String status) {
        JsonPath[] found = new JsonPath[1];
        await().atMost(WAIT).untilAsserted(() -> {
            found[0] = asAdmin().when().get("/api/v1/escalations/{id}", escalationId)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(found[0].getString("status")).isEqualTo(status);
        });
        return found[0];
    }

    /** The response SLA has run out: the reminder scheduler picks the escalation up on its next run. */
    static void makeReminderDue(DataSource dataSource, String escalationId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE escalation SET reminder_due_at = now() - interval '1 second' WHERE escalation_id = ?")) {
            ps.setString(1, escalationId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
