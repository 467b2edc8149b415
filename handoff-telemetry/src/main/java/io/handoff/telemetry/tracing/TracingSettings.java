package io.handoff.telemetry.tracing;

import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a service traces: whether spans leave the process, where to and how. Trace context is passed on
 * whatever these say, so a trace started upstream goes on through Handoff even when it exports nothing.
 *
 * @param serviceName  the {@code service.name} of the exported spans
 * @param exporter     {@link Exporter#NONE} (the default) or {@link Exporter#OTLP}
 * @param endpoint     the OTLP/HTTP traces endpoint, e.g. {@code http://otel-collector:4318/v1/traces}
 * @param protocol     the OTLP/HTTP encoding
 * @param headers      sent with every export (a collector's API key, say); never logged
 * @param samplerRatio the share of new traces recorded, 0 to 1; a trace started upstream follows the upstream decision
 */
public record TracingSettings(String serviceName, Exporter exporter, URI endpoint, Protocol protocol,
                              Map<String, String> headers, double samplerRatio) {

    public static final String PREFIX = "handoff.tracing.";

    public enum Exporter { NONE, OTLP }

    public enum Protocol {
        PROTOBUF("http/protobuf", "application/x-protobuf"),
        JSON("http/json", "application/json");

        private final String key;
        private final String contentType;

        Protocol(String key, String contentType) {
            this.key = key;
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        static Protocol of(String value) {
            for (Protocol p : values()) {
                if (p.key.equalsIgnoreCase(value.trim())) {
                    return p;
                }
            }
            throw new IllegalArgumentException(PREFIX + "otlp.protocol must be http/protobuf or http/json, not " + value);
        }
    }

    public TracingSettings {
        headers = Map.copyOf(headers);
        if (!(samplerRatio >= 0 && samplerRatio <= 1)) {
            throw new IllegalArgumentException(PREFIX + "sampler-ratio must be between 0 and 1, not " + samplerRatio);
        }
        if (exporter == Exporter.OTLP && (endpoint == null || !endpoint.isAbsolute()
                || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())))) {
            throw new IllegalArgumentException(PREFIX + "otlp.endpoint must be an http(s) URL, not " + endpoint);
        }
    }

    /** Context is passed on, nothing is recorded. */
    public static TracingSettings off(String serviceName) {
        return new TracingSettings(serviceName, Exporter.NONE, null, Protocol.PROTOBUF, Map.of(), 1.0);
    }

    /**
     * Reads {@code handoff.tracing.*}: {@code exporter} ({@code none} or {@code otlp}), {@code otlp.endpoint}
     * (default {@code http://localhost:4318/v1/traces}), {@code otlp.protocol} ({@code http/protobuf} or
     * {@code http/json}), {@code otlp.headers} ({@code name=value,name=value}), {@code sampler-ratio} (1.0)
     * and {@code service-name} (the application's name).
     */
    public static TracingSettings from(Config config) {
        String serviceName = config.getOptionalValue(PREFIX + "service-name", String.class)
                .or(() -> config.getOptionalValue("quarkus.application.name", String.class))
                .orElse("handoff");
        String exporter = config.getOptionalValue(PREFIX + "exporter", String.class).orElse("none").trim().toLowerCase(Locale.ROOT);
        Exporter kind = switch (exporter) {
            case "none", "" -> Exporter.NONE;
            case "otlp" -> Exporter.OTLP;
            default -> throw new IllegalArgumentException(PREFIX + "exporter must be none or otlp, not " + exporter);
        };
        URI endpoint = URI.create(config.getOptionalValue(PREFIX + "otlp.endpoint", String.class)
                .orElse("http://localhost:4318/v1/traces").trim());
        Protocol protocol = Protocol.of(config.getOptionalValue(PREFIX + "otlp.protocol", String.class).orElse("http/protobuf"));
        Map<String, String> headers = headers(config.getOptionalValue(PREFIX + "otlp.headers", String.class).orElse(""));
        double ratio = config.getOptionalValue(PREFIX + "sampler-ratio", Double.class).orElse(1.0);
        return new TracingSettings(serviceName, kind, endpoint, protocol, headers, ratio);
    }

    static Map<String, String> headers(String list) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String pair : list.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                // the value may be a secret: name only the position, not the text
                throw new IllegalArgumentException(PREFIX + "otlp.headers must be name=value pairs separated by commas");
            }
            headers.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return headers;
    }

    /** Without the header values, which may be credentials. */
    @Override
    public String toString() {
        return "TracingSettings[serviceName=" + serviceName + ", exporter=" + exporter + ", endpoint=" + endpoint
                + ", protocol=" + protocol + ", headers=" + headers.keySet() + ", samplerRatio=" + samplerRatio + "]";
    }
}
