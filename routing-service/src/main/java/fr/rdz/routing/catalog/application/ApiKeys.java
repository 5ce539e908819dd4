package fr.rdz.routing.catalog.application;

/**
 * Encrypts CRM API keys for storage and events ({@code SecretBox} format). The plain key exists
 * only in the request that sets it.
 */
public interface ApiKeys {

    String encrypt(String plainKey);
}
