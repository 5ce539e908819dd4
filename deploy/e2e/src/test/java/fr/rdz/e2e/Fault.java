package fr.rdz.e2e;

/**
 * The faults the suite injects. {@link Phase#LOAD}: while leads are submitted (the leads of the run
 * are then delivered by a run without fault); {@link Phase#RUN}: while the run of the leads is
 * planned, e-mailed and pushed.
 */
enum Fault {
    NONE("no fault", Phase.LOAD),
    INTAKE_KILL("kill -9 intake under load", Phase.LOAD),
    ROUTING_KILL("kill -9 routing under load", Phase.LOAD),
    KAFKA_KILL("kill -9 Kafka broker under load", Phase.LOAD),
    MONGO_KILL("kill -9 MongoDB under load", Phase.LOAD),
    BROKER_RESTART("Kafka broker restart under load", Phase.LOAD),
    DELIVERY_KILL("kill -9 delivery during its run", Phase.RUN),
    CRM_PUSH_KILL("kill -9 crm-push during pushes", Phase.RUN),
    NOTIFIER_KILL("kill -9 notifier during a send", Phase.RUN),
    CRM_STALL("CRM stall (no answer) during pushes", Phase.RUN);

    enum Phase {
        LOAD,
        RUN
    }

    final String label;
    final Phase phase;

    Fault(String label, Phase phase) {
        this.label = label;
        this.phase = phase;
    }
}
