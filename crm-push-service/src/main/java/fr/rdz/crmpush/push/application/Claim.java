package fr.rdz.crmpush.push.application;

/** The right to make one push attempt: a lease token and the POSTs made before it. */
public record Claim(String token, int attemptsBefore) {}
