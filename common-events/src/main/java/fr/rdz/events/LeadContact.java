package fr.rdz.events;

/**
 * Who the lead is and where: the fields a CSV or CRM push needs first. {@code phone} is the
 * normalised 10-digit number (or the raw input when it is invalid); {@code departement} is
 * {@code 01}…{@code 95}, {@code 2A} or {@code 2B}.
 */
public record LeadContact(
        String phone,
        String civilite,
        String nom,
        String prenom,
        String email,
        String codePostal,
        String departement,
        String ville,
        String adresse) {

    /** The same contact with every personal field blanked (erasure), département kept for anonymous counts. */
    public LeadContact erased() {
        return new LeadContact(null, null, null, null, null, null, departement, null, null);
    }

    @Override
    public String toString() {
        return "LeadContact[phone=" + Pii.maskPhone(phone) + ", email=" + Pii.maskEmail(email) + ", departement="
                + departement + "]";
    }
}
