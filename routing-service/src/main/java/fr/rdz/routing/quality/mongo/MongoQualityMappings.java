package fr.rdz.routing.quality.mongo;

import fr.rdz.routing.quality.application.QualityMapping;
import fr.rdz.routing.quality.application.QualityMappings;
import fr.rdz.routing.shared.domain.RequestRejected;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link QualityMappings} in {@code quality_mappings} ({@link QualityMappingDocument}, {@code _id} = the campaign). */
@Component
public class MongoQualityMappings implements QualityMappings {

    private final ReactiveMongoTemplate mongo;

    public MongoQualityMappings(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Flux<QualityMapping> all() {
        return mongo.find(new Query().with(Sort.by("_id")), QualityMappingDocument.class)
                .map(MongoQualityMappings::mapping);
    }

    @Override
    public Mono<QualityMapping> mapping(String utmCampaign) {
        return mongo.findById(utmCampaign, QualityMappingDocument.class).map(MongoQualityMappings::mapping);
    }

    @Override
    public Mono<QualityMapping> insert(QualityMapping mapping) {
        return mongo.insert(document(mapping))
                .map(MongoQualityMappings::mapping)
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> RequestRejected.conflict(
                                "utm_campaign " + mapping.utmCampaign() + " already has a quality tier"));
    }

    @Override
    public Mono<QualityMapping> replace(QualityMapping mapping, long expectedVersion) {
        String campaign = mapping.utmCampaign();
        return mongo.findAndReplace(
                        Query.query(Criteria.where("_id")
                                .is(campaign)
                                .and("version")
                                .is(expectedVersion)),
                        document(mapping))
                .switchIfEmpty(Mono.error(() -> RequestRejected.conflict(
                        "the quality mapping of " + campaign + " changed meanwhile; read it again")))
                .thenReturn(mapping);
    }

    @Override
    public Mono<Void> delete(String utmCampaign) {
        return mongo.remove(Query.query(Criteria.where("_id").is(utmCampaign)), QualityMappingDocument.class)
                .then();
    }

    static QualityMappingDocument document(QualityMapping m) {
        return new QualityMappingDocument(
                m.utmCampaign(), m.qualityTier(), m.label(), m.createdAt(), m.updatedAt(), m.updatedBy(), m.version());
    }

    static QualityMapping mapping(QualityMappingDocument d) {
        return new QualityMapping(
                d.utmCampaign(), d.qualityTier(), d.label(), d.createdAt(), d.updatedAt(), d.updatedBy(), d.version());
    }
}
