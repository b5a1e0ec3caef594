package io.mlplane.training.kubernetes;

import io.mlplane.training.MetricDefinition;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a SageMaker-style metric definition (a regex whose first group is the value) into a filter for Katib's
 * StdOut metrics collector, which reads the metric's name from group 1 and its value from group 2 of each match.
 * That works when the regex contains the metric's name literally before its value group (for example
 * {@code validation:auc=([0-9.]+)} becomes {@code (validation:auc)=([0-9.]+)}), and only with what Go's RE2 engine
 * understands (no lookaround, no backreferences).
 */
final class KatibMetricsFormat {

    private static final Pattern RE2_UNSUPPORTED = Pattern.compile("\\(\\?<?[=!]|\\\\[1-9]|\\\\k<|\\(\\?>|[*+?}][+]");

    private KatibMetricsFormat() {
    }

    /** Why {@code definition} cannot be read by Katib's collector, or empty if it can. */
    static Optional<String> problem(MetricDefinition definition) {
        if (RE2_UNSUPPORTED.matcher(definition.regex()).find()) {
            return Optional.of("uses lookaround, backreferences, atomic groups or possessive quantifiers, which Katib's"
                    + " collector (Go RE2) does not support");
        }
        if (filter(definition).isEmpty()) {
            return Optional.of("must contain the metric name '" + definition.name() + "' literally before its value group"
                    + " (for example '" + definition.name() + "=([0-9.eE+-]+)'), because Katib's collector reads the"
                    + " metric's name from the matched line");
        }
        return Optional.empty();
    }

    /** The collector filter for {@code definition}: its regex with the metric's name as group 1. */
    static Optional<String> filter(MetricDefinition definition) {
        String regex = definition.regex();
        int firstGroup = firstCapturingGroup(regex);
        for (String spelling : new String[] {escaped(definition.name()), definition.name()}) {
            int at = regex.indexOf(spelling);
            if (at >= 0 && at + spelling.length() <= firstGroup && !escapedAt(regex, at)) {
                return Optional.of(regex.substring(0, at) + "(" + spelling + ")" + regex.substring(at + spelling.length()));
            }
        }
        return Optional.empty();
    }

    private static int firstCapturingGroup(String regex) {
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(' && (i + 1 >= regex.length() || regex.charAt(i + 1) != '?')) {
                return i;
            }
        }
        return regex.length();
    }

    /** Whether the character at {@code at} is preceded by an odd number of backslashes. */
    private static boolean escapedAt(String regex, int at) {
        int slashes = 0;
        for (int i = at - 1; i >= 0 && regex.charAt(i) == '\\'; i--) {
            slashes++;
        }
        return slashes % 2 == 1;
    }

    /** {@code text} with every regex metacharacter escaped by a backslash. */
    private static String escaped(String text) {
        Matcher m = Pattern.compile("[\\\\.\\[\\]{}()*+?^$|]").matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement("\\" + r.group()));
    }
}
