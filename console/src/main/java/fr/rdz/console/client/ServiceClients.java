package fr.rdz.console.client;

/** The services the console calls, each on behalf of the signed-in operator. */
public record ServiceClients(
        ServiceClient intake,
        ServiceClient routing,
        ServiceClient delivery,
        ServiceClient notifier,
        ServiceClient crmPush) {}
