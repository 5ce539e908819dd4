package fr.rdz.crmpush.push.application;

import fr.rdz.crmpush.push.domain.PushStatus;

/** The right to make one push attempt: a lease token, the POSTs made before it and the status it was taken from. */
public record Claim(String token, int attemptsBefore, PushStatus statusBefore) {}
