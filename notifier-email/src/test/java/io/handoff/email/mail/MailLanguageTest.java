package io.handoff.email.mail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;

class MailLanguageTest {

    @ParameterizedTest
    @CsvSource({"en,EN", "es,ES", "es-MX,ES", "fr_CA,FR", "FR,FR", "de-AT,DE", "pt-BR,PT", "pt,PT",
            "ja,EN", "zh-Hant-TW,EN", "not a tag,EN"})
    void theLanguageOfTheLocaleIsUsedWhenWeHaveItAndEnglishOtherwise(String tag, MailLanguage expected) {
        assertThat(MailLanguage.of(tag)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noLocaleMeansEnglish(String tag) {
        assertThat(MailLanguage.of(tag)).isEqualTo(MailLanguage.EN);
    }
}
