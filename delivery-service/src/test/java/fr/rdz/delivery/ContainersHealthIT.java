package fr.rdz.delivery;

import fr.rdz.stack.ContainersHealthCheck;

/** delivery-service on real {@code apache/kafka} and {@code mongo} images; skipped where there is no Docker engine. */
class ContainersHealthIT extends ContainersHealthCheck {}
