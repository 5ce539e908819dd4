package fr.rdz.kit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 7807 refusals thrown by the admin routes of every service (the operator console calls them):
 * {@code title}/{@code detail} in English for API operators, {@code errors: [{field, message}]} with a
 * French message per invalid parameter, all of them at once. They are {@link ErrorResponseException}s:
 * {@link ProblemDetailsAdvice} answers them, like every other refusal.
 */
public final class Problems {

    private Problems() {}

    /** Collects the invalid parameters of one request, then fails once with all of them. */
    public static final class Checks {
        private final List<Map<String, String>> errors = new ArrayList<>();

        public Checks invalid(String field, String frenchMessage) {
            Map<String, String> error = new LinkedHashMap<>();
            error.put("field", field);
            error.put("message", frenchMessage);
            errors.add(error);
            return this;
        }

        /** Every query parameter not in {@code known} is an error. */
        public Checks onlyKnown(Set<String> given, Set<String> known) {
            given.stream()
                    .filter(p -> !known.contains(p))
                    .sorted()
                    .forEach(p -> invalid(
                            p,
                            "Paramètre inconnu « " + p + " » (attendus : "
                                    + String.join(", ", known.stream().sorted().toList()) + ")."));
            return this;
        }

        /** A {@code YYYY-MM-DD} date, null when absent; an error when it is not a date. */
        public LocalDate date(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                invalid(field, "Date invalide « " + value + " » : format attendu AAAA-MM-JJ.");
                return null;
            }
        }

        public boolean ok() {
            return errors.isEmpty();
        }

        /** Throws the 400 problem listing every invalid parameter, if any. */
        public void orFail() {
            if (!errors.isEmpty()) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST, errors.size() + " invalid parameter(s)");
                problem.setTitle("Invalid request");
                problem.setProperty("errors", List.copyOf(errors));
                throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
            }
        }
    }

    public static Checks checks() {
        return new Checks();
    }

    public static ErrorResponseException notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    public static ErrorResponseException gone(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, detail);
        problem.setTitle("Gone");
        return new ErrorResponseException(HttpStatus.GONE, problem, null);
    }
}
