package io.handoff.email.delivery;

import io.vertx.ext.mail.SMTPException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpFailuresTest {

    @Test
    void aFiveHundredReplyIsPermanent() {
        SendOutcome outcome = SmtpFailures.classify(new CompletionException(
                new SMTPException("sending failed", 550, List.of("550 5.1.1 <x@y>: mailbox unavailable"), false)));
        assertThat(outcome.kind()).isEqualTo(SendOutcome.Kind.PERMANENT);
        assertThat(outcome.detail()).startsWith("SMTP 550 ").contains("mailbox unavailable");
    }

    @Test
    void aFourHundredReplyIsTransient() {
        SendOutcome outcome = SmtpFailures.classify(new CompletionException(
                new SMTPException("sending failed", 451, List.of("451 4.3.0 try again later"), false)));
        assertThat(outcome.kind()).isEqualTo(SendOutcome.Kind.TRANSIENT);
        assertThat(outcome.detail()).startsWith("SMTP 451 ");
    }

    @Test
    void noConnectionOrNoAnswerIsTransient() {
        assertThat(SmtpFailures.classify(new CompletionException(new ConnectException("Connection refused"))))
                .isEqualTo(SendOutcome.transientFailure("cannot connect to the SMTP server: Connection refused"));
        assertThat(SmtpFailures.classify(new io.smallrye.mutiny.TimeoutException()).kind())
                .isEqualTo(SendOutcome.Kind.TRANSIENT);
        assertThat(SmtpFailures.classify(new IllegalStateException("connection was closed")).kind())
                .isEqualTo(SendOutcome.Kind.TRANSIENT);
    }

    @Test
    void anAddressTheMailLibraryRejectsIsPermanent() {
        assertThat(SmtpFailures.classify(new IllegalArgumentException("invalid email address")).kind())
                .isEqualTo(SendOutcome.Kind.PERMANENT);
    }
}
