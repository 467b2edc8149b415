package io.handoff.deploy.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Collects what a service module reads from its configuration, from its sources: the keys in
 * {@code src/main/resources/application.properties}, its {@code @ConfigMapping} interfaces and
 * {@code @ConfigProperty} injections, and the keys of the Quarkus extensions in its {@code pom.xml}.
 */
public final class ServiceConfigReader {

    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\..+");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private ServiceConfigReader() {
    }

    public static ServiceConfig read(Path module) {
        try {
            String service = module.getFileName().toString();
            Set<String> artifacts = artifacts(module.resolve("pom.xml"));
            Map<String, String> properties = new LinkedHashMap<>();
            Set<String> keys = new TreeSet<>();
            Set<String> families = new TreeSet<>();
            Path file = module.resolve("src/main/resources/application.properties");
            if (Files.exists(file)) {
                Properties raw = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    raw.load(reader);
                }
                // %profile. entries are left out: a key only a test profile sets is not one production reads.
                for (String key : raw.stringPropertyNames()) {
                    if (!key.startsWith("%")) {
                        keys.add(key);
                        properties.put(key, raw.getProperty(key));
                    }
                }
            }
            properties.replaceAll((key, value) -> resolve(value, properties, 0));
            for (String key : keys) {
                Matcher channel = CHANNEL.matcher(key);
                if (channel.matches()) {
                    families.add("mp.messaging." + channel.group(1) + "." + channel.group(2) + ".");
                }
            }
            Set<String> ownKeys = new TreeSet<>();
            List<String> sources = sources(module.resolve("src/main/java"));
            for (String source : sources) {
                ConfigMappingSource.read(source).ifPresent(mapping -> {
                    ownKeys.addAll(mapping.keys());
                    families.addAll(mapping.families());
                });
                Matcher property = CONFIG_PROPERTY.matcher(source);
                while (property.find()) {
                    ownKeys.add(property.group(1));
                }
            }
            keys.addAll(ownKeys);
            keys.addAll(FrameworkKeys.of(artifacts));
            return new ServiceConfig(service, Map.copyOf(properties), Set.copyOf(keys), Set.copyOf(families),
                    Set.copyOf(ownKeys), kafkaKeys(artifacts, sources), artifacts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Kafka client settings a service takes from {@code kafka.*}: all of them where the SmallRye
     * Kafka connector configures the clients; only TLS and SASL for the trigger detector, whose
     * Kafka Streams client gets them through {@code KafkaSecurityProperties} and nothing else.
     */
    private static Set<String> kafkaKeys(Set<String> artifacts, List<String> sources) {
        if (artifacts.contains("quarkus-messaging-kafka")) {
            return KafkaClientKeys.all();
        }
        if (sources.stream().anyMatch(source -> source.contains("KafkaSecurityProperties.of("))) {
            Set<String> security = new TreeSet<>();
            KafkaClientKeys.all().stream().filter(KafkaClientKeys::isSecurity).forEach(security::add);
            return Set.copyOf(security);
        }
        return Set.of();
    }

    private static Set<String> artifacts(Path pom) throws IOException {
        String text = Files.readString(pom);
        int dependencies = text.indexOf("<dependencies>");
        Set<String> artifacts = new TreeSet<>();
        Matcher artifact = ARTIFACT.matcher(text);
        while (dependencies >= 0 && artifact.find(dependencies)) {
            artifacts.add(artifact.group(1));
            dependencies = artifact.end();
        }
        return Set.copyOf(artifacts);
    }

    private static List<String> sources(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** Resolves {@code ${key}} and {@code ${key:default}} against the other properties. */
    private static String resolve(String value, Map<String, String> properties, int depth) {
        if (depth > 10) {
            throw new IllegalStateException("property expression too deep: " + value);
        }
        Matcher expression = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (expression.find()) {
            String replacement = properties.get(expression.group(1));
            if (replacement == null) {
                replacement = expression.group(2) == null ? expression.group() : expression.group(2);
            } else {
                replacement = resolve(replacement, properties, depth + 1);
            }
            expression.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        expression.appendTail(out);
        return out.toString();
    }
}
