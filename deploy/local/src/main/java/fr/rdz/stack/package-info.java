/**
 * The infrastructure RDZ runs on when there is no Docker engine: a real Apache Kafka broker in
 * KRaft mode (the broker's own classes from Maven Central), a MongoDB wire-protocol server
 * (mongo-java-server; file-backed locally, in memory in tests) and an SMTP catcher (GreenMail)
 * that keeps every message as an {@code .eml} file. The same classes serve {@code ./rdz up}
 * ({@link fr.rdz.stack.LocalStackMain}) and every service's integration tests
 * ({@link fr.rdz.stack.RdzTestStack}).
 */
package fr.rdz.stack;
