package io.handoff.events.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressPolicyTest {

    private final AddressPolicy strict = new AddressPolicy(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255", "0.0.0.0", "224.0.0.1",
            "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a00:1"})
    void refusesEveryNonPublicAddress(String address) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(address))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::10.0.0.1", "::a9fe:a9fe", "::7f00:1", "::0.0.0.5", "::ffff:0:a9fe:a9fe", "::ffff:0:10.1.2.3",
            "64:ff9b::a9fe:a9fe", "64:ff9b:1::a9fe:a9fe", "64:ff9b:1::808:808", "2002:a9fe:a9fe::", "2002:7f00:1::1",
            "2002:c0a8:101::", "2001:0:4136:e378:8000:63bf:f5ff:fffe", "2001:0:a00:1::1"})
    void refusesIpv6FormsThatCarryANonPublicIpv4Address(String address) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(address))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::808:808", "::ffff:0:808:808", "64:ff9b::808:808", "2002:808:808::1",
            "2001:0:4136:e378:8000:63bf:f7f7:f7f7"})
    void allowsIpv6FormsThatCarryAPublicIpv4Address(String address) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void aRefusalNamesTheKindOfAddressButNeverTheAddress() throws Exception {
        assertThat(strict.refusal(InetAddress.getByName("10.20.30.40"))).hasValueSatisfying(why -> assertThat(why)
                .contains("private").doesNotContain("10.20.30.40"));
        assertThat(strict.refusal(InetAddress.getByName("::a9fe:a9fe"))).hasValueSatisfying(why -> assertThat(why)
                .contains("link-local").doesNotContain("a9fe").doesNotContain("169.254"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1",
            "2606:4700:4700::1111"})
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void allowListOpensOnlyTheListedRange() throws Exception {
        AddressPolicy development = new AddressPolicy(List.of(Cidr.parse("127.0.0.1/32")));

        assertThat(development.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(development.refusal(InetAddress.getByName("127.0.0.2"))).isPresent();
        assertThat(development.refusal(InetAddress.getByName("::1"))).isPresent();
    }

    @Test
    void rejectsMalformedRanges() {
        assertThatThrownBy(() -> Cidr.parse("localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
