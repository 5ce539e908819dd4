package fr.rdz.delivery.run.web;

import fr.rdz.delivery.run.application.ReadingCommandeProgress;
import fr.rdz.kit.PortalClient;
import fr.rdz.kit.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The buyers' portal routes of delivery (role {@code client}, through the console's token): the
 * caller's own commandes with their week (quota, progress) and last batches — the same answer as
 * {@code GET /admin/commandes/{id}/progress}. The client id is always the token's; another
 * client's commande is a 404 and is never listed.
 */
@RestController
@Tag(name = "Portal", description = "A buyer's own commandes and batches (role client)")
class PortalCommandesController {

    private final ReadingCommandeProgress reading;

    PortalCommandesController(ReadingCommandeProgress reading) {
        this.reading = reading;
    }

    @GetMapping("/portal/commandes")
    @Operation(summary = "The caller's commandes, each with its week's progress and its batches of the last 14 days")
    Mono<List<CommandeProgressController.ProgressResponse>> commandes(@RequestParam Map<String, String> params) {
        LocalDate date = date(params);
        return PortalClient.current().flatMap(client -> reading.commandesOfClient(client.clientId())
                .concatMap(id -> reading.progressForClient(id, date, client.clientId()))
                .map(CommandeProgressController.ProgressResponse::of)
                .sort(Comparator.comparing(CommandeProgressController.ProgressResponse::commandeId))
                .collectList());
    }

    @GetMapping("/portal/commandes/{id}")
    @Operation(summary = "One of the caller's commandes with its week's progress (404 for any other)")
    Mono<CommandeProgressController.ProgressResponse> commande(
            @PathVariable String id, @RequestParam Map<String, String> params) {
        LocalDate date = date(params);
        return PortalClient.current()
                .flatMap(client -> reading.progressForClient(id, date, client.clientId()))
                .map(CommandeProgressController.ProgressResponse::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("no commande " + id + " of yours")));
    }

    private static LocalDate date(Map<String, String> params) {
        Problems.Checks checks = Problems.checks().onlyKnown(params.keySet(), Set.of("date"));
        LocalDate date = checks.date("date", params.get("date"));
        checks.orFail();
        return date;
    }
}
