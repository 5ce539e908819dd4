package fr.rdz.routing;

import static fr.rdz.routing.AdminApi.get;
import static fr.rdz.routing.AdminApi.list;
import static fr.rdz.routing.AdminApi.post;
import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.CatalogStatus;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.FormSnapshot;
import fr.rdz.events.LpSnapshot;
import fr.rdz.events.SecretBox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import reactor.core.publisher.Flux;

class CatalogApiIT extends RoutingIntegrationTest {

    private static final String TEST_SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @BeforeEach
    void reset() {
        clock.set(START);
        tap();
    }

    @Test
    void generatesTheNextFreeCodesAndPublishesSnapshots() {
        Map<String, Object> lp = post(admin(), "/admin/lps", Catalogs.lp("ZR7"));
        assertThat((String) lp.get("code")).matches("LP-\\d{3,}");
        Map<String, Object> form = post(
                admin(),
                "/admin/forms",
                Map.of("entity", "ZR7", "product", "PAC", "name", "PAC IDF", "lp_code", lp.get("code")));
        String code = (String) form.get("code");
        assertThat(code).matches("PAC-\\d{3,}");
        assertThat(form.get("liaison_code")).isEqualTo(lp.get("code") + "_" + code);

        FormSnapshot snapshot = tap().await(FormSnapshot.class, f -> f.code().equals(code));
        assertThat(snapshot.lpCode()).isEqualTo(lp.get("code"));
        tap().await(LpSnapshot.class, l -> l.code().equals(lp.get("code")));

        String copy = (String)
                post(admin(), "/admin/forms/" + code + "/duplicate", Map.of()).get("code");
        assertThat(copy).isNotEqualTo(code).startsWith("PAC-");
        admin().post()
                .uri("/admin/forms/" + code + "/archive")
                .exchange()
                .expectStatus()
                .isOk();
        tap().await(FormSnapshot.class, f -> f.code().equals(code) && f.status() == CatalogStatus.ARCHIVED);
        assertThat(list(admin(), "/admin/forms?product=PAC"))
                .extracting(f -> (Object) f.get("code"))
                .contains(copy)
                .doesNotContain(code);
        assertThat(list(admin(), "/admin/forms?status=archived"))
                .extracting(f -> (Object) f.get("code"))
                .contains(code);
    }

