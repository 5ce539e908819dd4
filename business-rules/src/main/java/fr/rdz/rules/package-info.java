/**
 * RDZ's rules that more than one service applies (time windows, the liaison code), each written once and named after the rule.
 * Plain Java only: a service's domain calls them; {@code BoundaryCases} (test-jar) holds the boundary
 * answers every service's own path must give.
 */
package fr.rdz.rules;
