package fr.rdz.crmpush.push.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CryptoConfigTest {

    @Test
    void refusesToStartWithoutTheApiKeySecret() {
        assertThatThrownBy(() -> CryptoConfig.secretBox(""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RDZ_API_KEY_SECRET");
        assertThatThrownBy(() -> CryptoConfig.secretBox(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void opensWhatRoutingSealedWithTheSameKey() {
        var box = CryptoConfig.secretBox("cmR6LWxvY2FsLWRldi1vbmx5LWFwaS1rZXktYm94ISE=");
        assertThat(box.decrypt(box.encrypt("crm_key_1234"))).isEqualTo("crm_key_1234");
    }

    @Test
    void readsTheSeedDelaysAsAList() {
        var policy = new ListedBackOffPolicy(fr.rdz.crmpush.push.domain.RetrySchedule.SEED_DELAYS);
        java.util.List<Long> slept = new java.util.ArrayList<>();
        var recording = policy.withSleeper(slept::add);
        var context = recording.start(null);
        for (int i = 0; i < 5; i++) {
            recording.backOff(context);
        }
        assertThat(slept).containsExactly(60_000L, 300_000L, 900_000L, 3_600_000L, 7_200_000L);
    }
}
