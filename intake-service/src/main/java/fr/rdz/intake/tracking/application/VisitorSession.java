package fr.rdz.intake.tracking.application;

import fr.rdz.intake.tracking.domain.Attribution;

/** A visitor's session on an LP as the store holds it (made by {@link VisitorSessions#newSession}). */
public interface VisitorSession {

    String id();

    String visitorId();

    String lpCode();

    String formCode();

    String liaisonCode();

    String referrer();

    String utmSource();

    String utmMedium();

    String utmCampaign();

    String utmContent();

    String utmTerm();

    String gclid();

    String fbclid();

    /** The session's first-touch attribution. */
    default Attribution attribution() {
        return new Attribution(utmSource(), utmMedium(), utmCampaign(), utmContent(), utmTerm(), gclid(), fbclid());
    }
}
