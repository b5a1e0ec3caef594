package io.mlplane.training.kubernetes;

import io.mlplane.training.MetricDefinition;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a SageMaker-style metric definition (a regex whose first group is the value) into a filter for Katib's
 * StdOut metrics collector, which reads the metric's name from group 1 and its value from group 2 of each match,
 * so the name must be text of the matched line:
 * <ul>
 *   <li>when the regex contains the metric's name literally before its value group, that becomes group 1 and
 *       Katib knows the metric by the same name ({@code validation:auc=([0-9.]+)} →
 *       {@code (validation:auc)=([0-9.]+)});</li>
 *   <li>otherwise the literal label just before the value group does, and Katib knows the metric by that label
 *       (SageMaker XGBoost's {@code validation-auc:([0-9.]+)} for {@code validation:auc} →
 *       {@code (validation-auc):([0-9.]+)}, Katib name {@code validation-auc}).</li>
 * </ul>
 * A regex with neither, or with what Go's RE2 engine lacks (lookaround, backreferences), cannot be collected.
 */
final class KatibMetricsFormat {

    /**
     * How Katib collects one metric definition.
     *
     * @param definition the template's definition
     * @param katibName the name Katib records the metric under
     * @param filter the collector's regex: group 1 the name, group 2 the value
     */
    record Collected(MetricDefinition definition, String katibName, String filter) {
    }

    private static final Pattern RE2_UNSUPPORTED = Pattern.compile("\\(\\?<?[=!]|\\\\[1-9]|\\\\k<|\\(\\?>|[*+?}][+]");
    /** Characters that stand for themselves in a regex and in a log line's label. */
    private static final Pattern LABEL_CHARACTER = Pattern.compile("[A-Za-z0-9_:=\\-/ ]");
    private static final Pattern LABEL_END = Pattern.compile("[\\s:=]+$");

    private KatibMetricsFormat() {
    }

    /** Why {@code definition} cannot be read by Katib's collector, or empty if it can. */
    static Optional<String> problem(MetricDefinition definition) {
        if (RE2_UNSUPPORTED.matcher(definition.regex()).find()) {
            return Optional.of("uses lookaround, backreferences, atomic groups or possessive quantifiers, which Katib's"
                    + " collector (Go RE2) does not support");
        }
        if (collected(definition).isEmpty()) {
            return Optional.of("must have literal text before its value group, the metric's name or the label the"
                    + " program prints (for example '" + definition.name() + "=([0-9.eE+-]+)'), because Katib's collector"
                    + " reads a metric's name from the matched line");
        }
        return Optional.empty();
    }

    /** How Katib collects {@code definition}, if it can. */
    static Optional<Collected> collected(MetricDefinition definition) {
        String regex = definition.regex();
        if (RE2_UNSUPPORTED.matcher(regex).find()) {
            return Optional.empty();
        }
        int firstGroup = firstCapturingGroup(regex);
        for (String spelling : new String[] {escaped(definition.name()), definition.name()}) {
            int at = regex.indexOf(spelling);
            if (at >= 0 && at + spelling.length() <= firstGroup && !escapedAt(regex, at)) {
                return Optional.of(new Collected(definition, definition.name(), wrapped(regex, at, spelling.length())));
            }
        }
        int start = firstGroup;
        while (start > 0 && LABEL_CHARACTER.matcher(regex.substring(start - 1, start)).matches() && !escapedAt(regex, start - 1)) {
            start--;
        }
        String run = regex.substring(start, Math.min(firstGroup, regex.length()));
        String label = LABEL_END.matcher(run).replaceAll("").strip();
        if (label.isEmpty() || firstGroup >= regex.length()) {
            return Optional.empty();
        }
        int at = start + run.indexOf(label);
        return Optional.of(new Collected(definition, label, wrapped(regex, at, label.length())));
    }

    private static String wrapped(String regex, int at, int length) {
        return regex.substring(0, at) + "(" + regex.substring(at, at + length) + ")" + regex.substring(at + length);
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
