package fr.rdz.routing.lead.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.rdz.events.Product;
import fr.rdz.routing.support.RecordingWireServer;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The phone facts routing reads by {@code _id} when it routes a lead, against the Mongo wire server
 * the stack runs: written once per fact, read per phone and product, and forgotten exactly as the
 * ledger and routing records they stand for (erasure of the person, retention limits).
 */
class PhoneFactsStoreTest {

    private static final String PHONE = "0612345678";
    private static final Instant DAY_1 = Instant.parse("2026-01-10T09:30:00Z");
    private static final Instant DAY_40 = Instant.parse("2026-02-18T09:30:00Z");

    private RecordingWireServer wire;
    private PhoneFactsStore store;

    @BeforeEach
    void setUp() {
        wire = new RecordingWireServer("rdz_routing_phone_facts_test");
        store = new PhoneFactsStore(wire.mongo());
    }

    @AfterEach
    void tearDown() {
        wire.close();
    }

    @Test
    void aFactWrittenTwiceIsKeptOncePerPhoneAndProduct() {
        store.delivered(line("lead-1", "client-a", PHONE, Product.PV, DAY_1)).block();
        store.delivered(line("lead-1", "client-a", PHONE, Product.PV, DAY_1)).block();
        store.delivered(line("lead-2", "client-b", PHONE, Product.PAC, DAY_40)).block();
        store.rejected(PHONE, Product.PV, "lead-1", "client-a").block();
        store.rejected(PHONE, Product.PV, "lead-1", "client-a").block();

        PhoneFacts pv = store.of(PHONE, Product.PV).block();
        assertThat(pv.deliveriesOrEmpty())
                .extracting(PhoneFacts.Delivered::clientId)
                .containsExactly("client-a");
        assertThat(PhoneFactsStore.rejectingClients(pv)).containsExactly("client-a");
        assertThat(store.of(PHONE, Product.PAC).block().deliveriesOrEmpty())
                .extracting(PhoneFacts.Delivered::clientId)
                .containsExactly("client-b");
        assertThat(store.of("0699999999", Product.PV).block().deliveriesOrEmpty())
                .isEmpty();
    }

    @Test
    void theRetentionLimitForgetsOldDeliveriesAndTheRejectionsOfErasedRecords() {
        store.delivered(line("lead-1", "client-a", PHONE, Product.PV, DAY_1)).block();
        store.delivered(line("lead-2", "client-b", PHONE, Product.PV, DAY_40)).block();
        store.delivered(line("lead-3", "client-c", "0611111111", Product.PV, DAY_1))
                .block();
        store.rejected(PHONE, Product.PV, "lead-1", "client-a").block();

        store.expireDeliveries(DAY_1.plusSeconds(1)).block();
        store.forgetRejections(PHONE, Product.PV, "lead-1").block();

        PhoneFacts pv = store.of(PHONE, Product.PV).block();
        assertThat(pv.deliveriesOrEmpty())
                .extracting(PhoneFacts.Delivered::clientId)
                .containsExactly("client-b");
        assertThat(pv.rejectionsOrEmpty()).isEmpty();
        assertThat(wire.mongo()
                        .findById(PhoneFacts.key("0611111111", Product.PV), PhoneFacts.class)
                        .block())
                .as("facts left empty are removed")
                .isNull();
    }

    @Test
    void anErasureRemovesEveryFactOfThePhone() {
        store.delivered(line("lead-1", "client-a", PHONE, Product.PV, DAY_1)).block();
        store.delivered(line("lead-2", "client-b", PHONE, Product.ITE, DAY_1)).block();
        store.delivered(line("lead-3", "client-c", "0611111111", Product.PV, DAY_1))
                .block();

        store.erasePhone(PHONE).block();

        assertThat(store.of(PHONE, Product.PV).block().deliveriesOrEmpty()).isEmpty();
        assertThat(store.of(PHONE, Product.ITE).block().deliveriesOrEmpty()).isEmpty();
        assertThat(store.of("0611111111", Product.PV).block().deliveriesOrEmpty())
                .hasSize(1);
    }

    private static LedgerEntry line(String leadId, String clientId, String phone, Product product, Instant at) {
        return new LedgerEntry(
                leadId + ":" + clientId + ":batch-1",
                leadId,
                phone,
                product,
                clientId,
                at,
                "event-" + leadId + "-" + clientId,
                "commande-1",
                "batch-1",
                "run-1",
                "fresh",
                false);
    }
}
