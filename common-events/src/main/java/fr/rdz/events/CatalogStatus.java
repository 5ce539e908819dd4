package fr.rdz.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Life cycle of a catalog item (LP, form). Archived items stay resolvable but take no new traffic in the admin lists. */
public enum CatalogStatus {
    @JsonProperty("active")
    ACTIVE,
    @JsonProperty("archived")
    ARCHIVED
}
