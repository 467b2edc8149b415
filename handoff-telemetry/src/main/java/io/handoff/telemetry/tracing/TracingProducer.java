package io.handoff.telemetry.tracing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's {@link Tracing}, configured from {@code handoff.tracing.*}, for the services that index
 * this module ({@code quarkus.index-dependency.telemetry.*}). Spans still buffered are exported at shutdown.
 */
@ApplicationScoped
public class TracingProducer {

    @Produces
    @Singleton
    Tracing tracing() {
        return Tracing.of(TracingSettings.from(ConfigProvider.getConfig()));
    }

    void close(@Disposes Tracing tracing) {
        tracing.close();
    }
}
