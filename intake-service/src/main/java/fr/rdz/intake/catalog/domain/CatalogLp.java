package fr.rdz.intake.catalog.domain;

import fr.rdz.events.Entity;

/** What intake needs of a landing page: the form it feeds. */
public record CatalogLp(String code, Entity entity, String formCode) {}
