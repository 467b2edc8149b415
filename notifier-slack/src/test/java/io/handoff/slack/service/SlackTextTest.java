package io.handoff.slack.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlackTextTest {

    @Test
    void linksKeepTheirLabelAndAddress() {
        assertThat(SlackText.plain("see <https://acme.example/refunds|our policy> or <https://acme.example>"))
                .isEqualTo("see our policy (https://acme.example/refunds) or https://acme.example");
    }

    @Test
    void mentionsChannelsAndEmailsBecomeReadable() {
        assertThat(SlackText.plain("<@U123|sam> in <#C42|support>, mail <mailto:a@b.com|a@b.com>, <!here>"))
                .isEqualTo("@sam in #support, mail a@b.com, @here");
    }

    @Test
    void escapedCharactersComeBack() {
        assertThat(SlackText.plain("  1 &lt; 2 &amp;&amp; 3 &gt; 2  ")).isEqualTo("1 < 2 && 3 > 2");
    }
}
