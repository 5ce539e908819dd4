package fr.rdz.routing.catalog.application;

import static fr.rdz.routing.catalog.application.CatalogEdits.notBlank;
import static fr.rdz.routing.catalog.application.CatalogEdits.plusSnapshot;
import static fr.rdz.routing.catalog.application.CatalogEdits.require;

import fr.rdz.events.Entity;
import fr.rdz.events.Pii;
import fr.rdz.kit.Operator;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Clients: create, replace, soft-delete; the API key is stored only encrypted, every change published. */
@Service
public class ManagingClients {

    private final Clients store;
    private final ApiKeys apiKeys;
    private final Clock clock;

    public ManagingClients(Clients store, ApiKeys apiKeys, Clock clock) {
        this.store = store;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    public Mono<Client> create(Operator operator, ClientTerms terms) {
        validate(terms, null);
        Scope.requireWrite(operator, terms.entity());
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String key = notBlank(terms.apiKey()) ? terms.apiKey().trim() : null;
        Client doc = new Client(
                id,
                terms.entity(),
                terms.name().trim(),
                ClientDeliverySettings.emails(terms),
                ClientDeliverySettings.channel(terms),
                blank(terms.apiUrl()),
                key == null ? null : apiKeys.encrypt(key),
                key == null ? null : Pii.maskSecret(key),
                terms.active() == null || terms.active(),
                false,
                now,
                now,
                1,
                List.of());
        return store.insert(withSnapshot(doc));
    }

    public Mono<Client> replace(Operator operator, String id, ClientTerms terms) {
        return get(operator, id).flatMap(existing -> {
            Scope.requireWrite(operator, existing.entity());
            if (terms.entity() != null && terms.entity() != existing.entity()) {
                throw RequestRejected.invalid("a client cannot change entity (" + existing.entity() + ")");
            }
            ClientTerms full = new ClientTerms(
                    existing.entity(),
                    terms.name(),
                    terms.emails(),
                    terms.deliveryChannel(),
                    terms.apiUrl(),
                    terms.apiKey(),
                    terms.active());
            validate(full, existing);
            String encrypted = existing.apiKeyEncrypted();
            String hint = existing.apiKeyHint();
            if (terms.apiKey() != null) {
                String key = terms.apiKey().trim();
                encrypted = key.isEmpty() ? null : apiKeys.encrypt(key);
                hint = key.isEmpty() ? null : Pii.maskSecret(key);
            }
            Client changed = new Client(
                    id,
                    existing.entity(),
                    full.name().trim(),
                    ClientDeliverySettings.emails(full),
                    ClientDeliverySettings.channel(full),
                    blank(full.apiUrl()),
                    encrypted,
                    hint,
                    full.active() == null || full.active(),
                    false,
                    existing.createdAt(),
                    clock.instant(),
                    existing.version() + 1,
                    existing.outbox());
            ClientDeliverySettings.requireKeyForApi(changed.deliveryChannel(), changed.apiKeyEncrypted());
            return store.replace(withSnapshot(changed), existing.version());
        });
    }

    public Mono<Client> delete(Operator operator, String id) {
        return get(operator, id).flatMap(existing -> {
            Scope.requireWrite(operator, existing.entity());
            Client changed = new Client(
                    id,
                    existing.entity(),
                    existing.name(),
                    existing.emails(),
                    existing.deliveryChannel(),
                    existing.apiUrl(),
                    existing.apiKeyEncrypted(),
                    existing.apiKeyHint(),
                    false,
                    true,
                    existing.createdAt(),
                    clock.instant(),
                    existing.version() + 1,
                    existing.outbox());
            return store.replace(withSnapshot(changed), existing.version());
        });
    }

    /** A client visible to the operator and not deleted. */
    public Mono<Client> get(Operator operator, String id) {
        return store.client(id)
                .filter(c -> !c.deleted() && Scope.visible(operator, c.entity()))
                .switchIfEmpty(Mono.error(() -> RequestRejected.notFound("no client " + id)));
    }

    public Flux<Client> list(Operator operator, Entity entity, Boolean active) {
        Scope.EntityFilter filter = Scope.filter(operator, entity);
        if (filter.none()) {
            return Flux.empty();
        }
        return store.notDeleted(filter.only(), active);
    }

    private void validate(ClientTerms terms, Client existing) {
        require(terms.entity() != null, "entity is required (ZR7 or MDL)");
        require(notBlank(terms.name()), "name is required");
        ClientDeliverySettings.check(terms, existing == null);
    }

    private static String blank(String s) {
        return CatalogEdits.blankToNull(s);
    }

    private Client withSnapshot(Client d) {
        return d.withOutbox(plusSnapshot(d.outbox(), d.snapshot(), d.updatedAt()));
    }
}
