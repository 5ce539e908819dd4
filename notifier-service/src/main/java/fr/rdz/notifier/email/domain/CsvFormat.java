package fr.rdz.notifier.email.domain;

import static fr.rdz.notifier.email.domain.CsvColumn.constant;

import fr.rdz.events.Entity;
import fr.rdz.events.LeadContact;
import fr.rdz.events.LeadData;
import java.util.List;
import java.util.function.Function;

/**
 * The delivery CSV of each entity, declared once (spec §6.1): its columns, in order, and where
 * each value comes from. {@code proprietaire_maison} / {@code proprietaire} are {@code oui} and
 * {@code type_logement} is {@code maison} for every delivered lead (the forms only collect owners
 * of a house; the clients' imports expect these words, never {@code TRUE}).
 */
public enum CsvFormat {
    ZR7(
            Entity.ZR7,
            List.of(
                    contact("nom", LeadContact::nom),
                    contact("prenom", LeadContact::prenom),
                    contact("telephone", LeadContact::phone),
                    contact("email", LeadContact::email),
                    contact("code_postal", LeadContact::codePostal),
                    contact("departement", LeadContact::departement),
                    constant("proprietaire_maison", CsvFormat.OUI))),
    MDL(
            Entity.MDL,
            List.of(
                    contact("nom", LeadContact::nom),
                    contact("prenom", LeadContact::prenom),
                    contact("telephone", LeadContact::phone),
                    contact("email", LeadContact::email),
                    contact("code_postal", LeadContact::codePostal),
                    contact("departement", LeadContact::departement),
                    constant("proprietaire", CsvFormat.OUI),
                    constant("type_logement", CsvFormat.MAISON)));

    public static final String OUI = "oui";
    public static final String MAISON = "maison";

    private final Entity entity;
    private final List<CsvColumn> columns;

    CsvFormat(Entity entity, List<CsvColumn> columns) {
        this.entity = entity;
        this.columns = columns;
    }

    /** The format of the entity a batch is delivered for (a cross-entity lead takes the format of the batch). */
    public static CsvFormat of(Entity entity) {
        for (CsvFormat format : values()) {
            if (format.entity == entity) {
                return format;
            }
        }
        throw new IllegalArgumentException("No CSV format for entity " + entity);
    }

    public List<CsvColumn> columns() {
        return columns;
    }

    public String[] header() {
        return columns.stream().map(CsvColumn::header).toArray(String[]::new);
    }

    public String[] row(LeadData lead) {
        return columns.stream().map(column -> column.cell(lead)).toArray(String[]::new);
    }

    private static CsvColumn contact(String header, Function<LeadContact, String> field) {
        return new CsvColumn(header, lead -> lead.contact() == null ? null : field.apply(lead.contact()));
    }
}
