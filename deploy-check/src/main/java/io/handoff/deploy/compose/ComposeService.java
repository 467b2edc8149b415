package io.handoff.deploy.compose;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of a Compose file, merge keys resolved.
 *
 * @param dependsOn   the services it waits for, each with its condition ({@code service_started} for
 *                    the short form)
 * @param environment its variables and their values (null: passed through from the host)
 * @param definition  everything else, as read
 */
public record ComposeService(String name, Optional<String> image, boolean built, Optional<String> dockerfile,
                             Map<String, String> buildArgs, Optional<String> restart,
                             Optional<Map<String, Object>> healthcheck, Map<String, String> dependsOn,
                             Map<String, String> environment, List<String> volumes, Map<String, Object> definition) {

    /** A container that runs to completion once (topic creation), rather than a long-running service. */
    public boolean runsOnce() {
        return restart.map(r -> r.equals("no")).orElse(false);
    }
}
