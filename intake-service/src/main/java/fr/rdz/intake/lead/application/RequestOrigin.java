package fr.rdz.intake.lead.application;

import fr.rdz.events.Pii;

/** Who sent a submission: the caller's IP and browser, part of the consent proof. */
public record RequestOrigin(String ip, String userAgent) {

    @Override
    public String toString() {
        return "RequestOrigin[ip=" + Pii.maskIp(ip) + "]";
    }
}
