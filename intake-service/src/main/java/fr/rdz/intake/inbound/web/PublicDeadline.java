package fr.rdz.intake.inbound.web;

import fr.rdz.intake.config.IntakeProperties;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
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
    /**
     * What a request past the deadline gets: the {@link TimeoutException} {@code timeout(Duration)} raises. Given as
     * the fallback so that Reactor does not name the timed-out chain on every subscription (a walk of the operators
     * and a regex per request, issue 17), only when the deadline passes.
     */
    private final Mono<?> expired;

    public PublicDeadline(IntakeProperties properties) {
        this.deadline = properties.publicDeadline();
        String message = "Did not observe any item or terminal signal within " + deadline.toMillis() + "ms";
        this.expired = Mono.error(() -> new TimeoutException(message));
    }

    @SuppressWarnings("unchecked")
    public <T> Mono<T> bound(Mono<T> work) {
        return work.timeout(deadline, (Mono<T>) expired);
    }
}
