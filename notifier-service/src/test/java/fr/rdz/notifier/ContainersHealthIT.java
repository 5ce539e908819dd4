package fr.rdz.notifier;

import fr.rdz.stack.ContainersHealthCheck;

/** notifier-service on real {@code apache/kafka} and {@code mongo} images; skipped where there is no Docker engine. */
class ContainersHealthIT extends ContainersHealthCheck {}
