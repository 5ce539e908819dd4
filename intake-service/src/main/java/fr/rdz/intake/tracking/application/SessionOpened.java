package fr.rdz.intake.tracking.application;

/** A session opened or continued; {@code newVisitor} asks the caller to set the visitor cookie. */
public record SessionOpened(
        String sessionId, String visitorId, String lpCode, String formCode, boolean reused, boolean newVisitor) {}
