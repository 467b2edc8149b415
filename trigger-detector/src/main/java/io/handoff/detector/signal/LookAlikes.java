package io.handoff.detector.signal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Explains away matches that look like a request for a person but are about something else:
 * <ul>
 *   <li>the person word is the first half of a compound noun: "human resources", "agent seats",
 *       "manager dashboard", "operator role";</li>
 *   <li>the visitor says what they are, not whom they want: "I'm a real estate agent", "I am not a robot";</li>
 *   <li>the clause manages people instead of asking for one: "how many agents can I add", "invite a
 *       person to my workspace", "can my customers talk to a human" — unless it is about this very
 *       chat ("add a human to this chat");</li>
 *   <li>the clause asks what the product can do: "does the bot support handoff to a live agent?".</li>
 * </ul>
 */
final class LookAlikes {

    private static final Set<String> COMPOUND_HEADS = Set.of(
            "resources", "resource", "rights", "error", "errors", "nature", "race", "dashboard", "dashboards", "role",
            "roles", "plan", "plans", "seat", "seats", "license", "licenses", "licence", "licences", "account",
            "accounts", "page", "pages", "portal", "app", "apps", "view", "settings", "setting", "permissions",
            "permission", "feature", "features", "add", "api", "tool", "tools", "integration", "integrations", "level",
            "levels", "mode", "status", "list", "report", "reports", "login", "panel", "console", "inbox", "software",
            "module", "workspace", "profile", "analytics", "queue", "routing", "assignment", "count", "limit", "limits",
            "pricing", "price", "fee", "fees", "commission", "training", "interface", "ui", "screen", "widget",
            "access", "data", "details", "name", "names", "number", "id", "email", "emails", "order", "orders",
            "history", "info", "information", "address", "password", "availability", "field", "tab", "column",
            "metrics", "performance", "schedule", "shift", "shifts", "salary", "job", "jobs", "position", "positions",
            "program", "rollen", "rolle", "konto", "konten", "zugang", "lizenz", "lizenzen", "platz", "platze",
            "seite", "bereich", "verwaltung", "rechte", "readable", "friendly", "verification", "verified", "centered",
            "centred", "made", "generated", "written", "review", "reviewed");

    private static final String SELF = "(?:^|\\s)(?:i am|as|work as|become|being|you are|soy|je suis|ich bin|sou"
            + "|trabajo como|trabalho como)";
    /** "I am a real person", "I work as an agent": the visitor describes themselves. */
    private static final Pattern SELF_AS = Pattern.compile(SELF + "(?: not| no| nicht)? (?:an?|the|un|una|ein|eine|um|uma)$");
    /** "I am not a robot": the match itself carries the negation and the article. */
    private static final Pattern SELF_NOT = Pattern.compile(SELF + "$");

    private static final Pattern MANAGING = Pattern.compile(
            "\\b(?:add|adding|added|invite|invited|inviting|remove|removing|removed|delete|deleting|deleted|create"
                    + "|creating|rename|renaming|assign|assigning|assigned|hire|hiring|onboard|onboarding|configure"
                    + "|configuring|deactivate|register|seat|seats|license|licenses|how many|cuantos|cuantas|combien"
                    + "|wie viele|quantos|quantas|agregar|anadir|invitar|eliminar|borrar|ajouter|inviter|supprimer"
                    + "|hinzufugen|einladen|anlegen|loschen|entfernen|adicionar|convidar|remover|excluir|cadastrar)\\b"
                    + "|\\b(?:my|our) (?:customers|users|visitors|clients|team|staff|employees|agents|members|workspace"
                    + "|organization|organisation|company|shop|store|site|website)\\b");

    /** "Does the bot support handoff to a live agent?": a question about what the product can do. */
    private static final Pattern PRODUCT_QUESTION = Pattern.compile(
            "^(?:does|do|can|will|is|are|could) (?:the|your|this|my) (?:bot|chatbot|widget|product|plan|app|platform"
                    + "|software|tool|system|integration|assistant|starter plan|pro plan|free plan)"
                    + " (?:support|offer|include|allow|have|provide|let|handle|do)\\b");

    private static final Pattern THIS_CHAT = Pattern.compile("\\b(?:this|the) (?:chat|conversation)\\b");

    private LookAlikes() {
    }

    static boolean explainsAway(String clause, String match, List<String> before, List<String> after) {
        if (!after.isEmpty() && COMPOUND_HEADS.contains(after.get(0))) {
            return true;
        }
        String lead = String.join(" ", before.subList(Math.max(0, before.size() - 4), before.size()));
        boolean negatedMatch = match.startsWith("not ") || match.startsWith("no ");
        if ((negatedMatch ? SELF_NOT : SELF_AS).matcher(lead).find()) {
            return true;
        }
        if (PRODUCT_QUESTION.matcher(clause).find()) {
            return true;
        }
        return MANAGING.matcher(clause).find() && !THIS_CHAT.matcher(clause).find();
    }
}
