package fr.rdz.crmpush;

import fr.rdz.stack.ContainersHealthCheck;

/** crm-push-service on real {@code apache/kafka} and {@code mongo} images; skipped where there is no Docker engine. */
class ContainersHealthIT extends ContainersHealthCheck {}
