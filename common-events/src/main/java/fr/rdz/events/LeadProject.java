package fr.rdz.events;

/** The housing and project answers of the form, as the seed names them. All optional. */
public record LeadProject(
        String typeLogement,
        String statutOccupant,
        String surfaceHabitable,
        String anneeConstruction,
        String typeChauffage,
        String factureElectricite,
        String factureChauffage,
        String typeProjet,
        String delaiProjet,
        String budget,
        Boolean newsletter) {}
