package fr.rdz.crmpush.push.domain;

import fr.rdz.events.Entity;
import fr.rdz.events.LeadData;
import fr.rdz.events.Pii;
import fr.rdz.events.Product;
import java.time.LocalDate;

/**
 * One lead of a planned batch to push into one client's CRM: the unit that is retried, dead-lettered
 * and replayed on its own. Carries the API key only as {@code SecretBox} ciphertext; it is decrypted at
 * the moment of the call and never stored in clear. Internal to crm-push (topic {@code rdz.crm-push.tasks.v1}).
 */
public record PushTask(
        String batchId,
        String runId,
        LocalDate runDate,
        Entity entity,
        Product product,
        String commandeId,
        String clientId,
        String clientName,
        String apiUrl,
        String apiKeyEncrypted,
        LeadData lead) {

    /** The idempotency key of the push: one lead of one batch. */
    public String pushId() {
        return batchId + ":" + leadId();
    }

    public String leadId() {
        return lead == null ? null : lead.leadId();
    }

    /** The same task with the lead's personal data erased ({@link LeadData#erased()}). */
    public PushTask erased() {
        return new PushTask(
                batchId,
                runId,
                runDate,
                entity,
                product,
                commandeId,
                clientId,
                clientName,
                apiUrl,
                apiKeyEncrypted,
                lead == null ? null : lead.erased());
    }

    /** Kafka record key of the task: the lead's phone (lead events are keyed by phone), else the client id. */
    public String recordKey() {
        String phone = lead == null ? null : lead.phone();
        return phone == null || phone.isBlank() ? clientId : phone;
    }

    @Override
    public String toString() {
        return "PushTask[batch=" + batchId + ", lead=" + leadId() + ", client=" + clientId + ", phone="
                + Pii.maskPhone(lead == null ? null : lead.phone()) + "]";
    }
}
