// The visitor simulator: a chat widget that plays the upstream chat service against the local
// stack. Everything shown comes from one timeline the dev console keeps per conversation (the
// visitor's and the AI's messages it produced, and the directives Handoff sent back); the page polls
// it for the entries after the last one it has.
"use strict";

(() => {
  const CONVERSATION_KEY = "handoff.simulator.conversation";
  const POLL_MS = 1000;
  const MAX_POLL_MS = 10000;

  const $ = (id) => document.getElementById(id);

  const page = {
    config: { chatbotId: "demo-bot", chatbotName: "Demo Chatbot", consoleUrl: null },
    conversationId: null,
    last: 0,
    generation: 0,
    timer: null,
    inFlight: false,
    again: false,
    failures: 0,
    agentMessages: new Set(),
  };

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "className") node.className = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function newConversationId() {
    const n = window.crypto.getRandomValues(new Uint32Array(1))[0];
    return String(100000 + (n % 900000));
  }

  async function start() {
    try {
      const response = await fetch("/api/simulator/config");
      if (response.ok) page.config = await response.json();
    } catch (e) {
      showError("The local stack does not answer; is ./run-local still running?");
    }
    $("chatbot-name").textContent = page.config.chatbotName || page.config.chatbotId;
    $("composer").addEventListener("submit", (e) => { e.preventDefault(); send(); });
    $("new-conversation").addEventListener("click", () => begin(newConversationId()));
    begin(sessionStorage.getItem(CONVERSATION_KEY) || newConversationId());
  }

  function begin(conversationId) {
    page.generation += 1;
    clearTimeout(page.timer);
    page.conversationId = conversationId;
    page.last = 0;
    page.agentMessages.clear();
    sessionStorage.setItem(CONVERSATION_KEY, conversationId);
    $("conversation-id").textContent = conversationId;
    const link = $("console-link");
    if (page.config.consoleUrl) {
      const url = new URL(page.config.consoleUrl);
      url.searchParams.set("chatbot", page.config.chatbotId);
      url.searchParams.set("conversation", conversationId);
      link.href = url.toString();
      link.hidden = false;
    } else {
      link.hidden = true;
    }
    $("chat").replaceChildren();
    setMode("AI", null);
    showError("");
    pollNow();
    $("message-input").focus();
  }

  function visitor() {
    return { firstName: $("first-name").value.trim(), email: $("visitor-email").value.trim() };
  }

  async function post(action, body) {
    const response = await fetch(`/api/simulator/conversations/${page.conversationId}/${action}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...visitor(), ...body }),
    });
    if (!response.ok) {
      let detail = `HTTP ${response.status}`;
      try { detail = (await response.json()).detail || detail; } catch (e) { /* keep the status */ }
      throw new Error(detail);
    }
    showError("");
    pollNow();
  }

  async function send() {
    const input = $("message-input");
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    try {
      await post("messages", { text });
    } catch (e) {
      input.value = text;
      showError(`Not sent: ${e.message}`);
    }
  }

  // ---------------------------------------------------------------- polling

  function pollNow() {
    clearTimeout(page.timer);
    if (page.inFlight) {
      page.again = true;
      return;
    }
    poll();
  }

  async function poll() {
    const generation = page.generation;
    page.inFlight = true;
    let delay = POLL_MS;
    try {
      const response = await fetch(`/api/simulator/conversations/${page.conversationId}?after=${page.last}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const snapshot = await response.json();
      if (generation !== page.generation) return;
      // the dev console was restarted and forgot the conversation: start counting again
      if (snapshot.last < page.last) page.last = snapshot.last;
      for (const entry of snapshot.entries) {
        if (entry.n <= page.last) continue;
        page.last = entry.n;
        show(entry);
      }
      setMode(snapshot.mode, snapshot.agentName);
      if (page.failures > 0) showError("");
      page.failures = 0;
    } catch (e) {
      page.failures += 1;
      delay = Math.min(MAX_POLL_MS, POLL_MS * 2 ** page.failures);
      showError("The local stack does not answer; trying again.");
    } finally {
      page.inFlight = false;
      if (page.again) {
        page.again = false;
        page.timer = setTimeout(poll, 0);
      } else if (generation === page.generation) {
        page.timer = setTimeout(poll, delay);
      }
    }
  }

  // ---------------------------------------------------------------- showing the timeline

  function show(entry) {
    const body = entry.body || {};
    if (entry.kind === "visitor") {
      bubble("visitor", "You", body.text, { "data-n": entry.n });
    } else if (entry.kind === "assistant") {
      const ai = body.ai || {};
      const notes = [];
      if (typeof ai.confidence === "number") notes.push(`confidence ${ai.confidence.toFixed(2)}`);
      if (ai.handoffSuggested) notes.push("suggests a person");
      bubble("assistant", `AI assistant${notes.length ? ` · ${notes.join(", ")}` : ""}`, body.text, { "data-n": entry.n });
    } else if (entry.kind === "directive") {
      directive(entry.n, body);
    }
  }

  function directive(n, d) {
    switch (d.type) {
      case "escalation.offered": {
        const yes = el("button", { type: "button", "data-testid": "offer-yes" }, "Yes, please");
        const no = el("button", { type: "button", className: "secondary", "data-testid": "offer-no" }, "No, thanks");
        const choices = el("div", { className: "choices" }, yes, no);
        const answer = async (accepted) => {
          yes.disabled = true;
          no.disabled = true;
          try {
            await post("answer", { accepted });
            choices.replaceChildren(el("span", {}, accepted ? "You said yes." : "You said no."));
          } catch (e) {
            yes.disabled = false;
            no.disabled = false;
            showError(`Not sent: ${e.message}`);
          }
        };
        yes.addEventListener("click", () => answer(true));
        no.addEventListener("click", () => answer(false));
        note(n, d, d.text, choices);
        break;
      }
      case "contact.requested": {
        const id = `contact-${n}`;
        const input = el("input", { id, type: "email", required: true, placeholder: d.emailPlaceholder || "", "data-testid": "contact-email" });
        const form = el("form", { className: "choices" },
          el("label", { for: id, className: "visually-hidden" }, "Your email address"), input,
          el("button", { type: "submit", "data-testid": "contact-send" }, "Send"));
        form.addEventListener("submit", async (e) => {
          e.preventDefault();
          const email = input.value.trim();
          if (!email) return;
          try {
            $("visitor-email").value = email;
            await post("contact", { email });
            form.replaceChildren(el("span", {}, `Sent ${email}.`));
          } catch (err) {
            showError(`Not sent: ${err.message}`);
          }
        });
        note(n, d, d.text, form);
        break;
      }
      case "problem.requested":
        note(n, d, d.text);
        break;
      case "escalation.confirmed":
        note(n, d, d.text, el("span", { className: "from" },
          d.aiKeepsAnswering ? "The AI keeps answering while you wait." : "The AI waits for the team."));
        break;
      case "livechat.started":
        note(n, d, d.text);
        break;
      case "agent.message":
        if (d.messageId && page.agentMessages.has(d.messageId)) return; // shown once, as the contract asks
        if (d.messageId) page.agentMessages.add(d.messageId);
        bubble("agent", (d.agent && (d.agent.name || d.agent.id)) || "Agent", d.text, { "data-n": n, "data-type": d.type });
        break;
      case "livechat.ended":
        note(n, d, d.text, el("span", { className: "from" }, "AI resumed."));
        break;
      default:
        break; // directive types this page does not know are ignored, as the contract asks
    }
  }

  function bubble(kind, from, text, attributes) {
    append(el("li", { "data-kind": kind, "data-testid": "chat-entry", ...attributes },
      el("span", { className: "from" }, from),
      el("span", { className: "text", "data-testid": "chat-text" }, text)));
  }

  function note(n, d, text, ...extra) {
    append(el("li", { className: "note", "data-kind": "directive", "data-type": d.type, "data-n": n, "data-testid": "chat-entry" },
      el("span", { className: "text", "data-testid": "chat-text" }, text || d.type), ...extra));
  }

  function append(item) {
    const chat = $("chat");
    const nearBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 40;
    chat.append(item);
    if (nearBottom) chat.scrollTop = chat.scrollHeight;
  }

  function setMode(mode, agentName) {
    const label = $("mode");
    label.dataset.mode = mode;
    label.textContent = mode === "LIVE" ? `Live with ${agentName || "an agent"}`
      : mode === "WAITING" ? "Waiting for the team (AI paused)" : "AI answering";
  }

  function showError(text) {
    $("error").textContent = text;
    $("error").hidden = !text;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
