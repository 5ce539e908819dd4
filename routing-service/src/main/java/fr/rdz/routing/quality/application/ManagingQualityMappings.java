package fr.rdz.routing.quality.application;

import fr.rdz.kit.Operator;
import fr.rdz.routing.shared.application.Scope;
import fr.rdz.routing.shared.domain.InvalidInput;
import fr.rdz.routing.shared.domain.RequestRejected;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
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

    private final QualityMappings mappings;
    private final Clock clock;

    public ManagingQualityMappings(QualityMappings mappings, Clock clock) {
        this.mappings = mappings;
        this.clock = clock;
    }

    public Flux<QualityMapping> list() {
        return mappings.all();
    }

    public Mono<QualityMapping> get(String utmCampaign) {
        return mappings.mapping(utmCampaign)
                .switchIfEmpty(Mono.error(() -> RequestRejected.notFound("no quality mapping for " + utmCampaign)));
    }

    public Mono<QualityMapping> create(Operator operator, QualityMappingTerms terms, InvalidInput.Collector errors) {
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
        QualityMapping doc = new QualityMapping(
                campaign, terms.qualityTier().trim(), blankToNull(terms.label()), now, now, operator.name(), 1);
        return mappings.insert(doc);
    }

    public Mono<QualityMapping> update(
            Operator operator, String utmCampaign, QualityMappingTerms terms, InvalidInput.Collector errors) {
        Scope.requireUnscopedAdmin(operator);
        errors.check(
                terms.utmCampaign() == null || terms.utmCampaign().trim().equals(utmCampaign),
                "utm_campaign",
                "cannot be changed (delete the mapping and create another)");
        validate(terms, errors);
        errors.throwIfAny("the quality mapping is invalid");
        return get(utmCampaign).flatMap(old -> {
            QualityMapping changed = new QualityMapping(
                    old.utmCampaign(),
                    terms.qualityTier().trim(),
                    blankToNull(terms.label()),
                    old.createdAt(),
                    clock.instant(),
                    operator.name(),
                    old.version() + 1);
            return mappings.replace(changed, old.version());
        });
    }

    public Mono<Void> delete(Operator operator, String utmCampaign) {
        Scope.requireUnscopedAdmin(operator);
        return get(utmCampaign).flatMap(m -> mappings.delete(utmCampaign)).then();
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
