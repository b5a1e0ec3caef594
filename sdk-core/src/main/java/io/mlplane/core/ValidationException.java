package io.mlplane.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec (or a request derived from it) is not acceptable. It lists <em>every</em> problem found, each with
 * the path of its field, so that one round of fixes is enough; the message names them all too.
 *
 * <p>Thrown before anything reaches a backend. Extends {@link MlException} so one catch covers the SDK, and is
 * never retryable.
 */
public class ValidationException extends MlException {

    private static final long serialVersionUID = 1L;

    private final String subject;
    private final List<Violation> violations;

    /**
     * @param subject what was validated, for example {@code "TrainingJobSpec 'fraud-xgb'"}
     * @param violations at least one problem
     */
    public ValidationException(String subject, List<Violation> violations) {
        super(message(subject, violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        this.subject = subject;
        this.violations = List.copyOf(violations);
    }

    /** What was validated. */
    public String subject() {
        return subject;
    }

    /** Every problem found, in the order the fields were checked. */
    public List<Violation> violations() {
        return violations;
    }

    /** The field paths of all problems, for quick assertions. */
    public List<String> fields() {
        return violations.stream().map(Violation::field).collect(Collectors.toList());
    }

    private static String message(String subject, List<Violation> violations) {
        return subject + " is invalid (" + violations.size() + (violations.size() == 1 ? " problem" : " problems")
                + "):" + violations.stream().map(v -> "\n  - " + v).collect(Collectors.joining());
    }
}
