package fr.rdz.bench.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.rdz.events.EventCodec;
import fr.rdz.intake.lead.domain.LeadSubmission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The baseline of the intake benchmark: a bare WebFlux endpoint on Reactor Netty that reads the
 * same {@code POST /public/leads} body (64 KiB cap), parses it into the same {@code LeadSubmission}
 * record with the same snake_case mapping, and answers a 201 of the same shape — no security, no
 * rules, no Mongo, no Kafka.
 *
 * <pre>java -cp 'bench/target/classes:bench/target/lib/*' fr.rdz.bench.intake.BareLeadEndpoint 18090</pre>
 */
public final class BareLeadEndpoint {

    private static final ObjectMapper MAPPER =
            EventCodec.configure(JsonMapper.builder()).build();
    private static final int MAX_BODY = 64 * 1024;

    private BareLeadEndpoint() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18090;
        RouterFunction<ServerResponse> routes = RouterFunctions.route()
                .POST("/public/leads", BareLeadEndpoint::submit)
                .build();
        HttpHandler handler = RouterFunctions.toHttpHandler(routes);
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow();
        System.out.println("BARE-ENDPOINT READY port=" + server.port());
        server.onDispose().block();
    }

    private static Mono<ServerResponse> submit(ServerRequest request) {
        return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), MAX_BODY)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .flatMap(bytes -> {
                    try {
                        LeadSubmission lead = MAPPER.readValue(bytes, LeadSubmission.class);
                        String answer = "{\"success\":true,\"lead_id\":\"" + UUID.randomUUID()
                                + "\",\"status\":\"pending\",\"message\":\"Lead enregistré\",\"stored\":true,\"form\":\""
                                + (lead.formCode() == null ? "" : lead.formCode()) + "\"}";
                        return ServerResponse.status(HttpStatus.CREATED)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(answer.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        return ServerResponse.badRequest().build();
                    }
                });
    }
}
