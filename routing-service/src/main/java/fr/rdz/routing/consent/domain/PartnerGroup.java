package fr.rdz.routing.consent.domain;

import java.util.List;

/**
 * A named list of partners (client ids) a consent text names as a whole ("nos installateurs
 * partenaires d'Île-de-France"). It is part of the text it is written in and frozen with it: what
 * the person accepted never changes afterwards.
 */
public record PartnerGroup(String name, List<String> clientIds) {

    public PartnerGroup {
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
    }
}
