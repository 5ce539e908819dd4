package fr.rdz.routing.quality.application;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The port to the stored quality mappings, keyed by {@code utm_campaign}. */
public interface QualityMappings {

    /** Every mapping, by campaign. */
    Flux<QualityMapping> all();

    Mono<QualityMapping> mapping(String utmCampaign);

    /** Inserts a new mapping; a campaign already mapped fails with a {@code RequestRejected} conflict. */
    Mono<QualityMapping> insert(QualityMapping mapping);

    /**
     * Replaces the mapping if it is still at {@code expectedVersion}; emits it, or a {@code RequestRejected} conflict
     * when it changed meanwhile.
     */
    Mono<QualityMapping> replace(QualityMapping mapping, long expectedVersion);

    Mono<Void> delete(String utmCampaign);
}
