package io.handoff.deploy.compose;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code docker-compose.yml} as Compose reads it: anchors and merge keys ({@code <<: *common-env})
 * resolved, the short and long forms of {@code depends_on} and {@code environment} both understood.
 */
public final class ComposeFile {

    private final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    public static ComposeFile read(Path file) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object loaded = new Yaml(new SafeConstructor(options)).load(Files.readString(file));
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(file + " is not a YAML mapping");
            }
            return new ComposeFile(cast(map));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level keys (services, volumes, name, x-… extensions). */
    public List<String> topLevelKeys() {
        return List.copyOf(root.keySet());
    }

    public Map<String, ComposeService> services() {
        Map<String, ComposeService> services = new LinkedHashMap<>();
        Object raw = root.get("services");
        if (raw instanceof Map<?, ?> map) {
            cast(map).forEach((name, definition) -> services.put(name, service(name, cast((Map<?, ?>) definition))));
        }
        return services;
    }

    public List<String> volumes() {
        Object raw = root.get("volumes");
        return raw instanceof Map<?, ?> map ? List.copyOf(cast(map).keySet()) : List.of();
    }

    private static ComposeService service(String name, Map<String, Object> definition) {
        Map<String, String> dependsOn = new LinkedHashMap<>();
        Object depends = definition.get("depends_on");
        if (depends instanceof List<?> list) {
            list.forEach(target -> dependsOn.put(target.toString(), "service_started"));
        } else if (depends instanceof Map<?, ?> map) {
            cast(map).forEach((target, spec) -> dependsOn.put(target,
                    spec instanceof Map<?, ?> s && s.get("condition") != null ? s.get("condition").toString() : "service_started"));
        }
        Map<String, String> environment = new LinkedHashMap<>();
        Object env = definition.get("environment");
        if (env instanceof Map<?, ?> map) {
            cast(map).forEach((key, value) -> environment.put(key, value == null ? null : value.toString()));
        } else if (env instanceof List<?> list) {
            for (Object entry : list) {
                String text = entry.toString();
                int eq = text.indexOf('=');
                environment.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
        }
        Map<String, String> buildArgs = new LinkedHashMap<>();
        Optional<String> dockerfile = Optional.empty();
        if (definition.get("build") instanceof Map<?, ?> build) {
            dockerfile = Optional.ofNullable(build.get("dockerfile")).map(Object::toString);
            if (build.get("args") instanceof Map<?, ?> args) {
                cast(args).forEach((key, value) -> buildArgs.put(key, String.valueOf(value)));
            }
        }
        List<String> volumes = new ArrayList<>();
        if (definition.get("volumes") instanceof List<?> list) {
            list.forEach(v -> volumes.add(v.toString()));
        }
        return new ComposeService(name, Optional.ofNullable(definition.get("image")).map(Object::toString),
                definition.containsKey("build"), dockerfile, buildArgs,
                Optional.ofNullable(definition.get("restart")).map(Object::toString),
                definition.get("healthcheck") instanceof Map<?, ?> h ? Optional.of(cast(h)) : Optional.empty(),
                dependsOn, environment, volumes, definition);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
