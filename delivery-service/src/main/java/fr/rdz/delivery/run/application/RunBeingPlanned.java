package fr.rdz.delivery.run.application;

import java.time.Instant;

/** The run is being planned by another instance that is still alive (its lease runs): ask again later (409). */
public class RunBeingPlanned extends RuntimeException {

    private final Instant leaseUntil;

    public RunBeingPlanned(String runId, Instant leaseUntil) {
        super("run " + runId + " is being planned by another instance; ask again later (it is taken over if its "
                + "planner does not finish by " + leaseUntil + ")");
        this.leaseUntil = leaseUntil;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }
}
