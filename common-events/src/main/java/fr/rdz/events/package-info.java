/**
 * The RDZ wire contract: the {@link fr.rdz.events.Envelope}, one immutable record per business
 * fact (named in the past tense), the catalog snapshots, the topic names and keys ({@link
 * fr.rdz.events.Topics}) and the JSON mapping ({@link fr.rdz.events.EventCodec}).
 *
 * <p>Rules of the contract: snake_case JSON, ISO-8601 UTC instants, unknown fields ignored, only
 * additive changes inside a major version ({@code schema_version}); a breaking change gets a new
 * {@code .v2} topic. The {@code event_type} is a stable logical name, never a Java class name.
 *
 * <p>Records holding personal data mask it in {@code toString()} so that logging an event can
 * never leak a full phone number or e-mail address.
 */
package fr.rdz.events;
