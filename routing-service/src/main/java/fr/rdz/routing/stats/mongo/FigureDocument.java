package fr.rdz.routing.stats.mongo;

import fr.rdz.events.Entity;
import fr.rdz.events.Product;
import fr.rdz.routing.stats.domain.Figure;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A {@link Figure} as stored in {@code figures}. */
@Document("figures")
public record FigureDocument(
        @Id String id,
        String day,
        Entity entity,
        Product product,
        String departement,
        String formCode,
        String lpCode,
        String utmSource,
        String utmCampaign,
        String qualityTier,
        String clientId,
        String commandeId,
        Map<String, Integer> counts) {

    /** The figure this document stores, as its projectors read it. */
    Figure toFigure() {
        return new Figure(
                id,
                day,
                entity,
                product,
                departement,
                formCode,
                lpCode,
                utmSource,
                utmCampaign,
                qualityTier,
                clientId,
                commandeId,
                counts);
    }

    public static FigureDocument of(Figure f) {
        return new FigureDocument(
                f.id(),
                f.day(),
                f.entity(),
                f.product(),
                f.departement(),
                f.formCode(),
                f.lpCode(),
                f.utmSource(),
                f.utmCampaign(),
                f.qualityTier(),
                f.clientId(),
                f.commandeId(),
                f.counts());
    }
}
