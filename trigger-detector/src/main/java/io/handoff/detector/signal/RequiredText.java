package io.handoff.detector.signal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The literal text a regular expression cannot match without, read from the expression itself: for
 * {@code \b(?:talk|speak) to (?:a |an )?(?:agent|human)\b} every match contains one of "talk", "speak",
 * one of " to ", and one of "agent", "human". Finding these strings in a message is a single pass
 * ({@link LiteralScan}); running the expression is not, and most messages lack them for most patterns.
 *
 * <p>The answer is a list of sets, all of which must be met, each by one of its strings occurring
 * anywhere in the text. It is a necessary condition only, never a sufficient one, so a pattern is still
 * run whenever the condition holds. Conservative by construction: optional parts contribute nothing,
 * alternatives contribute the union of what each branch needs, and anything the reader does not
 * understand (inline flags, quoting) makes the whole answer empty, which means "always run".
 */
final class RequiredText {

    private RequiredText() {
    }

    static List<Set<String>> of(String regex) {
        Reader reader = new Reader(regex);
        try {
            List<Set<String>> required = reader.alternation();
            return reader.pos == regex.length() ? List.copyOf(required) : List.of();
        } catch (Unsupported e) {
            return List.of();
        }
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final class Reader {
        private final String regex;
        private int pos;

        Reader(String regex) {
            this.regex = regex;
        }

        /** Branches separated by {@code |} up to a closing parenthesis or the end. */
        List<Set<String>> alternation() {
            List<List<Set<String>>> branches = new ArrayList<>();
            branches.add(sequence());
            while (pos < regex.length() && regex.charAt(pos) == '|') {
                pos++;
                branches.add(sequence());
            }
            if (branches.size() == 1) {
                return branches.get(0);
            }
            Set<String> any = new HashSet<>();
            for (List<Set<String>> branch : branches) {
                if (branch.isEmpty()) {
                    return List.of();
                }
                any.addAll(mostSelective(branch));
            }
            return List.of(Set.copyOf(any));
        }

        private List<Set<String>> sequence() {
            List<Set<String>> required = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            while (pos < regex.length()) {
                char c = regex.charAt(pos);
                if (c == '|' || c == ')') {
                    break;
                }
                if (c == '(') {
                    pos++;
                    boolean zeroWidth = false;
                    if (regex.startsWith("?:", pos)) {
                        pos += 2;
                    } else if (regex.startsWith("?<!", pos) || regex.startsWith("?<=", pos)) {
                        pos += 3;
                        zeroWidth = true;
                    } else if (regex.startsWith("?!", pos) || regex.startsWith("?=", pos)) {
                        pos += 2;
                        zeroWidth = true;
                    } else if (c(pos) == '?') {
                        throw new Unsupported();
                    }
                    List<Set<String>> inner = alternation();
                    expect(')');
                    flush(run, required);
                    if (minimumRepeats() >= 1 && !zeroWidth) {
                        required.addAll(inner);
                    }
                } else if (c == '[') {
                    skipClass();
                    minimumRepeats();
                    flush(run, required);
                } else if (c == '\\') {
                    char escaped = c(pos + 1);
                    pos += 2;
                    if (Character.isLetterOrDigit(escaped)) {
                        if (escaped == 'Q' || escaped == 'E' || escaped == 'k' || escaped == 'x' || escaped == 'u'
                                || escaped == 'c' || escaped == '0') {
                            throw new Unsupported();
                        }
                        if ((escaped == 'p' || escaped == 'P') && c(pos) == '{') {
                            pos = regex.indexOf('}', pos) + 1;
                            if (pos == 0) {
                                throw new Unsupported();
                            }
                        } else if (escaped == 'p' || escaped == 'P') {
                            pos++;
                        }
                        minimumRepeats();
                        flush(run, required);
                    } else {
                        literal(escaped, run, required);
                    }
                } else if (c == '.' || c == '^' || c == '$') {
                    pos++;
                    minimumRepeats();
                    flush(run, required);
                } else if (c == '?' || c == '*' || c == '+' || c == '{' || c == ']' || c == '}') {
                    throw new Unsupported();
                } else {
                    pos++;
                    literal(c, run, required);
                }
            }
            flush(run, required);
            return required;
        }

        /** A plain character: part of the current run when it must occur exactly once here. */
        private void literal(char c, StringBuilder run, List<Set<String>> required) {
            int quantifierAt = pos;
            int min = minimumRepeats();
            if (min == 0) {
                flush(run, required);
            } else if (pos == quantifierAt) {
                run.append(c);
            } else {
                run.append(c);
                flush(run, required);
            }
        }

        /** Reads a quantifier if one follows: how often the preceding atom must occur at least. */
        private int minimumRepeats() {
            if (pos >= regex.length()) {
                return 1;
            }
            char q = regex.charAt(pos);
            int min;
            if (q == '?' || q == '*') {
                pos++;
                min = 0;
            } else if (q == '+') {
                pos++;
                min = 1;
            } else if (q == '{') {
                int close = regex.indexOf('}', pos);
                if (close < 0) {
                    throw new Unsupported();
                }
                String bounds = regex.substring(pos + 1, close);
                String first = bounds.contains(",") ? bounds.substring(0, bounds.indexOf(',')) : bounds;
                if (first.isEmpty() || !first.chars().allMatch(Character::isDigit)) {
                    throw new Unsupported();
                }
                min = Integer.parseInt(first);
                pos = close + 1;
            } else {
                return 1;
            }
            if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
                pos++;
            }
            return min;
        }

        private void skipClass() {
            int depth = 0;
            while (pos < regex.length()) {
                char c = regex.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                    continue;
                }
                pos++;
                if (c == '[') {
                    depth++;
                } else if (c == ']' && --depth == 0) {
                    return;
                }
            }
            throw new Unsupported();
        }

        private void expect(char c) {
            if (c(pos) != c) {
                throw new Unsupported();
            }
            pos++;
        }

        private char c(int at) {
            if (at >= regex.length()) {
                throw new Unsupported();
            }
            return regex.charAt(at);
        }

        private static void flush(StringBuilder run, List<Set<String>> required) {
            if (!run.isEmpty()) {
                required.add(Set.of(run.toString()));
                run.setLength(0);
            }
        }
    }

    /** The requirement least likely to be met by chance: the longest shortest string, then the fewest strings. */
    static Set<String> mostSelective(List<Set<String>> required) {
        Set<String> best = null;
        int bestShortest = -1;
        for (Set<String> any : required) {
            int shortest = any.stream().mapToInt(String::length).min().orElse(0);
            if (shortest > bestShortest || (shortest == bestShortest && any.size() < best.size())) {
                best = any;
                bestShortest = shortest;
            }
        }
        return best;
    }
}
