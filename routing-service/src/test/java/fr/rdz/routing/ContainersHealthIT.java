package fr.rdz.routing;

import fr.rdz.stack.ContainersHealthCheck;

/** routing-service on real {@code apache/kafka} and {@code mongo} images; skipped where there is no Docker engine. */
class ContainersHealthIT extends ContainersHealthCheck {}
