package io.handoff.email.mail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"jane@example.com", "jane.doe+chat@mail.example.co.uk", "o'brien@example.ie"})
    void onePlainAddressCanBeRepliedTo(String address) {
        assertThat(EmailAddresses.isPlainAddress(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane at example dot com", "jane@localhost", "Jane <jane@example.com>",
            "a@example.com, b@example.com", "jane@example.com\r\nBcc: x@example.com", "@example.com", ""})
    void anythingElseIsNotPutIntoReplyTo(String value) {
        assertThat(EmailAddresses.isPlainAddress(value)).isFalse();
    }
}
