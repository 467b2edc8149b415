package io.handoff.events.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A quick check of an event against its JSON Schema, compiled once from the same schema files, that
 * answers {@link Verdict#VALID} only where the full validator would accept the event too. Nearly every
 * event is valid, and for those this check is all the validation there is; anything else (an event that
 * breaks a rule, or a case the check does not judge with certainty) goes to the full validator, which
 * words the errors for the dead-letter record.
 *
 * <p>It knows the keywords the event schemas use: {@code type}, {@code const}, {@code enum},
 * {@code required}, {@code properties}, {@code additionalProperties}, {@code items}, {@code minItems},
 * {@code minLength}, {@code minimum}, {@code maximum}, {@code pattern}, {@code anyOf}, {@code oneOf},
 * {@code allOf}, {@code not} and {@code $ref} within and across the schema files; {@code format} is an
 * annotation for the full validator as configured, so it is one here too. A schema with any other
 * keyword is never judged, so a keyword added later cannot be skipped by mistake.
 */
final class QuickSchemaCheck {

    enum Verdict { VALID, INVALID, UNKNOWN }

    private static final String BASE = "https://handoff.io/schemas/";
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title", "description",
            "examples", "default", "deprecated", "readOnly", "writeOnly", "format");

    private final ObjectMapper mapper;
    private final Map<String, JsonNode> documents = new HashMap<>();
    /** By identity: equal subschemas in two files may resolve references differently. */
    private final Map<JsonNode, Node> compiled = new IdentityHashMap<>();
    private final Node root;

    /** @param file the schema file name under {@code /schemas/}, e.g. {@code message.created.schema.json} */
    QuickSchemaCheck(ObjectMapper mapper, String file) {
        this.mapper = mapper;
        Node compiledRoot;
        try {
            compiledRoot = compile(document(file), file);
        } catch (RuntimeException e) {
            compiledRoot = node -> Verdict.UNKNOWN;
        }
        this.root = compiledRoot;
    }

    Verdict check(JsonNode event) {
        return root.check(event);
    }

    @FunctionalInterface
    private interface Node {
        Verdict check(JsonNode value);
    }

    private JsonNode document(String file) {
        return documents.computeIfAbsent(file, f -> {
            try (InputStream in = QuickSchemaCheck.class.getResourceAsStream("/schemas/" + f)) {
                if (in == null) {
                    throw new IllegalStateException("no schema /schemas/" + f);
                }
                return mapper.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Compiles a (sub)schema of {@code file}; references are resolved lazily, so cycles are fine. */
    private Node compile(JsonNode schema, String file) {
        Node known = compiled.get(schema);
        if (known != null) {
            return known;
        }
        Node node = build(schema, file);
        compiled.put(schema, node);
        return node;
    }

    private Node build(JsonNode schema, String file) {
        if (schema.isBoolean()) {
            return schema.booleanValue() ? value -> Verdict.VALID : value -> Verdict.INVALID;
        }
        if (!schema.isObject()) {
            return value -> Verdict.UNKNOWN;
        }
        List<Node> checks = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String keyword = field.getKey();
            JsonNode arg = field.getValue();
            if (ANNOTATIONS.contains(keyword)) {
                if (keyword.equals("$id") && schema != document(file)) {
                    return value -> Verdict.UNKNOWN; // a nested base URI: not handled
                }
                continue;
            }
            Node check = keyword(keyword, arg, schema, file);
            if (check == null) {
                return value -> Verdict.UNKNOWN;
            }
            checks.add(check);
        }
        Node[] all = checks.toArray(new Node[0]);
        return value -> {
            Verdict verdict = Verdict.VALID;
            for (Node check : all) {
                Verdict v = check.check(value);
                if (v == Verdict.INVALID) {
                    return Verdict.INVALID;
                }
                if (v == Verdict.UNKNOWN) {
                    verdict = Verdict.UNKNOWN;
                }
            }
            return verdict;
        };
    }

    private Node keyword(String keyword, JsonNode arg, JsonNode schema, String file) {
        switch (keyword) {
            case "type": {
                List<String> types = new ArrayList<>();
                if (arg.isTextual()) {
                    types.add(arg.textValue());
                } else if (arg.isArray()) {
                    arg.forEach(t -> types.add(t.asText()));
                } else {
                    return null;
                }
                for (String type : types) {
                    if (!Set.of("object", "array", "string", "boolean", "null", "integer", "number").contains(type)) {
                        return null;
                    }
                }
                return value -> ofType(value, types);
            }
            case "const":
                if (!arg.isTextual()) {
                    return null;
                }
                return value -> !value.isTextual() ? Verdict.INVALID
                        : value.textValue().equals(arg.textValue()) ? Verdict.VALID : Verdict.INVALID;
            case "enum": {
                List<String> allowed = new ArrayList<>();
                for (JsonNode option : arg) {
                    if (!option.isTextual()) {
                        return null;
                    }
                    allowed.add(option.textValue());
                }
                return value -> value.isTextual() && allowed.contains(value.textValue()) ? Verdict.VALID
                        : value.isTextual() ? Verdict.INVALID : Verdict.UNKNOWN;
            }
            case "required": {
                List<String> names = new ArrayList<>();
                arg.forEach(n -> names.add(n.asText()));
                return value -> {
                    if (!value.isObject()) {
                        return Verdict.VALID;
                    }
                    for (String name : names) {
                        if (!value.has(name)) {
                            return Verdict.INVALID;
                        }
                    }
                    return Verdict.VALID;
                };
            }
            case "properties": {
                if (!arg.isObject()) {
                    return null;
                }
                Map<String, Node> properties = new HashMap<>();
                arg.fields().forEachRemaining(p -> properties.put(p.getKey(), lazy(p.getValue(), file)));
                return value -> {
                    if (!value.isObject()) {
                        return Verdict.VALID;
                    }
                    Verdict verdict = Verdict.VALID;
                    for (Map.Entry<String, Node> property : properties.entrySet()) {
                        JsonNode member = value.get(property.getKey());
                        if (member != null) {
                            verdict = and(verdict, property.getValue().check(member));
                            if (verdict == Verdict.INVALID) {
                                return verdict;
                            }
                        }
                    }
                    return verdict;
                };
            }
            case "additionalProperties": {
                Set<String> declared = new HashSet<>();
                JsonNode properties = schema.get("properties");
                if (properties != null) {
                    properties.fieldNames().forEachRemaining(declared::add);
                }
                if (schema.has("patternProperties")) {
                    return null;
                }
                Node other = lazy(arg, file);
                return value -> {
                    if (!value.isObject()) {
                        return Verdict.VALID;
                    }
                    Verdict verdict = Verdict.VALID;
                    Iterator<Map.Entry<String, JsonNode>> members = value.fields();
                    while (members.hasNext()) {
                        Map.Entry<String, JsonNode> member = members.next();
                        if (!declared.contains(member.getKey())) {
                            verdict = and(verdict, other.check(member.getValue()));
                            if (verdict == Verdict.INVALID) {
                                return verdict;
                            }
                        }
                    }
                    return verdict;
                };
            }
            case "items": {
                if (!arg.isObject() && !arg.isBoolean()) {
                    return null;
                }
                Node item = lazy(arg, file);
                return value -> {
                    if (!value.isArray()) {
                        return Verdict.VALID;
                    }
                    Verdict verdict = Verdict.VALID;
                    for (JsonNode element : value) {
                        verdict = and(verdict, item.check(element));
                        if (verdict == Verdict.INVALID) {
                            return verdict;
                        }
                    }
                    return verdict;
                };
            }
            case "minItems": {
                if (!arg.canConvertToInt()) {
                    return null;
                }
                int min = arg.intValue();
                return value -> !value.isArray() ? Verdict.VALID : value.size() >= min ? Verdict.VALID : Verdict.INVALID;
            }
            case "minLength": {
                if (!arg.isIntegralNumber()) {
                    return null;
                }
                int min = arg.intValue();
                return value -> {
                    if (!value.isTextual()) {
                        return Verdict.VALID;
                    }
                    String text = value.textValue();
                    if (text.length() < min) {
                        return Verdict.INVALID;
                    }
                    return text.codePointCount(0, text.length()) >= min ? Verdict.VALID : Verdict.UNKNOWN;
                };
            }
            case "minimum":
            case "maximum": {
                if (!arg.isNumber()) {
                    return null;
                }
                BigDecimal limit = arg.decimalValue();
                boolean minimum = keyword.equals("minimum");
                return value -> {
                    if (!value.isNumber()) {
                        return Verdict.VALID;
                    }
                    if (value.isDouble() && !Double.isFinite(value.doubleValue())) {
                        return Verdict.UNKNOWN;
                    }
                    int c = value.decimalValue().compareTo(limit);
                    if (c == 0) {
                        return Verdict.UNKNOWN;
                    }
                    return (minimum ? c > 0 : c < 0) ? Verdict.VALID : Verdict.UNKNOWN;
                };
            }
            case "pattern": {
                if (!arg.isTextual()) {
                    return null;
                }
                Pattern pattern = Pattern.compile(arg.textValue());
                return value -> !value.isTextual() ? Verdict.VALID
                        : pattern.matcher(value.textValue()).find() ? Verdict.VALID : Verdict.INVALID;
            }
            case "anyOf":
            case "oneOf":
            case "allOf": {
                if (!arg.isArray() || arg.isEmpty()) {
                    return null;
                }
                List<Node> branches = new ArrayList<>();
                arg.forEach(b -> branches.add(lazy(b, file)));
                Node[] all = branches.toArray(new Node[0]);
                return switch (keyword) {
                    case "anyOf" -> value -> {
                        Verdict verdict = Verdict.INVALID;
                        for (Node branch : all) {
                            Verdict v = branch.check(value);
                            if (v == Verdict.VALID) {
                                return v;
                            }
                            if (v == Verdict.UNKNOWN) {
                                verdict = Verdict.UNKNOWN;
                            }
                        }
                        return verdict;
                    };
                    case "oneOf" -> value -> {
                        int valid = 0;
                        for (Node branch : all) {
                            Verdict v = branch.check(value);
                            if (v == Verdict.UNKNOWN) {
                                return Verdict.UNKNOWN;
                            }
                            if (v == Verdict.VALID) {
                                valid++;
                            }
                        }
                        return valid == 1 ? Verdict.VALID : Verdict.INVALID;
                    };
                    default -> value -> {
                        Verdict verdict = Verdict.VALID;
                        for (Node branch : all) {
                            verdict = and(verdict, branch.check(value));
                            if (verdict == Verdict.INVALID) {
                                return verdict;
                            }
                        }
                        return verdict;
                    };
                };
            }
            case "not": {
                Node inner = lazy(arg, file);
                return value -> switch (inner.check(value)) {
                    case VALID -> Verdict.INVALID;
                    case INVALID -> Verdict.VALID;
                    default -> Verdict.UNKNOWN;
                };
            }
            case "$ref":
                return reference(arg.asText(), file);
            default:
                return null;
        }
    }

    /** {@code #/$defs/x} in the same file, or {@code other.schema.json#/$defs/x}, absolute or relative. */
    private Node reference(String ref, String file) {
        String target = ref.startsWith(BASE) ? ref.substring(BASE.length()) : ref;
        int hash = target.indexOf('#');
        String targetFile = hash == 0 ? file : hash < 0 ? target : target.substring(0, hash);
        String pointer = hash < 0 ? "" : target.substring(hash + 1);
        if (targetFile.contains("/") || targetFile.contains(":") || (!pointer.isEmpty() && !pointer.startsWith("/"))) {
            return null;
        }
        JsonNode schema = document(targetFile).at(pointer);
        if (schema.isMissingNode()) {
            return null;
        }
        return lazy(schema, targetFile);
    }

    /** A subschema compiled on first use, so that recursive references do not recurse here. */
    private Node lazy(JsonNode schema, String file) {
        Node[] cell = new Node[1];
        return value -> {
            Node node = cell[0];
            if (node == null) {
                synchronized (this) {
                    node = cell[0] == null ? (cell[0] = compileSafely(schema, file)) : cell[0];
                }
            }
            return node.check(value);
        };
    }

    private Node compileSafely(JsonNode schema, String file) {
        try {
            return compile(schema, file);
        } catch (RuntimeException e) {
            return value -> Verdict.UNKNOWN;
        }
    }

    private static Verdict ofType(JsonNode value, List<String> types) {
        Verdict verdict = Verdict.INVALID;
        for (String type : types) {
            Verdict v = switch (type) {
                case "object" -> value.isObject() ? Verdict.VALID : Verdict.INVALID;
                case "array" -> value.isArray() ? Verdict.VALID : Verdict.INVALID;
                case "string" -> value.isTextual() ? Verdict.VALID : Verdict.INVALID;
                case "boolean" -> value.isBoolean() ? Verdict.VALID : Verdict.INVALID;
                case "null" -> value.isNull() ? Verdict.VALID : Verdict.INVALID;
                case "integer" -> value.isIntegralNumber() ? Verdict.VALID
                        : value.isNumber() ? Verdict.UNKNOWN : Verdict.INVALID;
                default -> value.isNumber() ? Verdict.VALID : Verdict.INVALID;
            };
            if (v == Verdict.VALID) {
                return v;
            }
            if (v == Verdict.UNKNOWN) {
                verdict = Verdict.UNKNOWN;
            }
        }
        return verdict;
    }

    private static Verdict and(Verdict a, Verdict b) {
        if (a == Verdict.INVALID || b == Verdict.INVALID) {
            return Verdict.INVALID;
        }
        return a == Verdict.UNKNOWN || b == Verdict.UNKNOWN ? Verdict.UNKNOWN : Verdict.VALID;
    }
}
