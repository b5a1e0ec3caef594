package io.mlplane.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a JSON value against a shape of an official AWS service model (botocore's {@code service-2.json}):
 * unknown and missing required members, types, enums, lengths, sizes, numeric ranges and patterns, walking
 * nested structures, lists and maps. Used to validate every request mlplane sends, and every plan it prints.
 */
public final class AwsModelValidator {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final JsonNode shapes;
    private final JsonNode operations;

    /** @param model a parsed service model */
    public AwsModelValidator(JsonNode model) {
        this.shapes = model.path("shapes");
        this.operations = model.path("operations");
    }

    /** The validator for the SageMaker service model in {@code ../shared/specs}; skips the test if absent. */
    public static AwsModelValidator sageMaker() {
        return new AwsModelValidator(SharedSpecs.sageMakerModel());
    }

    /** Problems of {@code body} as the input of {@code operation}, for example {@code CreateTrainingJob}. */
    public List<String> validateInput(String operation, JsonNode body) {
        JsonNode op = operations.path(operation);
        if (op.isMissingNode()) {
            return List.of("unknown operation " + operation);
        }
        String input = op.path("input").path("shape").asText(null);
        if (input == null) {
            return body.isEmpty() ? List.of() : List.of(operation + " takes no input");
        }
        return validate(input, body);
    }

    /** Problems of {@code value} as shape {@code shapeName}; empty when it conforms. */
    public List<String> validate(String shapeName, JsonNode value) {
        List<String> problems = new ArrayList<>();
        check(shapeName, value, "$", problems);
        return problems;
    }

    private void check(String shapeName, JsonNode value, String path, List<String> problems) {
        JsonNode shape = shapes.path(shapeName);
        if (shape.isMissingNode()) {
            problems.add(path + ": shape " + shapeName + " is not in the model");
            return;
        }
        switch (shape.path("type").asText()) {
            case "structure" -> structure(shape, value, path, problems);
            case "list" -> {
                if (!value.isArray()) {
                    problems.add(path + ": expected a list (" + shapeName + ")");
                    return;
                }
                size(shape, value.size(), path, problems);
                for (int i = 0; i < value.size(); i++) {
                    check(shape.path("member").path("shape").asText(), value.get(i), path + "[" + i + "]", problems);
                }
            }
            case "map" -> {
                if (!value.isObject()) {
                    problems.add(path + ": expected a map (" + shapeName + ")");
                    return;
                }
                size(shape, value.size(), path, problems);
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    String keyShape = shape.path("key").path("shape").asText();
                    check(keyShape, com.fasterxml.jackson.databind.node.TextNode.valueOf(entry.getKey()),
                            path + ".<key " + entry.getKey() + ">", problems);
                    check(shape.path("value").path("shape").asText(), entry.getValue(), path + "['" + entry.getKey() + "']",
                            problems);
                }
            }
            case "string" -> string(shapeName, shape, value, path, problems);
            case "integer", "long" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + ": expected an integer (" + shapeName + ") but got " + value);
                    return;
                }
                range(shape, value.asDouble(), path, problems);
            }
            case "float", "double" -> {
                if (!value.isNumber()) {
                    problems.add(path + ": expected a number (" + shapeName + ") but got " + value);
                    return;
                }
                range(shape, value.asDouble(), path, problems);
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": expected a boolean (" + shapeName + ") but got " + value);
                }
            }
            case "timestamp" -> {
                if (!value.isNumber()) {
                    problems.add(path + ": expected epoch seconds (" + shapeName + ") but got " + value);
                }
            }
            case "blob" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": expected base64 text (" + shapeName + ")");
                }
            }
            default -> problems.add(path + ": unsupported shape type " + shape.path("type").asText());
        }
    }

    private void structure(JsonNode shape, JsonNode value, String path, List<String> problems) {
        if (!value.isObject()) {
            problems.add(path + ": expected a structure but got " + value.getNodeType());
            return;
        }
        JsonNode members = shape.path("members");
        Set<String> present = new HashSet<>();
        value.fieldNames().forEachRemaining(present::add);
        for (String name : present) {
            if (!members.has(name)) {
                problems.add(path + "." + name + ": not a member of the shape");
            } else if (!value.get(name).isNull()) {
                check(members.get(name).path("shape").asText(), value.get(name), path + "." + name, problems);
            }
        }
        for (JsonNode required : shape.path("required")) {
            if (!present.contains(required.asText()) || value.get(required.asText()).isNull()) {
                problems.add(path + "." + required.asText() + ": required member missing");
            }
        }
    }

    private static void string(String shapeName, JsonNode shape, JsonNode value, String path, List<String> problems) {
        if (!value.isTextual()) {
            problems.add(path + ": expected a string (" + shapeName + ") but got " + value);
            return;
        }
        String text = value.asText();
        if (shape.has("enum")) {
            boolean known = false;
            for (JsonNode allowed : shape.get("enum")) {
                known |= allowed.asText().equals(text);
            }
            if (!known) {
                problems.add(path + ": '" + text + "' is not a value of enum " + shapeName);
            }
        }
        size(shape, text.codePointCount(0, text.length()), path, problems);
        if (shape.has("pattern")) {
            Pattern pattern = pattern(shape.get("pattern").asText());
            if (pattern != null && !pattern.matcher(text).matches()) {
                problems.add(path + ": '" + text + "' does not match " + shape.get("pattern").asText());
            }
        }
    }

    private static void size(JsonNode shape, int size, String path, List<String> problems) {
        if (shape.has("min") && size < shape.get("min").asLong()) {
            problems.add(path + ": size " + size + " is below the minimum " + shape.get("min").asLong());
        }
        if (shape.has("max") && size > shape.get("max").asLong()) {
            problems.add(path + ": size " + size + " is above the maximum " + shape.get("max").asLong());
        }
    }

    private static void range(JsonNode shape, double number, String path, List<String> problems) {
        if (shape.has("min") && number < shape.get("min").asDouble()) {
            problems.add(path + ": " + number + " is below the minimum " + shape.get("min").asDouble());
        }
        if (shape.has("max") && number > shape.get("max").asDouble()) {
            problems.add(path + ": " + number + " is above the maximum " + shape.get("max").asDouble());
        }
    }

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, r -> {
            try {
                return Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                return Pattern.compile(".*", Pattern.DOTALL);
            }
        });
    }
}
