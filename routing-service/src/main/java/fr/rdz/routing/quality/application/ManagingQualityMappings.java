package fr.rdz.routing.quality.application;

import fr.rdz.kit.Operator;
import fr.rdz.routing.quality.mongo.QualityMappingDocument;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.InvalidInput;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The quality mappings (utm_campaign → quality tier) an admin maintains; routing reads them when
 * it receives a lead. Global to both entities, so only an admin without entity scope writes them.
 */
@Service
public class ManagingQualityMappings {

    static final Pattern TIER = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final int MAX_CAMPAIGN = 200;
    static final int MAX_LABEL = 200;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public ManagingQualityMappings(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Flux<QualityMappingDocument> list() {
        return mongo.find(new Query().with(Sort.by("_id")), QualityMappingDocument.class);
    }

    public Mono<QualityMappingDocument> get(String utmCampaign) {
        return mongo.findById(utmCampaign, QualityMappingDocument.class)
                .switchIfEmpty(Mono.error(() -> RequestRejected.notFound("no quality mapping for " + utmCampaign)));
    }

    public Mono<QualityMappingDocument> create(
            Operator operator, QualityMappingTerms terms, InvalidInput.Collector errors) {
        Scope.requireUnscopedAdmin(operator);
        String campaign =
                terms.utmCampaign() == null ? null : terms.utmCampaign().trim();
        errors.check(campaign != null && !campaign.isEmpty(), "utm_campaign", "is required");
        errors.check(
                campaign == null || campaign.length() <= MAX_CAMPAIGN,
                "utm_campaign",
                "at most " + MAX_CAMPAIGN + " characters");
        validate(terms, errors);
        errors.throwIfAny("the quality mapping is invalid");
        Instant now = clock.instant();
        QualityMappingDocument doc = new QualityMappingDocument(
                campaign, terms.qualityTier().trim(), blankToNull(terms.label()), now, now, operator.name(), 1);
        return mongo.insert(doc)
                .onErrorMap(
                        DuplicateKeyException.class,
                        e -> RequestRejected.conflict("utm_campaign " + campaign + " already has a quality tier"));
    }

    public Mono<QualityMappingDocument> update(
            Operator operator, String utmCampaign, QualityMappingTerms terms, InvalidInput.Collector errors) {
        Scope.requireUnscopedAdmin(operator);
        errors.check(
                terms.utmCampaign() == null || terms.utmCampaign().trim().equals(utmCampaign),
                "utm_campaign",
                "cannot be changed (delete the mapping and create another)");
        validate(terms, errors);
        errors.throwIfAny("the quality mapping is invalid");
        return get(utmCampaign).flatMap(old -> {
            QualityMappingDocument changed = new QualityMappingDocument(
                    old.utmCampaign(),
                    terms.qualityTier().trim(),
                    blankToNull(terms.label()),
                    old.createdAt(),
                    clock.instant(),
                    operator.name(),
                    old.version() + 1);
            return mongo.findAndReplace(
                            Query.query(Criteria.where("_id")
                                    .is(utmCampaign)
                                    .and("version")
                                    .is(old.version())),
                            changed)
                    .switchIfEmpty(Mono.error(() -> RequestRejected.conflict(
                            "the quality mapping of " + utmCampaign + " changed meanwhile; read it again")))
                    .thenReturn(changed);
        });
    }

    public Mono<Void> delete(Operator operator, String utmCampaign) {
        Scope.requireUnscopedAdmin(operator);
        return get(utmCampaign)
                .flatMap(m ->
                        mongo.remove(Query.query(Criteria.where("_id").is(utmCampaign)), QualityMappingDocument.class))
                .then();
    }

    private static void validate(QualityMappingTerms terms, InvalidInput.Collector errors) {
        String tier = terms.qualityTier() == null ? null : terms.qualityTier().trim();
        if (tier == null || tier.isEmpty()) {
            errors.add("quality_tier", "is required");
        } else if (!TIER.matcher(tier).matches()) {
            errors.add("quality_tier", "1 to 32 letters, digits, _ or - (e.g. premium, A, 1)");
        }
        errors.check(
                terms.label() == null || terms.label().length() <= MAX_LABEL,
                "label",
                "at most " + MAX_LABEL + " characters");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
