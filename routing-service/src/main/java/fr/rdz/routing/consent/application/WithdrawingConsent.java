package fr.rdz.routing.consent.application;

import fr.rdz.events.ConsentProof;
import fr.rdz.events.ConsentProofLink;
import fr.rdz.events.ConsentWithdrawn;
import fr.rdz.events.Envelope;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadRouted;
import fr.rdz.events.Pii;
import fr.rdz.events.RoutingState;
import fr.rdz.routing.lead.application.LeadRecords;
import fr.rdz.routing.lead.application.StoredLead;
import fr.rdz.routing.lead.domain.RoutingDecision;
import fr.rdz.routing.outbox.OutboxRelay;
import fr.rdz.rules.ThirtyDayWindow;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A person withdraws their consent (opposition, spec §11): confirmed by their phone and the e-mail
 * of one of their leads, or by the signed link of one of their leads. The withdrawal is kept by
 * phone hash (later leads of that person are routed {@code no_consent}, reason
 * {@value RoutingDecision#WITHDRAWN_REASON}); each of their leads is marked withdrawn, gets a
 * history line, and a new {@code LeadRouted} ({@code no_consent}, the proof with
 * {@code withdrawn_at}) goes out through its outbox, so delivery takes it out of its pool and never
 * delivers it again. The clients who received one of these leads in the last 30 days are named in
 * the history line; a {@code ConsentWithdrawn} event (same outbox write) names them, and goes out even
 * when nobody is to be told, so that the channels leave the lead out of a batch planned just before.
 */
@Service
public class WithdrawingConsent {

    private static final Logger log = LoggerFactory.getLogger(WithdrawingConsent.class);
    static final String PRODUCER = "routing-service";

    /** What was done: whether the confirmation matched, how many leads changed, the clients to tell. */
    public record Withdrawal(boolean matched, long leadsWithdrawn, Set<String> clientsToTell, Instant at) {

        static Withdrawal none(Instant at) {
            return new Withdrawal(false, 0, Set.of(), at);
        }
    }

    private final ConsentWithdrawals withdrawals;
    private final LeadRecords leads;
    private final OutboxRelay relay;
    private final SigningProofLinks links;
    private final Clock clock;

    public WithdrawingConsent(
            ConsentWithdrawals withdrawals,
            LeadRecords leads,
            OutboxRelay relay,
            SigningProofLinks links,
            Clock clock) {
        this.withdrawals = withdrawals;
        this.leads = leads;
        this.relay = relay;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Withdrawal confirmed by phone and e-mail: it applies only when one lead of that (normalised)
     * phone carries that e-mail (case-insensitive); otherwise nothing is recorded.
     */
    public Mono<Withdrawal> byPhoneAndEmail(String phone, String email) {
        Instant now = clock.instant();
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        return leadsOf(phone)
                .any(doc -> doc.lead().contact() != null
                        && doc.lead().contact().email() != null
                        && doc.lead()
                                .contact()
                                .email()
                                .trim()
                                .toLowerCase(Locale.ROOT)
                                .equals(wanted))
                .flatMap(matched -> matched ? withdraw(phone, "phone_email", now) : Mono.just(Withdrawal.none(now)));
    }

    /** Withdrawal through a lead's signed proof link: the link names the lead, the lead names the person. */
    public ConsentProofLink.Check checkLink(String leadId, String expires, String signature) {
        return links.check(leadId, expires, signature);
    }

    public Mono<Withdrawal> bySignedLink(String leadId) {
        Instant now = clock.instant();
        return leads.byId(leadId)
                .filter(doc -> doc.lead() != null && doc.lead().phone() != null && !doc.erased())
                .flatMap(doc -> withdraw(doc.lead().phone(), "signed_link", now))
                .defaultIfEmpty(Withdrawal.none(now));
    }

    private Mono<Withdrawal> withdraw(String phone, String via, Instant now) {
        String hash = Pii.phoneHash(phone);
        Mono<Instant> first = withdrawals.recordFirst(hash, now, via);
        return first.flatMap(at -> leadsOf(phone)
                .filter(doc ->
                        doc.lead().consent() == null || !doc.lead().consent().withdrawn())
                .concatMap(doc -> markWithdrawn(doc, at, now))
                .collectList()
                .map(changed -> {
                    Set<String> clients = new LinkedHashSet<>();
                    changed.forEach(clients::addAll);
                    log.info(
                            "Consent withdrawn by {} ({}): {} lead(s) out of distribution, {} client(s) to tell",
                            Pii.maskPhone(phone),
                            via,
                            changed.size(),
                            clients.size());
                    return new Withdrawal(true, changed.size(), clients, at);
                }));
    }

    /** Marks one lead withdrawn and queues its new {@code LeadRouted}; emits the clients who got it in the last 30 days. */
    private Mono<Set<String>> markWithdrawn(StoredLead doc, Instant withdrawnAt, Instant now) {
        LeadData lead = withdrawn(doc.lead(), withdrawnAt);
        Envelope<LeadRouted> routed = Envelope.of(
                new LeadRouted(lead, RoutingState.NO_CONSENT, List.of(), RoutingDecision.WITHDRAWN_REASON, null),
                PRODUCER,
                now);
        Set<String> toTell = new LinkedHashSet<>();
        for (StoredLead.Delivery d : doc.deliveries() == null ? List.<StoredLead.Delivery>of() : doc.deliveries()) {
            if (d.deliveredAt() != null && ThirtyDayWindow.counts(d.deliveredAt(), now)) {
                toTell.add(d.clientId());
            }
        }
        boolean delivered = "delivered".equals(doc.status()) || "rejected".equals(doc.status());
        // Always published, even with nobody to tell: a batch planned before this withdrawal but not
        // yet recorded here still holds the lead, and notifier and crm-push leave it out only if they
        // hear of the withdrawal. The clients who received the lead in the last 30 days are named
        // (notifier: a paragraph in their next batch e-mail).
        Envelope<ConsentWithdrawn> notice = Envelope.of(
                new ConsentWithdrawn(lead.leadId(), lead.phone(), lead.entity(), withdrawnAt, List.copyOf(toTell)),
                PRODUCER,
                now);
        return leads.markWithdrawn(
                        doc.id(),
                        lead,
                        RoutingDecision.WITHDRAWN_REASON,
                        toTell.isEmpty() ? null : "clients à informer : " + String.join(", ", toTell),
                        !delivered,
                        routed,
                        notice,
                        now)
                .doFinally(signal -> relay.flush("leads", doc.id()))
                .thenReturn(toTell);
    }

    /**
     * The person's leads in routing: the ids kept under their phone in {@code lead_lookup}, each lead
     * then read by {@code _id} (no scan of the leads), not erased and still of that phone. The
     * phone must already be normalised (10 digits), as the lookup keys are.
     */
    private Flux<StoredLead> leadsOf(String phone) {
        return leads.ofPhone(phone)
                .filter(doc -> doc.lead() != null
                        && !doc.erased()
                        && doc.lead().contact() != null
                        && phone.equals(doc.lead().contact().phone()));
    }

    /** The lead with its consent marked withdrawn at {@code at}. */
    public static LeadData withdrawn(LeadData lead, Instant at) {
        ConsentProof c = lead.consent() == null
                ? new ConsentProof(null, null, null, null, null, null, null, null, null)
                : lead.consent();
        return new LeadData(
                lead.leadId(),
                lead.receivedAt(),
                lead.entity(),
                lead.product(),
                lead.contact(),
                lead.project(),
                lead.source(),
                c.withdrawnAt(at));
    }
}
