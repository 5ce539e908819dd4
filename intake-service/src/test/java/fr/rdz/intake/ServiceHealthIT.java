package fr.rdz.intake;

import fr.rdz.stack.ServiceHealthChecks;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The checks every service passes (health with Kafka and Mongo, OpenAPI, deny by default), on the real context. */
class ServiceHealthIT extends IntakeIntegrationTest implements ServiceHealthChecks {

    @Override
    public WebTestClient web() {
        return web;
    }

    /** The NDJSON import reads its body itself (no JSON body in the OpenAPI document). */
    @Override
    public String bodyReadingAdminPath() {
        return "/admin/leads/import";
    }
}
