package io.handoff.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the NetworkPolicies of a namespace let one pod reach and be reached by, in the terms the
 * deployment's rules are stated in (DNS, Kafka, its database, the ingress controller, ...). A rule
 * that fits none of them is reported as it is, so that a test can fail on it.
 */
public final class NetworkAccess {

    /** Where traffic may go to or come from. */
    public enum Peer {
        DNS, KAFKA, DATABASE, SMTP, HTTPS, PUBLIC_INTERNET, INGRESS_CONTROLLER, PROMETHEUS, DATABASE_CLIENTS, SMTP_CLIENTS
    }

    /** Private, loopback, link-local and carrier-grade NAT ranges: what "public" excludes. */
    private static final Set<String> NON_PUBLIC_IPV4 = Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10");
    private static final Set<String> DATABASE_SERVICES = Set.of("escalation-router", "livechat-gateway",
            "notifier-slack", "notifier-webhook");

    private final List<NetworkPolicy> policies;

    public NetworkAccess(List<NetworkPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    /** The policies that select a pod with these labels. */
    public List<NetworkPolicy> selecting(Map<String, String> labels) {
        return policies.stream().filter(p -> LabelSelectors.matches(p.getSpec().getPodSelector(), labels)).toList();
    }

    /** Whether both directions are denied to the pod unless another policy allows them. */
    public boolean isolated(Map<String, String> labels) {
        List<NetworkPolicy> selecting = selecting(labels);
        return selecting.stream().anyMatch(p -> types(p).contains("Ingress"))
                && selecting.stream().anyMatch(p -> types(p).contains("Egress"));
    }

    /** Where the pod may send traffic; anything unclassified is returned as its description. */
    public Set<String> egress(Map<String, String> labels) {
        Set<String> reach = new TreeSet<>();
        for (NetworkPolicy policy : selecting(labels)) {
            if (!types(policy).contains("Egress") || policy.getSpec().getEgress() == null) {
                continue;
            }
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                Set<Integer> ports = ports(rule.getPorts());
                if (rule.getTo() == null || rule.getTo().isEmpty()) {
                    reach.add("anywhere, ports " + ports + " (" + policy.getMetadata().getName() + ")");
                    continue;
                }
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    reach.add(egressPeer(peer, ports, policy.getMetadata().getName()));
                }
            }
        }
        return reach;
    }

    /** Who may send traffic to the pod; anything unclassified is returned as its description. */
    public Set<String> ingress(Map<String, String> labels) {
        Set<String> reach = new TreeSet<>();
        for (NetworkPolicy policy : selecting(labels)) {
            if (!types(policy).contains("Ingress") || policy.getSpec().getIngress() == null) {
                continue;
            }
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                    reach.add("anyone (" + policy.getMetadata().getName() + ")");
                    continue;
                }
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    reach.add(ingressPeer(peer, policy.getMetadata().getName()));
                }
            }
        }
        return reach;
    }

    private static String egressPeer(NetworkPolicyPeer peer, Set<Integer> ports, String policy) {
        if (namespaceNamed(peer.getNamespaceSelector(), "kube-system")
                && "kube-dns".equals(label(peer.getPodSelector(), "k8s-app")) && ports.equals(Set.of(53))) {
            return Peer.DNS.name();
        }
        if (peer.getNamespaceSelector() == null && peer.getPodSelector() != null) {
            if ("handoff".equals(label(peer.getPodSelector(), "strimzi.io/cluster"))
                    && "handoff-kafka".equals(label(peer.getPodSelector(), "strimzi.io/name")) && ports.equals(Set.of(9093))) {
                return Peer.KAFKA.name();
            }
            String name = label(peer.getPodSelector(), "app.kubernetes.io/name");
            if ("postgres".equals(name) && ports.equals(Set.of(5432))) {
                return Peer.DATABASE.name();
            }
            if ("mailpit".equals(name) && ports.equals(Set.of(1025))) {
                return Peer.SMTP.name();
            }
        }
        IPBlock block = peer.getIpBlock();
        if (block != null && peer.getPodSelector() == null && peer.getNamespaceSelector() == null) {
            boolean everywhere = block.getCidr().equals("0.0.0.0/0") || block.getCidr().equals("::/0");
            Set<String> except = block.getExcept() == null ? Set.of() : Set.copyOf(block.getExcept());
            if (!everywhere && ports.equals(Set.of(5432))) {
                return Peer.DATABASE.name();
            }
            if (everywhere && except.isEmpty() && ports.equals(Set.of(25, 465, 587))) {
                return Peer.SMTP.name();
            }
            if (everywhere && except.isEmpty() && ports.equals(Set.of(443))) {
                return Peer.HTTPS.name();
            }
            if (block.getCidr().equals("0.0.0.0/0") && except.containsAll(NON_PUBLIC_IPV4) && ports.isEmpty()) {
                return Peer.PUBLIC_INTERNET.name();
            }
            if (block.getCidr().equals("::/0") && except.containsAll(Set.of("::1/128", "fc00::/7", "fe80::/10"))
                    && ports.isEmpty()) {
                return Peer.PUBLIC_INTERNET.name();
            }
        }
        return "unclassified " + peer + " ports " + ports + " (" + policy + ")";
    }

    private static String ingressPeer(NetworkPolicyPeer peer, String policy) {
        if (peer.getPodSelector() == null && namespaceNamed(peer.getNamespaceSelector(), "ingress-nginx")) {
            return Peer.INGRESS_CONTROLLER.name();
        }
        if (peer.getPodSelector() == null && namespaceNamed(peer.getNamespaceSelector(), "monitoring")) {
            return Peer.PROMETHEUS.name();
        }
        if (peer.getNamespaceSelector() == null && peer.getIpBlock() == null && peer.getPodSelector() != null) {
            LabelSelector pods = peer.getPodSelector();
            Set<String> selected = Set.of("trigger-detector", "escalation-router", "notifier-email", "notifier-slack",
                    "notifier-webhook", "livechat-gateway").stream()
                    .filter(name -> LabelSelectors.matches(pods, Map.of("app.kubernetes.io/name", name)))
                    .collect(Collectors.toSet());
            if (selected.equals(DATABASE_SERVICES)) {
                return Peer.DATABASE_CLIENTS.name();
            }
            if (selected.equals(Set.of("notifier-email"))) {
                return Peer.SMTP_CLIENTS.name();
            }
        }
        return "unclassified " + peer + " (" + policy + ")";
    }

    private static boolean namespaceNamed(LabelSelector selector, String name) {
        return name.equals(label(selector, "kubernetes.io/metadata.name"));
    }

    private static String label(LabelSelector selector, String key) {
        return selector == null || selector.getMatchLabels() == null ? null : selector.getMatchLabels().get(key);
    }

    private static Set<Integer> ports(List<NetworkPolicyPort> ports) {
        Set<Integer> numbers = new TreeSet<>();
        if (ports != null) {
            for (NetworkPolicyPort port : ports) {
                IntOrString value = port.getPort();
                numbers.add(value == null || value.getIntVal() == null ? -1 : value.getIntVal());
            }
        }
        return numbers;
    }

    private static List<String> types(NetworkPolicy policy) {
        return policy.getSpec().getPolicyTypes() == null ? List.of("Ingress") : policy.getSpec().getPolicyTypes();
    }
}
