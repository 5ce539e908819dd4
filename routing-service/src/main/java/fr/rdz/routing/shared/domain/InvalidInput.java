package fr.rdz.routing.shared.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A request with one or more invalid parameters or fields, every one of them named at once (the
 * web layer answers an RFC 7807 problem detail listing them). Messages are English; never carries
 * a submitted value that could be personal data.
 */
public class InvalidInput extends RuntimeException {

    /** One invalid query parameter or body field and why. */
    public record Violation(String name, String reason) {}

    private final List<Violation> violations;

    public InvalidInput(String detail, List<Violation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Collects violations, then throws them all together. */
    public static final class Collector {

        private final List<Violation> violations = new ArrayList<>();

        /** One reason per name: the first one found is kept. */
        public Collector add(String name, String reason) {
            if (!has(name)) {
                violations.add(new Violation(name, reason));
            }
            return this;
        }

        public Collector check(boolean valid, String name, String reason) {
            if (!valid) {
                add(name, reason);
            }
            return this;
        }

        public boolean has(String name) {
            return violations.stream().anyMatch(v -> v.name().equals(name));
        }

        public boolean isEmpty() {
            return violations.isEmpty();
        }

        /** The violations found so far, in the order they were found. */
        public List<Violation> violations() {
            return List.copyOf(violations);
        }

        public void throwIfAny(String detail) {
            if (!violations.isEmpty()) {
                throw new InvalidInput(detail, violations);
            }
        }
    }
}
