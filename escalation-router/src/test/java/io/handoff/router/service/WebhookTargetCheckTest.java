package io.handoff.router.service;

import io.handoff.events.webhook.AddressPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookTargetCheckTest {

    @Test
    void anAllowListLetsDevelopmentReceiversOnLoopbackThrough() {
        WebhookTargetCheck production = new WebhookTargetCheck(AddressPolicy.allowing(List.of()));
        WebhookTargetCheck development = new WebhookTargetCheck(AddressPolicy.allowing(List.of("127.0.0.0/8")));

        assertThat(production.refusal("http://127.0.0.1:8092/webhook")).hasValueSatisfying(why ->
                assertThat(why).contains("loopback"));
        assertThat(development.refusal("http://127.0.0.1:8092/webhook")).isEmpty();
        assertThat(development.refusal("http://10.0.0.8/webhook")).hasValueSatisfying(why ->
                assertThat(why).contains("private"));
    }

    @Test
    void ipv6LiteralsThatCarryAnInternalIpv4AddressAreRefusedAtSaveTime() {
        WebhookTargetCheck production = new WebhookTargetCheck(AddressPolicy.allowing(List.of()));
        for (String url : List.of("http://[::10.0.0.1]/h", "http://[::a9fe:a9fe]/h", "http://[::ffff:0:a9fe:a9fe]/h",
                "http://[64:ff9b:1::a9fe:a9fe]/h", "http://[2002:a9fe:a9fe::]/h")) {
            assertThat(production.refusal(url)).as(url).isPresent();
        }
    }

    @Test
    void aRefusedNameDoesNotRevealTheAddressItResolvedTo() {
        WebhookTargetCheck production = new WebhookTargetCheck(AddressPolicy.allowing(List.of()));
        assertThat(production.refusal("http://localhost:8092/webhook")).hasValueSatisfying(why ->
                assertThat(why).contains("'localhost'", "loopback").doesNotContain("127.0.0.1").doesNotContain("0:0:0"));
    }

    @Test
    void aNameThatCannotBeResolvedNowIsLeftToTheNotifiersCheck() {
        WebhookTargetCheck production = new WebhookTargetCheck(AddressPolicy.allowing(List.of()));
        assertThat(production.refusal("https://no-such-host.invalid/hook")).isEmpty();
    }
}
