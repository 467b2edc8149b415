package io.handoff.deploy.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Checks that every environment variable a deployment gives a service sets a configuration key the
 * service reads. A key renamed in a service (a {@code @ConfigMapping} method, a channel, a property)
 * leaves the old variable in Compose or Kubernetes setting nothing, which the service would silently
 * ignore: this check reports it instead.
 *
 * @param imageVariables variables the container image itself reads (its entrypoint and healthcheck),
 *                       which are not configuration keys
 */
public record ConfigKeyCheck(Set<String> imageVariables) {

    /** A variable that sets nothing the service reads. */
    public record UnknownVariable(String where, String service, String variable) {
        @Override
        public String toString() {
            return where + ": " + variable + " is not a configuration key " + service + " reads";
        }
    }

    /**
     * The variables among {@code variables} that {@code service} does not read.
     *
     * @param where the file and place they are set, for the report
     */
    public List<UnknownVariable> unknown(String where, ServiceConfig service, Collection<String> variables) {
        List<UnknownVariable> unknown = new ArrayList<>();
        for (String variable : variables) {
            if (!imageVariables.contains(variable) && !service.readsVariable(variable)) {
                unknown.add(new UnknownVariable(where, service.service(), variable));
            }
        }
        return unknown;
    }
}