    @Test
    void aCodeGivenByHandIsKeptAndSkippedByGeneration() {
        post(admin(), "/admin/forms", Map.of("code", "ITE-900", "entity", "MDL", "product", "ITE", "name", "x"));
        String next = (String)
                post(admin(), "/admin/forms", Catalogs.form("MDL", "ITE")).get("code");
        assertThat(next).isEqualTo("ITE-901");
        admin().post()
                .uri("/admin/forms")
                .bodyValue(Map.of("code", "ITE-900", "entity", "MDL", "product", "ITE", "name", "again"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void fiftyConcurrentFormCreationsGetFiftyDistinctCodes() {
        List<String> codes = Flux.range(0, 50)
                .flatMap(
                        i -> admin().post()
                                .uri("/admin/forms")
                                .bodyValue(Catalogs.form("ZR7", "PV"))
                                .exchange()
                                .returnResult(new ParameterizedTypeReference<Map<String, Object>>() {})
                                .getResponseBody()
                                .map(m -> String.valueOf(m.get("code"))),
                        50)
                .collectList()
                .block();
        assertThat(codes).hasSize(50).allMatch(c -> c.matches("PV-\\d{3,}"));
        assertThat(Set.copyOf(codes)).hasSize(50);
    }

    @Test
    void keepsTheApiKeyWriteOnlyAndPublishesItOnlyEncrypted() {
        Map<String, Object> client = post(admin(), "/admin/clients", Catalogs.client("ZR7"));
        String id = (String) client.get("id");
        assertThat(client).doesNotContainKey("api_key").doesNotContainKey("api_key_encrypted");
        assertThat(client.get("api_key_hint")).isEqualTo("****6789");
        assertThat(client.get("delivery_channel")).isEqualTo("both");

        ClientSnapshot snapshot = tap().await(ClientSnapshot.class, c -> c.id().equals(id));
        assertThat(snapshot.apiKeyEncrypted()).startsWith("v1:").doesNotContain(Catalogs.API_KEY);
        assertThat(new SecretBox(TEST_SECRET).decrypt(snapshot.apiKeyEncrypted()))
                .isEqualTo(Catalogs.API_KEY);

        Map<String, Object> rename = new HashMap<>(Catalogs.client("ZR7"));
        rename.remove("api_key");
        rename.put("name", "Renamed");
        admin().put()
                .uri("/admin/clients/" + id)
                .bodyValue(rename)
                .exchange()
                .expectStatus()
                .isOk();
        ClientSnapshot renamed = tap().await(
                        ClientSnapshot.class, c -> c.id().equals(id) && c.name().equals("Renamed"));
        assertThat(new SecretBox(TEST_SECRET).decrypt(renamed.apiKeyEncrypted()))
                .isEqualTo(Catalogs.API_KEY);
    }

    @Test
    void softDeletesAndPublishesTheDeletion() {
        String clientId =
                (String) post(admin(), "/admin/clients", Catalogs.client("MDL")).get("id");
        String commandeId =
                (String) post(admin(), "/admin/commandes", Catalogs.commande("MDL", clientId, "PV", List.of("*")))
                        .get("id");
        assertThat(get(admin(), "/admin/commandes/" + commandeId).get("departements"))
                .isEqualTo(List.of("*"));

        admin().delete()
                .uri("/admin/commandes/" + commandeId)
                .exchange()
                .expectStatus()
                .isNoContent();
        admin().get()
                .uri("/admin/commandes/" + commandeId)
                .exchange()
                .expectStatus()
                .isNotFound();
        CommandeSnapshot deleted = tap().await(CommandeSnapshot.class, c -> c.id().equals(commandeId) && c.deleted());
        assertThat(deleted.active()).isFalse();

        admin().delete()
                .uri("/admin/clients/" + clientId)
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(tap().await(ClientSnapshot.class, c -> c.id().equals(clientId) && c.deleted())
                        .active())
                .isFalse();
        assertThat(list(admin(), "/admin/clients"))
                .extracting(c -> (Object) c.get("id"))
                .doesNotContain(clientId);
    }

    @Test
    void refusesInvalidCommandesWithAClearMessage() {
        String zr7 =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        Map<String, String> expectations = Map.of(
                "departements", "unknown département",
                "weekly_quota", "weekly_quota must be 0 or more",
                "lb_max_percent", "lb_max_percent must be between 0 and 100",
                "entity", "belongs to entity ZR7",
                "product", "invalid value 'XX' for product",
                "client_id", "unknown client_id");
        Map<String, Object> bad = Map.of(
                "departements",
                List.of("75", "99"),
                "weekly_quota",
                -1,
                "lb_max_percent",
                150,
                "entity",
                "MDL",
                "product",
                "XX",
                "client_id",
                "nope");
        for (var e : expectations.entrySet()) {
            Map<String, Object> body = new HashMap<>(Catalogs.commande("ZR7", zr7, "PV", List.of("75")));
            body.put(e.getKey(), bad.get(e.getKey()));
            admin().post()
                    .uri("/admin/commandes")
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.error")
                    .value(message -> assertThat((String) message).contains(e.getValue()));
        }
    }

    @Test
    void namesEveryBrokenTermOfACommandeAtOnce() {
        String zr7 =
                (String) post(admin(), "/admin/clients", Catalogs.client("ZR7")).get("id");
        Map<String, Object> body = new HashMap<>(Catalogs.commande("ZR7", zr7, "PV", List.of("75", "99")));
        body.put("weekly_quota", -1);
        body.put("lb_max_percent", 150);
        admin().post()
                .uri("/admin/commandes")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of("departements", "weekly_quota", "lb_max_percent"))
                .jsonPath("$.invalid_params[1].reason")
                .isEqualTo("weekly_quota must be 0 or more, got -1");
    }

    @Test
    void refusesAnApiClientWithoutKey() {
        Map<String, Object> body = new HashMap<>(Catalogs.client("ZR7"));
        body.remove("api_key");
        admin().post()
                .uri("/admin/clients")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("api_key is required for delivery_channel both");
    }

    static Set<Object> ids(List<Map<String, Object>> items, String field) {
        return items.stream().map(m -> m.get(field)).collect(Collectors.toSet());
    }
}
