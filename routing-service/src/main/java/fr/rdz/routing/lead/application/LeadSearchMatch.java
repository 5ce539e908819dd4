package fr.rdz.routing.lead.application;

import fr.rdz.events.Entity;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import fr.rdz.events.LeadSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The lead search's filters as a predicate over one record: the same conditions as the query
 * {@link SearchingLeads} sends to Mongo (equality, case-insensitive regular expressions found anywhere,
 * ranges), applied to the few records a lookup ({@code lead_lookup}) designates.
 */
final class LeadSearchMatch implements Predicate<StoredLead> {

    private final List<Predicate<StoredLead>> all = new ArrayList<>();

    LeadSearchMatch(LeadSearch search, Entity only) {
        if (only != null) {
            all.add(d -> lead(d) != null && lead(d).entity() == only);
        }
        if (notBlank(search.status())) {
            String s = search.status().trim().toLowerCase();
            if ("erased".equals(s)) {
                all.add(StoredLead::erased);
            } else {
                all.add(d -> s.equals(d.status()) || s.equals(d.intakeStatus()) || s.equals(d.routingState()));
            }
        }
        if (notBlank(search.name())) {
            for (String word : fr.rdz.routing.lead.domain.NameWords.of(search.name())) {
                Pattern p = Pattern.compile(NameMatch.pattern(word), Pattern.CASE_INSENSITIVE);
                all.add(d -> found(p, contact(d, LeadContact::nom)) || found(p, contact(d, LeadContact::prenom)));
            }
        }
        if (notBlank(search.email())) {
            String e = search.email().trim();
            String regex = e.contains("@") ? "^" + Pattern.quote(e) + "$" : Pattern.quote(e);
            Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            all.add(d -> found(p, contact(d, LeadContact::email)));
        }
        if (notBlank(search.departement())) {
            all.add(d -> search.departement().equals(contact(d, LeadContact::departement)));
        }
        if (notBlank(search.client())) {
            all.add(d -> deliveries(d).stream().anyMatch(r -> search.client().equals(r.clientId())));
        }
        if (notBlank(search.commande())) {
            all.add(d -> deliveries(d).stream().anyMatch(r -> search.commande().equals(r.commandeId())));
        }
        if (notBlank(search.qualityTier())) {
            all.add(d -> search.qualityTier().equals(d.qualityTier()));
        }
        if (notBlank(search.phone())) {
            String phone = PhoneNumbers.normalise(search.phone());
            all.add(d -> phone != null && phone.equals(contact(d, LeadContact::phone)));
        }
        if (notBlank(search.from())) {
            Instant from = SearchingLeads.instant(search.from(), false, "from");
            all.add(d -> receivedAt(d) != null && !receivedAt(d).isBefore(from));
        }
        if (notBlank(search.to())) {
            Instant to = SearchingLeads.instant(search.to(), true, "to");
            all.add(d -> receivedAt(d) != null && receivedAt(d).isBefore(to));
        }
        if (search.product() != null) {
            all.add(d -> lead(d) != null && lead(d).product() == search.product());
        }
        source(search.form(), LeadSource::formCode);
        source(search.lp(), LeadSource::lpCode);
        source(search.utmSource(), LeadSource::utmSource);
        source(search.utmCampaign(), LeadSource::utmCampaign);
    }

    @Override
    public boolean test(StoredLead doc) {
        for (Predicate<StoredLead> p : all) {
            if (!p.test(doc)) {
                return false;
            }
        }
        return true;
    }

    private void source(String value, Function<LeadSource, String> field) {
        if (notBlank(value)) {
            String v = value.trim();
            all.add(d -> lead(d) != null && lead(d).source() != null && v.equals(field.apply(lead(d).source())));
        }
    }

    private static LeadData lead(StoredLead d) {
        return d.lead();
    }

    private static Instant receivedAt(StoredLead d) {
        return d.lead() == null ? null : d.lead().receivedAt();
    }

    private static String contact(StoredLead d, Function<LeadContact, String> field) {
        return d.lead() == null || d.lead().contact() == null
                ? null
                : field.apply(d.lead().contact());
    }

    private static List<? extends StoredLead.Delivery> deliveries(StoredLead d) {
        return d.deliveries() == null ? List.of() : d.deliveries();
    }

    private static boolean found(Pattern p, String value) {
        return value != null && p.matcher(value).find();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank() && !Objects.equals(s, "");
    }
}
