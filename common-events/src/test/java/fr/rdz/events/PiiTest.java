package fr.rdz.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiTest {

    @Test
    void masksAllButTheLastTwoDigitsOfAPhone() {
        assertThat(Pii.maskPhone("0612345678")).isEqualTo("********78");
        assertThat(Pii.maskPhone(null)).isEmpty();
    }

    @Test
    void aPhoneHashIsTheHexSha256OfTheNumber() {
        // echo -n 0612345678 | sha256sum
        assertThat(Pii.phoneHash("0612345678"))
                .isEqualTo("eb8ee2449ad37fd3d1afc82aa7bf19407837e3b8b77a7841c1ac7ad6b611394b")
                .isNotEqualTo(Pii.phoneHash("0612345679"));
        assertThat(Pii.phoneHash(" ")).isNull();
        assertThat(Pii.phoneHash(null)).isNull();
    }
}
