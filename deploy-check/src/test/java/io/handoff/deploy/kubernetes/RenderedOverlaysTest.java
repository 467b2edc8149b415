package io.handoff.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.handoff.deploy.Overlays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Kustomize directory meant to be applied renders with the kubectl at hand, and every object it
 * renders reads into its typed model (fabric8 for Kubernetes, Strimzi's API, KEDA and the Prometheus
 * Operator's ServiceMonitor) without an unknown field: {@link Overlays#rendered} fails otherwise.
 */
class RenderedOverlaysTest {

    static final List<String> ALL = Overlays.ALL;

    @ParameterizedTest
    @FieldSource("ALL")
    void rendersAndEveryObjectFitsItsModel(String directory) {
        assertThat(Overlays.rendered(directory).all()).isNotEmpty();
    }

    @ParameterizedTest
    @FieldSource("ALL")
    void everyObjectLivesInTheHandoffNamespace(String directory) {
        assertThat(Overlays.rendered(directory).all(HasMetadata.class))
                .filteredOn(o -> !(o instanceof Namespace))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as(o.getKind() + " " + o.getMetadata().getName())
                        .isEqualTo("handoff"));
    }
}
