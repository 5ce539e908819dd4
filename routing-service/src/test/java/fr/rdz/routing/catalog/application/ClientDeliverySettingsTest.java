package fr.rdz.routing.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.rdz.events.DeliveryChannel;
import fr.rdz.events.Entity;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientDeliverySettingsTest {

    @Test
    void byDefaultAClientIsDeliveredByEmailToAtLeastOneAddressCountedOnce() {
        ClientTerms noAddress = new ClientTerms(Entity.ZR7, "Acme", List.of(" "), null, null, null, null);
        assertThatThrownBy(() -> ClientDeliverySettings.check(noAddress, true))
                .isInstanceOf(RequestRejected.class)
                .hasMessageContaining("emails must hold at least one address for delivery_channel email");
        ClientTerms twice =
                new ClientTerms(Entity.ZR7, "Acme", List.of("a@acme.fr", " a@acme.fr "), null, null, null, null);
        assertThat(ClientDeliverySettings.channel(twice)).isEqualTo(DeliveryChannel.EMAIL);
        assertThat(ClientDeliverySettings.emails(twice)).containsExactly("a@acme.fr");
    }

    @Test
    void byApiAClientNeedsAnHttpUrlAndAKeyWhenNew() {
        ClientTerms ftp = new ClientTerms(Entity.MDL, "Acme", null, DeliveryChannel.API, "ftp://acme.fr", "k", null);
        assertThatThrownBy(() -> ClientDeliverySettings.check(ftp, true))
                .isInstanceOf(RequestRejected.class)
                .hasMessageContaining("api_url must be an http(s) URL");
        ClientTerms noKey =
                new ClientTerms(Entity.MDL, "Acme", null, DeliveryChannel.API, "https://acme.fr/leads", null, null);
        assertThatThrownBy(() -> ClientDeliverySettings.check(noKey, true))
                .isInstanceOf(RequestRejected.class)
                .hasMessageContaining("api_key is required for delivery_channel api");
        assertThatCode(() -> ClientDeliverySettings.check(noKey, false)).doesNotThrowAnyException();
    }
}
