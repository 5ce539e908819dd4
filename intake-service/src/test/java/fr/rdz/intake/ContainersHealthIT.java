package fr.rdz.intake;

import fr.rdz.stack.ContainersHealthCheck;

/** intake-service on real {@code apache/kafka} and {@code mongo} images; skipped where there is no Docker engine. */
class ContainersHealthIT extends ContainersHealthCheck {}
