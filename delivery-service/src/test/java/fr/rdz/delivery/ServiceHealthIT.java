package fr.rdz.delivery;

import fr.rdz.stack.ServiceHealthChecks;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The checks every service passes (health with Kafka and Mongo, OpenAPI, deny by default), on the real context. */
class ServiceHealthIT extends DeliveryIntegrationTest implements ServiceHealthChecks {

    @Override
    public WebTestClient web() {
        return web;
    }
}
