/**
 * Spring Boot auto-configuration shared by the five RDZ services, so that each cross-cutting rule
 * is written once: admin routes deny by default behind HTTP Basic with hashed credentials, roles
 * {@code admin}/{@code viewer} and an optional entity scope ({@link fr.rdz.kit.RdzSecurity});
 * a Kafka health indicator; the injectable {@link java.time.Clock}; the retention limit of
 * personal data ({@link fr.rdz.kit.PersonalDataRetention}) and the daily job that applies it
 * through each service's {@link fr.rdz.kit.PersonalDataSweep}s; the package-layout rules every
 * service's ArchUnit test applies ({@link fr.rdz.kit.ArchitectureRules}). It holds no business
 * rule of lead distribution.
 */
package fr.rdz.kit;
