// What the agent console shows, formatted, and what it reads from a token: plain functions without
// the console's state, shared by console.js. Loaded before it (index.html).
"use strict";

window.HandoffFormat = (() => {
  const TRIGGERS = {
    human_request: "Asked for a person",
    frustration: "Frustration",
    repeated_question: "Repeated question",
    restricted_topic: "Restricted topic",
    keyword: "Keyword rule",
    ai_low_confidence: "AI not confident",
    ai_handoff_suggested: "AI suggested a person",
    message_count: "Many messages",
    no_resolution_time: "Not resolved in time",
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

  /** A random UUID; crypto.randomUUID needs a secure context, getRandomValues does not. */
  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === "function" && window.isSecureContext) {
      return window.crypto.randomUUID();
    }
    const b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function tokenClaims(token) {
    try {
      const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      const json = decodeURIComponent(atob(payload).split("")
        .map((c) => "%" + c.charCodeAt(0).toString(16).padStart(2, "0")).join(""));
      return JSON.parse(json);
    } catch (e) {
      return null;
    }
  }

  function tokenExpired(token) {
    const claims = tokenClaims(token);
    return claims !== null && typeof claims.exp === "number" && claims.exp * 1000 <= Date.now();
  }

  function time(iso) {
    const at = iso ? new Date(iso) : null;
    return at && !isNaN(at) ? at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) : "";
  }

  function duration(iso) {
    const since = iso ? new Date(iso) : null;
    if (!since || isNaN(since)) return "";
    const minutes = Math.max(0, Math.floor((Date.now() - since.getTime()) / 60000));
    if (minutes < 1) return "under a minute";
    if (minutes < 60) return `${minutes} min`;
    const hours = Math.floor(minutes / 60);
    return hours < 24 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
  }

  function visitorName(summary) {
    const visitor = summary.escalation && summary.escalation.visitor;
    if (visitor) {
      const name = [visitor.firstName, visitor.lastName].filter(Boolean).join(" ");
      if (name) return name;
      if (visitor.email) return visitor.email;
    }
    return `Visitor in conversation ${summary.conversationId}`;
  }

  function chatbotName(summary) {
    const chatbot = summary.chatbot || {};
    return chatbot.name || (chatbot.id !== undefined ? String(chatbot.id) : "");
  }

  function triggerType(summary) {
    const trigger = summary.escalation && summary.escalation.trigger;
    return trigger && trigger.type ? String(trigger.type) : null;
  }

  function triggerLabel(type) {
    return TRIGGERS[type] || type.replace(/_/g, " ");
  }

  function agentName(agent) {
    return agent ? agent.name || agent.id || "another agent" : "another agent";
  }

  return { el, uuid, tokenClaims, tokenExpired, time, duration, visitorName, chatbotName, triggerType,
    triggerLabel, agentName };
})();
