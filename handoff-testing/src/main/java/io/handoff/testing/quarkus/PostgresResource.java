package io.handoff.testing.quarkus;

import io.handoff.testing.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a Quarkus test's default datasource at a real PostgreSQL. Set the init argument
 * {@code database} to give a service its own database (default {@code handoff}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database = "handoff";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        String url = PostgresServer.shared().createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "quarkus.datasource.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // shared for the JVM; a shutdown hook stops it
    }
}
