package fr.rdz.intake.lead.domain;

import fr.rdz.events.LeadStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status a lead gets on reception (spec §3), in the seed's order of precedence: unknown form →
 * {@code orphan}; a phone given but not acceptable → {@code invalid_phone}; a missing phone, name
 * or département (given or derived from the postal code) → {@code missing_required}; otherwise
 * {@code pending}. {@code double_submit} is decided afterwards, for pending leads only
 * ({@link DoubleSubmitRule}).
 */
public final class LeadStatusRule {

    public static final String PHONE = "phone";
    public static final String NOM = "nom";
    public static final String DEPARTEMENT = "departement";

    private final PhoneNumberRule phones;
    private final DepartementFromPostalCode departements;

    public LeadStatusRule(PhoneNumberRule phones, DepartementFromPostalCode departements) {
        this.phones = phones;
        this.departements = departements;
    }

    public LeadAssessment assess(LeadSubmission s, boolean formKnown) {
        String rawPhone = s.phone() == null ? "" : s.phone().strip();
        PhoneNumberRule.Verdict phone = rawPhone.isEmpty() ? null : phones.check(rawPhone);
        String normalisedPhone = phone != null && phone.valid() ? phone.normalised() : rawPhone;
        Optional<String> departement = departements.resolve(s.departement(), s.codePostal());

        List<String> missing = new ArrayList<>();
        if (rawPhone.isEmpty()) {
            missing.add(PHONE);
        }
        if (s.nom() == null || s.nom().isBlank()) {
            missing.add(NOM);
        }
        if (departement.isEmpty()) {
            missing.add(DEPARTEMENT);
        }
        String dept = departement.orElse(blankToNull(s.departement()));

        if (!formKnown) {
            return new LeadAssessment(
                    LeadStatus.ORPHAN,
                    normalisedPhone,
                    dept,
                    List.of(),
                    null,
                    "Lead enregistré - Formulaire non trouvé",
                    "FORM_NOT_FOUND");
        }
        if (phone != null && !phone.valid()) {
            return new LeadAssessment(
                    LeadStatus.INVALID_PHONE,
                    normalisedPhone,
                    dept,
                    List.of(),
                    null,
                    "Lead enregistré - Téléphone invalide",
                    "PHONE_INVALID");
        }
        if (!missing.isEmpty()) {
            return new LeadAssessment(
                    LeadStatus.MISSING_REQUIRED,
                    normalisedPhone,
                    dept,
                    List.copyOf(missing),
                    null,
                    "Lead enregistré - Champs manquants: " + String.join(", ", frenchNames(missing)),
                    "MISSING_REQUIRED");
        }
        return new LeadAssessment(LeadStatus.PENDING, normalisedPhone, dept, List.of(), null, "Lead enregistré", null);
    }

    private static List<String> frenchNames(List<String> fields) {
        return fields.stream()
                .map(f -> switch (f) {
                    case PHONE -> "téléphone";
                    case DEPARTEMENT -> "département";
                    default -> f;
                })
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
