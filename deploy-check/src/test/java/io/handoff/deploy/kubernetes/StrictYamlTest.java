package io.handoff.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictYamlTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              template:
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      readinessProbe:
                        httpGet:
                          path: /q/health/ready
                          port: http
                      resources:
                        limits:
                          memory: 512Mi
            """;

    private static final String USER = """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaUser
            metadata:
              name: demo
            spec:
              authentication:
                type: scram-sha-512
              authorization:
                type: simple
                acls:
                  - resource:
                      type: topic
                      name: handoff.escalations
                      patternType: literal
                    operations: [Read, Describe]
            """;

    private static <T> T read(String yaml, Class<T> type) {
        return StrictYaml.read(StrictYaml.documents(yaml).get(0), type);
    }

    @Test
    void readsADeploymentAsItsModel() {
        Deployment deployment = read(DEPLOYMENT, Deployment.class);

        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe()
                .getHttpGet().getPath()).isEqualTo("/q/health/ready");
    }

    @Test
    void refusesAMisspeltFieldThatTheModelWouldOtherwiseKeepAsAnAdditionalProperty() {
        assertThatThrownBy(() -> read(DEPLOYMENT.replace("readinessProbe", "readinessprobe"), Deployment.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readinessprobe");
    }

    @Test
    void refusesAValueOfTheWrongType() {
        assertThatThrownBy(() -> read(DEPLOYMENT.replace("spec:\n  template:", "spec:\n  replicas: many\n  template:"),
                Deployment.class)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("many");
    }

    @Test
    void refusesWhatIsNotYaml() {
        assertThatThrownBy(() -> StrictYaml.documents("a: b\n---\nc: [d\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesFieldsSmuggledInAsAdditionalProperties() {
        String smuggled = USER.replace("      patternType: literal",
                "      patternType: literal\n          additionalProperties: {patterntype: prefix}");

        assertThatThrownBy(() -> read(smuggled, KafkaUser.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnUnknownEnumValueThatTheModelReadsAsNull() {
        assertThatThrownBy(() -> read(USER.replace("[Read, Describe]", "[Reed, Describe]"), KafkaUser.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operations");
    }

    @Test
    void refusesAnUnknownPolymorphicType() {
        assertThatThrownBy(() -> read(USER.replace("type: topic", "type: topics"), KafkaUser.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topics");
    }

    @Test
    void readsEveryDocumentOfAStreamAndSkipsEmptyOnes() {
        assertThat(StrictYaml.documents("---\n" + DEPLOYMENT + "---\n---\n" + USER)).hasSize(2);
    }
}
