package fr.rdz.e2e;

/** Kafka, MongoDB and SMTP running outside the test JVM, as the services are given them on their command line. */
interface Infrastructure {

    String kafkaBootstrap();

    String mongoUri(String database);

    int smtpPort();
}
