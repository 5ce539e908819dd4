package fr.rdz.notifier.email.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void keepsTheCauseChainAndMasksAddresses() {
        Exception failure = new IllegalStateException(
                "Mail server connection failed",
                new IOException("550 5.1.1 <leads@solaire-pro.example.fr>: user unknown"));
        assertThat(FailureReason.of(failure))
                .isEqualTo("IllegalStateException: Mail server connection failed <- IOException: 550 5.1.1 "
                        + "<l***@solaire-pro.example.fr>: user unknown");
    }

    @Test
    void isShort() {
        assertThat(FailureReason.clean("x".repeat(2000))).hasSize(FailureReason.MAX_LENGTH);
    }
}
