package fr.rdz.delivery.run.application;

import java.time.Duration;

/** Whether delivery's pool view has caught up with the topics it is built from (a catch-up run waits for it). */
public interface PoolViewCatchUp {

    /** Waits at most {@code max}; true when caught up. */
    boolean awaitCaughtUp(Duration max);
}
