package fr.rdz.routing.brief.domain;

/** A: separate LP and form pages, two scripts. B: one page, one integrated script. */
public enum BriefMode {
    A,
    B
}
