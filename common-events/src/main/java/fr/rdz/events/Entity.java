package fr.rdz.events;

/** The two strictly separated business units. Nothing crosses them except an explicit cross-entity fallback. */
public enum Entity {
    ZR7,
    MDL;

    /** The other entity, for the opt-in cross-entity fallback. */
    public Entity other() {
        return this == ZR7 ? MDL : ZR7;
    }
}
