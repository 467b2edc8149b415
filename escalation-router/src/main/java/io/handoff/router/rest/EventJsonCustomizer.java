package io.handoff.router.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.events.json.EventJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** The API speaks the same JSON as the events: ISO instants, absent fields left out. */
@Singleton
public class EventJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
