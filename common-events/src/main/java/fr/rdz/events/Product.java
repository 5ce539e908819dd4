package fr.rdz.events;

/** What a lead asks for: solar panels, heat pump, external wall insulation. */
public enum Product {
    PV,
    PAC,
    ITE
}
