package io.handoff.detector.stream;

import io.handoff.telemetry.tracing.Tracing;
import io.handoff.telemetry.tracing.TracingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** The detector's {@link Tracing}, configured from {@code handoff.tracing.*} like every other service's. */
@ApplicationScoped
public class DetectorTracing {

    @Produces
    @Singleton
    Tracing tracing() {
        return Tracing.of(TracingSettings.from(ConfigProvider.getConfig()));
    }

    void close(@Disposes Tracing tracing) {
        tracing.close();
    }
}
