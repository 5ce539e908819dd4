package fr.rdz.intake.lead.domain;

/** Object Mother of submissions: a complete valid lead, and variations of it. */
public final class LeadSubmissions {

    private LeadSubmissions() {}

    public static LeadSubmission valid() {
        return with("PV-001", "0612345678", "Martin", "75", null, "sess-1");
    }

    public static LeadSubmission with(
            String formCode, String phone, String nom, String departement, String codePostal, String sessionId) {
        return new LeadSubmission(
                sessionId,
                formCode,
                phone,
                nom,
                "Éloïse",
                "Mme",
                "eloise.martin@example.fr",
                departement,
                codePostal,
                "Paris",
                "12 rue Oberkampf",
                "maison",
                "proprietaire",
                "120",
                "1985",
                "fioul",
                "150",
                "200",
                "installation",
                "3 mois",
                "15000",
                true,
                false,
                "LP-001",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "https://solaire.example.fr/formulaire",
                "J'accepte d'être recontacté(e).",
                null,
                null,
                null);
    }
}
