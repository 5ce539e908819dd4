package fr.rdz.crmpush.push.application;

import fr.rdz.crmpush.push.domain.PushTask;
import fr.rdz.events.DeliveryPlanned;
import fr.rdz.events.PlannedLead;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A planned batch for a client with an API channel ({@code api} or {@code both}) becomes one push task per lead, so
 * that each lead is tried, retried and dead-lettered on its own. Other channels are ignored. Redelivered batches
 * publish the tasks again: the push ledger makes that harmless.
 */
public class FanningOutBatch {

    private static final Logger log = LoggerFactory.getLogger(FanningOutBatch.class);

    private final TaskPublisher tasks;

    public FanningOutBatch(TaskPublisher tasks) {
        this.tasks = tasks;
    }

    public Mono<Integer> fanOut(DeliveryPlanned batch) {
        if (batch.client() == null
                || batch.client().deliveryChannel() == null
                || !batch.client().deliveryChannel().byApi()) {
            return Mono.just(0);
        }
        List<PushTask> list = batch.leads() == null
                ? List.of()
                : batch.leads().stream()
                        .map(PlannedLead::lead)
                        .map(lead -> new PushTask(
                                batch.batchId(),
                                batch.runId(),
                                batch.runDate(),
                                batch.entity(),
                                batch.product(),
                                batch.commandeId(),
                                batch.client().id(),
                                batch.client().name(),
                                batch.client().apiUrl(),
                                batch.client().apiKeyEncrypted(),
                                lead))
                        .toList();
        log.info(
                "Batch {} for client {}: {} CRM push task(s)",
                batch.batchId(),
                batch.client().id(),
                list.size());
        return tasks.publish(list).thenReturn(list.size());
    }
}
