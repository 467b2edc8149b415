package io.handoff.deploy.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration keys a {@code @ConfigMapping} interface reads, found in its Java source: each
 * method is a key (its name in kebab case, or its {@code @WithName}) under the mapping's prefix, a
 * method returning a nested interface is a group of keys, and one returning a {@code Map} is a family
 * of keys under its name.
 *
 * <p>Reading the source, not the compiled class, keeps this check independent of the services'
 * builds. It understands the subset of Java such interfaces are written in and fails loudly on
 * anything else, rather than guessing.
 */
public final class ConfigMappingSource {

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern ANNOTATION = Pattern.compile("@(\\w+)(?:\\s*\\([^)]*\\))?");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern METHOD = Pattern.compile("^([\\w.]+(?:\\s*<.*>)?)\\s+(\\w+)\\s*\\(\\s*\\)$", Pattern.DOTALL);

    /** What a mapping reads: exact keys, and prefixes under which any key is read (maps). */
    public record Keys(List<String> keys, List<String> families) {
    }

    private ConfigMappingSource() {
    }

    /** The keys of the {@code @ConfigMapping} interface in {@code source}, or empty when it has none. */
    public static Optional<Keys> read(String source) {
        String code = withoutCommentsAndStrings(source);
        Optional<Matcher> annotation = mappingAnnotation(source, code);
        if (annotation.isEmpty()) {
            return Optional.empty();
        }
        Matcher mapping = annotation.get();
        String prefix = mapping.group(1);
        Matcher top = INTERFACE.matcher(code);
        if (!top.find(mapping.end())) {
            throw new IllegalArgumentException("@ConfigMapping(prefix = \"" + prefix + "\") without an interface");
        }
        // Strings are blanked in `code`, so offsets agree with `source` and annotation values are read there.
        Map<String, Body> interfaces = new LinkedHashMap<>();
        Body body = Body.at(source, code, top.end(), interfaces);
        List<String> keys = new ArrayList<>();
        List<String> families = new ArrayList<>();
        collect(prefix, body, interfaces, keys, families);
        return Optional.of(new Keys(List.copyOf(keys), List.copyOf(families)));
    }

    /** The first {@code @ConfigMapping} in code; one in a comment is blanked in {@code code} and skipped. */
    private static Optional<Matcher> mappingAnnotation(String source, String code) {
        Matcher mapping = MAPPING.matcher(source);
        while (mapping.find()) {
            if (code.charAt(mapping.start()) == '@') {
                return Optional.of(mapping);
            }
        }
        return Optional.empty();
    }

    private static void collect(String prefix, Body body, Map<String, Body> interfaces, List<String> keys,
                                List<String> families) {
        for (Member member : body.members()) {
            String type = member.type();
            String name = member.annotation("WithName").orElseGet(() -> kebab(member.name()));
            String key = member.annotation("WithParentName").isPresent() ? prefix : prefix + "." + name;
            String group = groupType(type);
            if (group != null && interfaces.containsKey(group)) {
                collect(key, interfaces.get(group), interfaces, keys, families);
            } else if (type.startsWith("Map<") || type.startsWith("java.util.Map<")) {
                families.add(key + ".");
            } else {
                keys.add(key);
            }
        }
    }

    /** The interface a method returns, looking through {@code Optional<...>}. */
    private static String groupType(String type) {
        String t = type.replaceAll("\\s", "");
        if (t.startsWith("Optional<") && t.endsWith(">")) {
            t = t.substring("Optional<".length(), t.length() - 1);
        }
        return t.matches("[\\w.]+") ? t.substring(t.lastIndexOf('.') + 1) : null;
    }

    static String kebab(String method) {
        StringBuilder out = new StringBuilder();
        for (char c : method.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The source with comments removed and string literals blanked (same length), for structure only. */
    static String withoutCommentsAndStrings(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
                while (i < source.length() && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                for (; i < end; i++) {
                    out.append(source.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"') {
                out.append('"');
                i++;
                while (i < source.length() && source.charAt(i) != '"') {
                    if (source.charAt(i) == '\\') {
                        out.append(' ');
                        i++;
                    }
                    out.append(' ');
                    i++;
                }
                out.append('"');
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private record Member(String type, String name, Map<String, String> annotations) {
        Optional<String> annotation(String simpleName) {
            return Optional.ofNullable(annotations.get(simpleName));
        }
    }

    /** The members of one interface body. */
    private record Body(List<Member> members) {

        /**
         * Reads the body that starts after the `{` at {@code start}; the interfaces declared in it, at
         * any depth, are added to {@code interfaces} by name.
         */
        static Body at(String source, String code, int start, Map<String, Body> interfaces) {
            List<Member> members = new ArrayList<>();
            int i = start;
            int memberStart = start;
            while (i < code.length()) {
                char c = code.charAt(i);
                if (c == '}') {
                    return new Body(members);
                }
                if (c == '{') {
                    String head = code.substring(memberStart, i + 1);
                    Matcher nestedInterface = INTERFACE.matcher(head);
                    int close = matching(code, i);
                    if (nestedInterface.find()) {
                        interfaces.put(nestedInterface.group(1), Body.at(source, code, i + 1, interfaces));
                    }
                    // A default method's or a nested type's body: nothing more to read from it here.
                    i = close + 1;
                    memberStart = i;
                    continue;
                }
                if (c == ';') {
                    member(source.substring(memberStart, i), code.substring(memberStart, i)).ifPresent(members::add);
                    memberStart = i + 1;
                }
                i++;
            }
            throw new IllegalArgumentException("unbalanced braces in a @ConfigMapping interface");
        }

        private static int matching(String code, int open) {
            int depth = 0;
            for (int i = open; i < code.length(); i++) {
                if (code.charAt(i) == '{') {
                    depth++;
                } else if (code.charAt(i) == '}' && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unbalanced braces in a @ConfigMapping interface");
        }

        private static Optional<Member> member(String sourceText, String codeText) {
            Map<String, String> annotations = new LinkedHashMap<>();
            Matcher annotation = ANNOTATION.matcher(codeText);
            int end = 0;
            while (annotation.find(end) && codeText.substring(end, annotation.start()).isBlank()) {
                // Strings are blanked in codeText; their values are at the same place in sourceText.
                Matcher value = STRING.matcher(sourceText.substring(annotation.start(), annotation.end()));
                annotations.put(annotation.group(1), value.find() ? value.group(1) : "");
                end = annotation.end();
            }
            String rest = codeText.substring(end).trim();
            if (rest.startsWith("static ") || rest.contains("=")) {
                return Optional.empty();
            }
            Matcher method = METHOD.matcher(rest);
            if (!method.matches()) {
                throw new IllegalArgumentException("cannot read this @ConfigMapping member: " + rest);
            }
            return Optional.of(new Member(method.group(1).trim(), method.group(2), annotations));
        }
    }
}
