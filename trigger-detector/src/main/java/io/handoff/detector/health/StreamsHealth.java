package io.handoff.detector.health;

import io.handoff.detector.stream.DetectorStreams;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the detector processes (running, or rebalancing between instances); alive unless failed. */
@ApplicationScoped
public class StreamsHealth {

    private final DetectorStreams streams;

    public StreamsHealth(DetectorStreams streams) {
        this.streams = streams;
    }

    @Readiness
    HealthCheck ready() {
        return () -> {
            KafkaStreams.State state = streams.state();
            return HealthCheckResponse.named("Kafka Streams detector")
                    .status(state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING)
                    .withData("state", state.name())
                    .build();
        };
    }

    @Liveness
    HealthCheck alive() {
        return () -> {
            KafkaStreams.State state = streams.state();
            return HealthCheckResponse.named("Kafka Streams detector")
                    .status(state != KafkaStreams.State.ERROR && state != KafkaStreams.State.PENDING_ERROR)
                    .withData("state", state.name())
                    .build();
        };
    }
}
