package fr.rdz.delivery.pool.application;

import fr.rdz.delivery.run.application.Ledger;
import fr.rdz.events.ClientSnapshot;
import fr.rdz.events.CommandeSnapshot;
import fr.rdz.events.LeadRejected;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.PersonErased;
import fr.rdz.events.Pii;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Keeps delivery's own view of what routing decided: the pool of leads (fresh and no_order leads are
 * distributable; invalid, orphan, double-submit and no-consent leads, and any lead whose person
 * refused to be called, are kept out), the commandes and clients,
 * rejections (never resold to that client) and erasures (personal fields blanked, out of
 * distribution). Every change is an upsert by business id: a redelivered event changes nothing.
 */
@Service
public class KeepingPoolView {

    private static final Logger log = LoggerFactory.getLogger(KeepingPoolView.class);

    private final PoolLeads pool;
    private final Catalog catalog;
    private final Ledger ledger;

    public KeepingPoolView(PoolLeads pool, Catalog catalog, Ledger ledger) {
        this.pool = pool;
        this.catalog = catalog;
        this.ledger = ledger;
    }

    public Mono<Void> leadRouted(LeadRouted routed) {
        if (routed.lead() == null || routed.lead().leadId() == null) {
            return Mono.empty();
        }
        String phone = routed.lead().phone();
        Mono<Boolean> erased = phone == null ? Mono.just(false) : catalog.isErased(Pii.phoneHash(phone));
        return erased.flatMap(e -> pool.upsert(routed, e))
                .doOnSuccess(v -> log.debug(
                        "Pool: lead {} ({}) {}", routed.lead().leadId(), Pii.maskPhone(phone), routed.state()));
    }

    public Mono<Void> commande(CommandeSnapshot commande) {
        return catalog.save(commande);
    }

    public Mono<Void> client(ClientSnapshot client) {
        return catalog.save(client);
    }

    public Mono<Void> leadRejected(LeadRejected rejected) {
        return pool.markRejected(rejected.leadId(), rejected.clientId());
    }

    public Mono<Void> personErased(PersonErased erased) {
        if (erased.phone() == null) {
            return Mono.empty();
        }
        log.info("Erasing the leads of {}", Pii.maskPhone(erased.phone()));
        return catalog.rememberErasure(Pii.phoneHash(erased.phone()), erased.erasedAt())
                .then(pool.erase(erased.phone()))
                .then(ledger.erasePhone(erased.phone(), Pii.phoneHash(erased.phone())));
    }
}
