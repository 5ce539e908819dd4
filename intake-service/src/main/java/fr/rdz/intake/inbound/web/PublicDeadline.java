package fr.rdz.intake.inbound.web;

import fr.rdz.intake.config.IntakeProperties;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The longest a public request waits on storage once its body is read ({@code
 * rdz.intake.public-deadline}, 5 s): past it the work is abandoned and the caller gets {@code 503}
 * with a French message ({@link PublicErrors}); with a {@code submission_id} its retry is answered the
 * original lead if the abandoned write landed after all.
 */
@Component
public class PublicDeadline {

    private final Duration deadline;

    public PublicDeadline(IntakeProperties properties) {
        this.deadline = properties.publicDeadline();
    }

    public <T> Mono<T> bound(Mono<T> work) {
        return work.timeout(deadline);
    }
}
