package io.mlplane.core.spi;

import io.mlplane.core.ValidationException;
import io.mlplane.core.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects every problem of a spec before failing once, so users see all their mistakes at the same time.
 * Each check records a {@link Violation} with the field path and returns whether the value passed, so callers
 * can skip checks that depend on it.
 *
 * <pre>{@code
 * Violations v = Violations.of("TrainingJobSpec 'x'");
 * v.required("image", image);
 * Violations channel = v.at("channels[0]");
 * channel.length("name", name, 1, 64);
 * v.throwIfAny();
 * }</pre>
 */
public final class Violations {

    private final String subject;
    private final String prefix;
    private final List<Violation> found;

    private Violations(String subject, String prefix, List<Violation> found) {
        this.subject = subject;
        this.prefix = prefix;
        this.found = found;
    }

    /** A fresh collector for {@code subject}, for example {@code "TrainingJobSpec 'fraud-xgb'"}. */
    public static Violations of(String subject) {
        return new Violations(subject, "", new ArrayList<>());
    }

    /** A view that records into the same list with {@code path} prepended to every field. */
    public Violations at(String path) {
        return new Violations(subject, field(path), found);
    }

    /** Records a problem unconditionally. */
    public void add(String field, String message) {
        found.add(new Violation(field(field), message));
    }

    /** Records {@code message} unless {@code condition} holds; returns {@code condition}. */
    public boolean check(boolean condition, String field, String message) {
        if (!condition) {
            add(field, message);
        }
        return condition;
    }

    /** The value must be present (and, for a string, not blank). */
    public boolean required(String field, @Nullable Object value) {
        boolean present = value != null && !(value instanceof String s && s.isBlank());
        return check(present, field, "is required");
    }

    /** A present string's length must be within {@code [min, max]}; absent passes. */
    public boolean length(String field, @Nullable String value, int min, int max) {
        if (value == null) {
            return true;
        }
        return check(value.length() >= min && value.length() <= max, field,
                "length must be between " + min + " and " + max + " but is " + value.length());
    }

    /** A present string must match {@code pattern} entirely; {@code rule} explains it; absent passes. */
    public boolean matches(String field, @Nullable String value, Pattern pattern, String rule) {
        if (value == null) {
            return true;
        }
        return check(pattern.matcher(value).matches(), field, rule + " but is '" + value + "'");
    }

    /** A number must be within {@code [min, max]}. */
    public boolean range(String field, long value, long min, long max) {
        return check(value >= min && value <= max, field,
                "must be between " + min + " and " + max + " but is " + value);
    }

    /** A present duration must be within {@code [min, max]}; absent passes. */
    public boolean range(String field, @Nullable Duration value, Duration min, Duration max) {
        if (value == null) {
            return true;
        }
        return check(value.compareTo(min) >= 0 && value.compareTo(max) <= 0, field,
                "must be between " + min + " and " + max + " but is " + value);
    }

    /** A collection must hold at most {@code max} elements. */
    public boolean maxSize(String field, Collection<?> values, int max) {
        return check(values.size() <= max, field, "must hold at most " + max + " entries but holds " + values.size());
    }

    /** Whether any problem was recorded. */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems recorded so far. */
    public List<Violation> violations() {
        return List.copyOf(found);
    }

    /**
     * Throws one {@link ValidationException} listing every problem, if there is any.
     *
     * @throws ValidationException if a problem was recorded
     */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(subject, found);
        }
    }

    private String field(String name) {
        if (prefix.isEmpty()) {
            return name;
        }
        return name.startsWith("[") ? prefix + name : prefix + "." + name;
    }
}
