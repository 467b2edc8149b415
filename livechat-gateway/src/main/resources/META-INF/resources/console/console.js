// The Handoff agent console: a client of the agent WebSocket, protocol 2 (docs/websocket.md).
//
// Everything the page shows is derived from the frames the gateway sends; the only state kept here
// is what a reconnect needs (the highest seq seen, sends not yet acknowledged) and what the agent did
// in this tab (which escalations they have looked at). Frames may arrive twice after a reconnect, so
// each one is merged idempotently: conversations are replaced by their key unless we already hold a
// newer state of them, messages are skipped when their messageId is known. A conversation's key is its
// chatbot and its id together (conversation ids are unique only within a chatbot), and every command
// names both.
//
// The statistics view, next to the inbox, is stats.js; this page gives it the token and the chatbots
// the gateway's hello names.
"use strict";

(() => {
  const TOKEN_KEY = "handoff.console.token";
  const SEEN_KEY = "handoff.console.seen";
  const SOUND_KEY = "handoff.console.sound";
  const TITLE = "Handoff agent console";
  const PROTOCOL = 2;
  const FIRST_RETRY_MS = 1000;
  const MAX_RETRY_MS = 30000;
  const TYPING_IDLE_MS = 2500;
  const TYPING_SHOWN_MS = 6000;
  const MAX_SEEN = 500;
  const MAX_TEXT = 4000;
  // The sub-protocol offered next to "bearer.<token>", and the close code of a connection whose token ran out.
  const SUB_PROTOCOL = "handoff.agent.v2";
  const TOKEN_EXPIRED_CODE = 4001;

  const $ = (id) => document.getElementById(id);

  // Formatting and token reading, without state, are console-format.js.
  const { el, uuid, tokenClaims, tokenExpired, time, duration, visitorName, chatbotName, triggerType,
    triggerLabel, agentName } = window.HandoffFormat;

  const state = {
    token: null,
    socket: null,
    agent: null,
    protocol: null,
    seq: null,                    // highest seq seen on any frame, for after=
    conversations: new Map(),     // key -> summary
    summarySeq: new Map(),        // key -> seq of the summary we hold
    transcripts: new Map(),       // key -> {messages: [], ids: Set}
    selected: null,
    deepLink: null,
    pending: new Map(),           // ref -> {action, key, messageId?, text?}
    nextRef: 1,
    retries: 0,
    retryTimer: null,
    helloSinceSignIn: false,
    failedHandshakes: 0,
    seen: new Set(),
    othersTyping: new Map(),      // key -> Map(agentId -> {name, timer})
    myTyping: { key: null, timer: null },
    audio: null,
    lastChime: 0,
    chimes: 0,
    view: "inbox",                // "inbox" or "stats"
  };

  const stats = window.HandoffStats.create({
    token: () => state.token,
    tokenExpired: () => !state.token || tokenExpired(state.token),
    expired: () => signOut("Your token has expired. Paste a new one."),
    triggerLabel: (type) => triggerLabel(type),
  });

  // ---------------------------------------------------------------- small helpers

  function isMine(summary) {
    return summary.state === "LIVE" && summary.agent && state.agent && summary.agent.id === state.agent.id;
  }

  function stateLabel(summary) {
    switch (summary.state) {
      case "WAITING": return "Waiting";
      case "LIVE": return isMine(summary) ? "Live with you" : `Live with ${agentName(summary.agent)}`;
      case "BOT": return "With the bot";
      case "CLOSED": return "Closed";
      default: return String(summary.state || "Unknown");
    }
  }

  /** What identifies "this escalation" for the badge: a new escalation of the same conversation is new again. */
  function escalationKey(summary) {
    const escalation = summary.escalation;
    return escalation && escalation.escalationId ? escalation.escalationId : `${summaryKey(summary)}@${summary.since}`;
  }

  /** A conversation's key: its chatbot ("" when not known yet) and its id. */
  function convKey(chatbotId, conversationId) {
    return JSON.stringify([chatbotId === undefined || chatbotId === null ? "" : String(chatbotId), String(conversationId)]);
  }

  function summaryKey(summary) {
    return convKey(summary.chatbot ? summary.chatbot.id : null, summary.conversationId);
  }

  /** The key of the conversation a frame is about: every frame names the chatbot next to the id. */
  function frameKey(frame) {
    const summary = frame.summary || {};
    return convKey(frame.chatbotId !== undefined ? frame.chatbotId : summary.chatbot && summary.chatbot.id,
      frame.conversationId !== undefined ? frame.conversationId : summary.conversationId);
  }

  /** What a command says of a conversation: its id, and its chatbot when known. */
  function target(key) {
    const [chatbotId, conversationId] = JSON.parse(key);
    return chatbotId ? { conversationId, chatbotId } : { conversationId };
  }

  // ---------------------------------------------------------------- sign-in and sign-out

  function start() {
    const params = new URLSearchParams(location.search);
    if (params.get("view") === "stats") {
      state.view = "stats";
    } else if (params.get("conversation")) {
      state.deepLink = { conversationId: params.get("conversation"), chatbot: params.get("chatbot") };
    }
    try {
      for (const key of JSON.parse(sessionStorage.getItem(SEEN_KEY) || "[]")) state.seen.add(key);
    } catch (e) {
      sessionStorage.removeItem(SEEN_KEY);
    }
    $("sound-toggle").checked = localStorage.getItem(SOUND_KEY) !== "off";
    $("sound-toggle").addEventListener("change", (e) => {
      localStorage.setItem(SOUND_KEY, e.target.checked ? "on" : "off");
      if (e.target.checked) unlockAudio();
    });
    $("sign-in-form").addEventListener("submit", signIn);
    $("sign-out").addEventListener("click", () => signOut(""));
    $("view-inbox").addEventListener("click", () => setView("inbox"));
    $("view-stats").addEventListener("click", () => setView("stats", true));
    $("composer").addEventListener("submit", (e) => { e.preventDefault(); sendFromComposer(); });
    $("composer-input").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendFromComposer(); }
    });
    $("composer-input").addEventListener("input", typingInput);
    $("composer-input").addEventListener("blur", () => stopTyping());
    $("take-button").addEventListener("click", () => command("take", state.selected));
    $("release-button").addEventListener("click", () => command("release", state.selected));
    $("end-button").addEventListener("click", () => command("end", state.selected));
    window.addEventListener("online", () => { if (state.token && !state.socket) connectNow(); });
    // Browsers start audio only after a gesture; the first click or key press unlocks the chime.
    document.addEventListener("pointerdown", unlockAudio, { once: true });
    document.addEventListener("keydown", unlockAudio, { once: true });
    setInterval(() => { if (state.token) renderInbox(); }, 30000);

    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved && !tokenExpired(saved)) {
      state.token = saved;
      showConsole();
      connect();
    } else {
      if (saved) sessionStorage.removeItem(TOKEN_KEY);
      showSignIn(saved ? "Your token has expired. Paste a new one." : "");
    }
  }

  function signIn(event) {
    event.preventDefault();
    unlockAudio();
    let token = $("token-input").value.trim();
    if (token.toLowerCase().startsWith("bearer ")) token = token.slice(7).trim();
    if (token.split(".").length !== 3 || tokenClaims(token) === null) {
      $("sign-in-error").textContent = "That does not look like a JWT (three parts separated by dots).";
      $("token-input").focus();
      return;
    }
    if (tokenExpired(token)) {
      $("sign-in-error").textContent = "This token has expired. Ask for a new one.";
      $("token-input").focus();
      return;
    }
    // A new token of the agent whose sign-in ran out continues where they left off (after=seq);
    // anyone else's starts afresh.
    const subject = (tokenClaims(token) || {}).sub;
    if (state.agent && state.agent.id && subject !== state.agent.id) signOut("");
    sessionStorage.setItem(TOKEN_KEY, token);
    state.token = token;
    $("token-input").value = "";
    showConsole();
    connectNow();
  }

  /**
   * The gateway closed the connection because the token ran out: ask for a new one, keeping the
   * conversations and the last seq, so signing in again continues without a gap.
   */
  function askForNewToken() {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    clearTimeout(state.retryTimer);
    state.retryTimer = null;
    $("console-view").hidden = true;
    $("agent-box").hidden = true;
    $("sign-in-view").hidden = false;
    $("sign-in-error").textContent = "Your sign-in ran out. Paste a new token to continue where you left off.";
    setStatus("offline", "Signed out: token expired");
    $("token-input").focus();
  }

  function signOut(reason) {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(SEEN_KEY);
    state.token = null;
    clearTimeout(state.retryTimer);
    state.retryTimer = null;
    const socket = state.socket;
    state.socket = null;
    if (socket) socket.close(1000, "signed out");
    Object.assign(state, {
      agent: null, protocol: null, seq: null, selected: null, retries: 0,
      helloSinceSignIn: false, failedHandshakes: 0,
    });
    state.conversations.clear();
    state.summarySeq.clear();
    state.transcripts.clear();
    state.pending.clear();
    state.seen.clear();
    state.othersTyping.clear();
    stats.reset();
    showSignIn(reason);
  }

  function showSignIn(reason) {
    $("console-view").hidden = true;
    $("agent-box").hidden = true;
    $("sign-in-view").hidden = false;
    $("sign-in-error").textContent = reason || "";
    setNotice("");
    setStatus("offline", "Signed out");
    document.title = TITLE;
    $("token-input").focus();
  }

  function showConsole() {
    $("sign-in-view").hidden = true;
    $("console-view").hidden = false;
    $("agent-box").hidden = false;
    $("agent-name").textContent = "…";
    setView(state.view);
  }

  /** Shows the inbox or the statistics; the address bar follows, so either can be linked to. */
  function setView(view, moveFocus) {
    state.view = view === "stats" ? "stats" : "inbox";
    const onStats = state.view === "stats";
    $("inbox-view").hidden = onStats;
    $("stats-view").hidden = !onStats;
    for (const [id, current] of [["view-inbox", !onStats], ["view-stats", onStats]]) {
      if (current) $(id).setAttribute("aria-current", "page");
      else $(id).removeAttribute("aria-current");
    }
    if (onStats) {
      stats.show();
      if (moveFocus) $("stats-heading").focus();
    } else {
      stats.hide();
      updateLocation(state.selected);
      renderAll();
    }
  }

  // ---------------------------------------------------------------- the connection

  function connect() {
    clearTimeout(state.retryTimer);
    state.retryTimer = null;
    if (!state.token) return;
    if (tokenExpired(state.token)) {
      signOut("Your token has expired. Paste a new one.");
      return;
    }
    const url = new URL("/ws/agent", location.href);
    url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
    if (state.seq !== null) url.searchParams.set("after", String(state.seq));
    setStatus("connecting", state.retries === 0 ? "Connecting…" : "Reconnecting…");
    // The token travels as a sub-protocol, never in the URL, which proxies and servers write to logs.
    const socket = new WebSocket(url.toString(), [SUB_PROTOCOL, "bearer." + state.token]);
    state.socket = socket;
    let opened = false;
    socket.addEventListener("open", () => { opened = true; });
    // Browsers cannot send WebSocket pings; a ping frame keeps idle proxies from closing the connection.
    const keepAlive = setInterval(() => {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "ping" }));
    }, 25000);
    socket.addEventListener("close", () => clearInterval(keepAlive));
    socket.addEventListener("message", (event) => {
      if (state.socket !== socket) return;
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        console.warn("ignoring a frame that is not JSON", e);
        return;
      }
      if (frame && typeof frame.type === "string") receive(frame);
    });
    socket.addEventListener("close", (event) => {
      if (state.socket !== socket) return;
      state.socket = null;
      if (event.code === TOKEN_EXPIRED_CODE) {
        askForNewToken();
        return;
      }
      if (!opened) state.failedHandshakes += 1;
      scheduleReconnect(event);
    });
  }

  function connectNow() {
    state.retries = 0;
    connect();
  }

  function scheduleReconnect(event) {
    if (!state.token) return;
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** state.retries) * (0.8 + Math.random() * 0.4);
    state.retries += 1;
    const seconds = Math.max(1, Math.round(delay / 1000));
    if (!state.helloSinceSignIn && state.failedHandshakes >= 3) {
      setNotice("The gateway does not accept the connection. If this goes on, your token may not be valid "
        + "for this gateway: sign out and paste a new one.");
    } else if (event && event.code === 1011) {
      setNotice(`The gateway could not load the inbox${event.reason ? ` (${event.reason})` : ""}. Trying again.`);
    }
    setStatus("offline", `Offline. Reconnecting in ${seconds} s…`);
    state.retryTimer = setTimeout(connect, delay);
  }

  function transmit(frame) {
    if (state.socket && state.socket.readyState === WebSocket.OPEN && state.agent) {
      state.socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  function command(action, key, fields) {
    if (!key) return null;
    const ref = `r${state.nextRef++}`;
    state.pending.set(ref, { action, key, ...(fields || {}) });
    if (action !== "send") clearConversationError();
    if (!transmit({ type: action, ref, ...target(key), ...(fields || {}) }) && action !== "send") {
      state.pending.delete(ref);
      showError(key, "Not connected to the gateway. Try again in a moment.");
    }
    return ref;
  }

  // ---------------------------------------------------------------- frames from the gateway

  function receive(frame) {
    if (typeof frame.seq === "number") state.seq = state.seq === null ? frame.seq : Math.max(state.seq, frame.seq);
    switch (frame.type) {
      case "hello": return onHello(frame);
      case "inbox": return onInbox(frame);
      case "escalation.created":
      case "conversation.claimed":
      case "conversation.released":
      case "livechat.ended":
      case "conversation.closed":
      case "conversation.active":
        return onConversationEvent(frame);
      case "message": return onMessage(frame);
      case "typing": return onTyping(frame);
      case "transcript": return onTranscript(frame);
      case "ack": return onAck(frame);
      case "error": return onError(frame);
      default: return undefined; // frames of later protocol versions are ignored
    }
  }

  function onHello(frame) {
    state.agent = frame.agent || { id: "", name: "" };
    state.protocol = frame.protocol;
    state.retries = 0;
    state.failedHandshakes = 0;
    state.helloSinceSignIn = true;
    $("agent-name").textContent = agentName(state.agent);
    stats.setScope({
      chatbots: Array.isArray(frame.chatbots) ? frame.chatbots.map(String) : [],
      all: frame.allChatbots === true,
    });
    setStatus("online", "Connected");
    setNotice(frame.protocol === PROTOCOL ? ""
      : `This console speaks protocol ${PROTOCOL}; the gateway speaks protocol ${frame.protocol}. Some actions may not work.`);
  }

  function onInbox(frame) {
    // The inbox is the whole truth: it replaces what we had. The selected conversation stays even
    // when the inbox no longer lists it (it may have closed); opening it again refreshes it.
    const kept = state.selected ? state.conversations.get(state.selected) : null;
    state.conversations.clear();
    state.summarySeq.clear();
    for (const summary of frame.conversations || []) {
      const id = summaryKey(summary);
      state.conversations.set(id, summary);
      state.summarySeq.set(id, typeof frame.seq === "number" ? frame.seq : -1);
    }
    if (kept && !state.conversations.has(state.selected)) state.conversations.set(state.selected, kept);

    // Commands other than send that were in flight when the connection dropped are forgotten; the
    // open below asks again for what the agent is looking at.
    resendPendingMessages();
    if (state.deepLink) {
      const link = state.deepLink;
      state.deepLink = null;
      // a link names the chatbot; one that does not is matched to a conversation of that id we hold
      const held = [...state.conversations.values()].find((s) => String(s.conversationId) === String(link.conversationId));
      select(link.chatbot ? convKey(link.chatbot, link.conversationId)
        : held ? summaryKey(held) : convKey(null, link.conversationId));
    } else if (state.selected) {
      sendOpen(state.selected);
    }
    renderAll();
  }

  function onConversationEvent(frame) {
    const summary = frame.summary;
    if (!summary) return;
    const id = frameKey(frame);
    const held = state.summarySeq.get(id);
    // Missed events replayed after a reconnect are older than the inbox that preceded them.
    if (typeof frame.seq === "number" && held !== undefined && frame.seq <= held) return;
    const before = state.conversations.get(id);
    state.conversations.set(id, summary);
    if (typeof frame.seq === "number") state.summarySeq.set(id, frame.seq);

    if (frame.type === "escalation.created" && summary.state === "WAITING"
        && !(before && before.state === "WAITING" && escalationKey(before) === escalationKey(summary))) {
      announce(`New conversation waiting: ${visitorName(summary)} (${chatbotName(summary)})`);
      chime();
    }
    if (frame.type === "conversation.claimed" && id === state.selected && isMine(summary)) {
      clearConversationError(); // our own take or first send went through
    }
    renderAll();
  }

  function onMessage(frame) {
    const id = frameKey(frame);
    const message = frame.message;
    if (!message) return;
    const added = addMessage(id, message);
    const summary = state.conversations.get(id);
    if (summary && (message.role === "visitor" || message.role === "assistant")) {
      summary.lastMessage = message.text;
    }
    if (message.role === "agent" && message.agent) stopShowingTyping(id, message.agent.id);
    if (added && id === state.selected && !(message.role === "agent" && isMe(message.agent))) {
      announce(`${speaker(message, summary)}: ${message.text}`);
    }
    renderAll();
  }

  function onTranscript(frame) {
    const request = state.pending.get(frame.ref);
    state.pending.delete(frame.ref);
    const summary = frame.summary;
    const id = summary ? summaryKey(summary) : request && request.key;
    if (!id) return;
    if (summary) state.conversations.set(id, summary);
    // opened by a link that did not name the chatbot: the answer says whose conversation it is
    if (request && request.key !== id && state.selected === request.key) {
      state.selected = id;
      updateLocation(id);
    }
    // The transcript is the stored history; messages already shown that it does not hold (ours still
    // being sent, or a message that arrived while the answer was on its way) are kept after it.
    const old = state.transcripts.get(id);
    const fresh = { messages: [], ids: new Set() };
    for (const message of frame.messages || []) {
      fresh.messages.push({ ...message });
      if (message.messageId) fresh.ids.add(message.messageId);
    }
    if (old) {
      for (const message of old.messages) {
        if (message.messageId && !fresh.ids.has(message.messageId) && (message.status || message.live)) {
          fresh.messages.push(message);
          fresh.ids.add(message.messageId);
        }
      }
    }
    state.transcripts.set(id, fresh);
    renderAll();
  }

  function onAck(frame) {
    const request = state.pending.get(frame.ref);
    state.pending.delete(frame.ref);
    if (request && request.action === "send") {
      const transcript = state.transcripts.get(request.key);
      const message = transcript && transcript.messages.find((m) => m.messageId === request.messageId);
      if (message) delete message.status;
    }
    if (request && request.key === state.selected) clearConversationError();
    renderAll();
  }

  function onError(frame) {
    const request = frame.ref ? state.pending.get(frame.ref) : null;
    if (frame.ref) state.pending.delete(frame.ref);
    const id = request ? request.key : frame.conversationId !== undefined ? frameKey(frame) : null;
    if (request && request.action === "send") {
      const transcript = state.transcripts.get(request.key);
      const message = transcript && transcript.messages.find((m) => m.messageId === request.messageId);
      if (message) message.status = "failed";
      if (request.key === state.selected && !$("composer-input").value) {
        $("composer-input").value = request.text;
      }
    }
    if (request && request.action === "open" && frame.error === "not_found" && id === state.selected) {
      state.conversations.delete(id);
      state.selected = null;
      updateLocation(null);
      setNotice(describeError(frame));
      renderAll();
      return;
    }
    if (id) showError(id, describeError(frame));
    else setNotice(describeError(frame));
    renderAll();
  }

  function describeError(frame) {
    if (frame.detail) return frame.detail;
    switch (frame.error) {
      case "taken": return `${agentName(frame.agent)} is already talking to this visitor`;
      case "not_found": return "This conversation is not among your chatbots' conversations.";
      case "not_open": return "There is nothing to do in this conversation's state.";
      case "not_yours": return "Another agent owns this conversation.";
      case "unavailable": return "The gateway could not do that just now. Try again.";
      default: return `The gateway refused that (${frame.error}).`;
    }
  }

  function onTyping(frame) {
    const id = frameKey(frame);
    if (!frame.agent || isMe(frame.agent)) return;
    if (frame.typing) {
      const typists = state.othersTyping.get(id) || new Map();
      const previous = typists.get(frame.agent.id);
      if (previous) clearTimeout(previous.timer);
      typists.set(frame.agent.id, {
        name: agentName(frame.agent),
        timer: setTimeout(() => stopShowingTyping(id, frame.agent.id), TYPING_SHOWN_MS),
      });
      state.othersTyping.set(id, typists);
      renderTyping();
    } else {
      stopShowingTyping(id, frame.agent.id);
    }
  }

  function stopShowingTyping(key, agentId) {
    const typists = state.othersTyping.get(key);
    if (!typists || !typists.has(agentId)) return;
    clearTimeout(typists.get(agentId).timer);
    typists.delete(agentId);
    renderTyping();
  }

  function isMe(agent) {
    return Boolean(agent && state.agent && agent.id === state.agent.id);
  }

  function speaker(message, summary) {
    if (message.role === "agent") return isMe(message.agent) ? `${agentName(message.agent)} (you)` : agentName(message.agent);
    if (message.role === "assistant") return "Bot";
    return summary ? visitorName(summary) : "Visitor";
  }

  /** Adds a message unless its messageId is already there; returns whether it was added. */
  function addMessage(key, message) {
    let transcript = state.transcripts.get(key);
    if (!transcript) {
      transcript = { messages: [], ids: new Set() };
      state.transcripts.set(key, transcript);
    }
    if (message.messageId && transcript.ids.has(message.messageId)) {
      const known = transcript.messages.find((m) => m.messageId === message.messageId);
      if (known && known.status === "sending") delete known.status; // our own send, now stored
      return false;
    }
    transcript.messages.push({ ...message, live: true });
    if (message.messageId) transcript.ids.add(message.messageId);
    return true;
  }

  // ---------------------------------------------------------------- what the agent does

  function select(key) {
    const id = key;
    const previous = state.selected;
    if (previous && previous !== id) {
      stopTyping();
      const summary = state.conversations.get(previous);
      if (!(summary && isMine(summary))) transmit({ type: "unwatch", ...target(previous) });
    }
    state.selected = id;
    clearConversationError();
    const summary = state.conversations.get(id);
    if (summary) markSeen(summary);
    updateLocation(id);
    sendOpen(id);
    renderAll();
  }

  function sendOpen(key) {
    command("open", key);
  }

  function updateLocation(key) {
    if (state.view === "stats") return; // the statistics view keeps its own parameters there
    const url = new URL(location.href);
    for (const name of ["view", "range", "from", "to", "interval"]) url.searchParams.delete(name);
    if (key) {
      const [chatbotId, conversationId] = JSON.parse(key);
      url.searchParams.set("conversation", conversationId);
      if (chatbotId) url.searchParams.set("chatbot", chatbotId);
      else url.searchParams.delete("chatbot");
    } else {
      url.searchParams.delete("conversation");
      url.searchParams.delete("chatbot");
    }
    history.replaceState(null, "", url);
  }

  function sendFromComposer() {
    const input = $("composer-input");
    const text = input.value.trim();
    const id = state.selected;
    if (!text || !id || !canSend(state.conversations.get(id))) return;
    if (text.length > MAX_TEXT) {
      showError(id, `A message can hold at most ${MAX_TEXT} characters.`);
      return;
    }
    stopTyping();
    clearConversationError();
    const messageId = uuid();
    addMessage(id, {
      messageId, role: "agent", text, at: new Date().toISOString(), agent: state.agent, status: "sending",
    });
    input.value = "";
    command("send", id, { text, messageId });
    renderAll();
    input.focus();
  }

  /** After a reconnect, sends that were never acknowledged go again with the same messageId. */
  function resendPendingMessages() {
    for (const [ref, request] of state.pending) {
      if (request.action === "send") {
        transmit({ type: "send", ref, ...target(request.key), text: request.text, messageId: request.messageId });
      } else {
        state.pending.delete(ref);
      }
    }
  }

  function typingInput() {
    const id = state.selected;
    if (!id) return;
    if ($("composer-input").value.trim() === "") {
      stopTyping();
      return;
    }
    if (state.myTyping.key !== id) {
      stopTyping();
      if (transmit({ type: "typing", ...target(id), typing: true })) state.myTyping.key = id;
    }
    clearTimeout(state.myTyping.timer);
    state.myTyping.timer = setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  function stopTyping() {
    clearTimeout(state.myTyping.timer);
    state.myTyping.timer = null;
    const id = state.myTyping.key;
    state.myTyping.key = null;
    if (id) transmit({ type: "typing", ...target(id), typing: false });
  }

  function canSend(summary) {
    if (!summary) return false;
    return summary.state === "WAITING" || summary.state === "BOT" || isMine(summary);
  }

  // ---------------------------------------------------------------- notifications

  function markSeen(summary) {
    if (summary.state !== "WAITING") return;
    state.seen.add(escalationKey(summary));
    const all = [...state.seen].slice(-MAX_SEEN);
    sessionStorage.setItem(SEEN_KEY, JSON.stringify(all));
  }

  function unseenWaiting() {
    let count = 0;
    for (const summary of state.conversations.values()) {
      if (summary.state === "WAITING" && !state.seen.has(escalationKey(summary))) count += 1;
    }
    return count;
  }

  function unlockAudio() {
    if (state.audio || !$("sound-toggle").checked) return;
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    try {
      state.audio = new Context();
    } catch (e) {
      state.audio = null;
    }
  }

  /** A short two-note chime made with an oscillator, at most one per second and a half. */
  function chime() {
    const now = Date.now();
    if (now - state.lastChime < 1500) return;
    state.lastChime = now;
    state.chimes += 1;
    $("inbox-badge").dataset.chimes = String(state.chimes);
    if (!$("sound-toggle").checked) return;
    unlockAudio();
    const audio = state.audio;
    if (!audio) return;
    if (audio.state === "suspended") audio.resume().catch(() => {});
    const t = audio.currentTime;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = "sine";
    oscillator.frequency.setValueAtTime(880, t);
    oscillator.frequency.setValueAtTime(660, t + 0.12);
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.2, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.3);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(t);
    oscillator.stop(t + 0.32);
  }

  function announce(text) {
    const line = el("p", {}, text);
    const region = $("announcer");
    region.append(line);
    while (region.childElementCount > 5) region.firstElementChild.remove();
  }

  // ---------------------------------------------------------------- rendering

  function setStatus(kind, text) {
    const status = $("connection-status");
    status.className = `connection ${kind}`;
    status.dataset.state = kind;
    status.textContent = text;
  }

  function setNotice(text) {
    $("notice").textContent = text;
    $("notice").hidden = !text;
  }

  const conversationErrors = new Map();

  function showError(key, text) {
    conversationErrors.set(key, text);
    renderConversation();
  }

  function clearConversationError() {
    if (state.selected) conversationErrors.delete(state.selected);
  }

  function renderAll() {
    renderInbox();
    renderConversation();
  }

  function renderInbox() {
    if ($("console-view").hidden) return;
    const focused = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("[data-key]") : null;
    const focusKey = focused ? { key: focused.dataset.key, testid: focused.dataset.testid } : null;

    const all = [...state.conversations.values()];
    const bySince = (a, b) => String(a.since || "").localeCompare(String(b.since || ""));
    const waiting = all.filter((s) => s.state === "WAITING").sort(bySince);
    const live = all.filter((s) => s.state === "LIVE").sort(bySince);
    // the gateway lists conversations with the bot most recently active first; keep its order
    const bot = all.filter((s) => s.state === "BOT");
    fillList($("waiting-list"), waiting, "Nobody is waiting.");
    fillList($("live-list"), live, "No live chats.");
    fillList($("bot-list"), bot, "No recent bot conversations.");
    $("waiting-count").textContent = waiting.length ? `(${waiting.length})` : "";
    $("live-count").textContent = live.length ? `(${live.length})` : "";
    $("bot-count").textContent = bot.length ? `(${bot.length})` : "";

    const unseen = unseenWaiting();
    const badge = $("inbox-badge");
    badge.hidden = unseen === 0;
    badge.textContent = String(unseen);
    badge.setAttribute("aria-label", `${unseen} new waiting`);
    const tabBadge = $("tab-badge");
    tabBadge.hidden = unseen === 0;
    tabBadge.textContent = String(unseen);
    tabBadge.setAttribute("aria-label", `${unseen} new waiting`);
    document.title = unseen > 0 ? `(${unseen}) ${TITLE}` : TITLE;

    if (focusKey) {
      const again = [...document.querySelectorAll(`#inbox [data-testid="${focusKey.testid}"]`)]
        .find((node) => node.dataset.key === focusKey.key);
      if (again) again.focus();
    }
  }

  function fillList(list, summaries, emptyText) {
    list.replaceChildren();
    if (summaries.length === 0) {
      list.append(el("li", { className: "empty" }, emptyText));
      return;
    }
    for (const summary of summaries) list.append(inboxItem(summary));
  }

  function inboxItem(summary) {
    const id = summaryKey(summary);
    const trigger = triggerType(summary);
    const unseen = summary.state === "WAITING" && !state.seen.has(escalationKey(summary));
    let status;
    if (summary.state === "WAITING") {
      status = `Waiting ${duration(summary.since)}${trigger ? ` · ${triggerLabel(trigger)}` : ""}`;
    } else if (summary.state === "LIVE") {
      status = `${stateLabel(summary)} · ${duration(summary.since)}`;
    } else {
      status = `With the bot since ${time(summary.since)}`;
    }
    const item = el("button", {
      type: "button",
      className: "conversation-item",
      "data-testid": "conversation-item",
      "data-conversation-id": summary.conversationId,
      "data-chatbot-id": summary.chatbot ? summary.chatbot.id : "",
      "data-key": id,
      "data-state": summary.state,
      "data-trigger": trigger,
      "aria-current": id === state.selected ? "true" : null,
      onclick: () => select(id),
    },
    el("span", { className: "who" },
      el("span", {}, visitorName(summary)),
      unseen ? el("span", { className: "new-dot", "data-testid": "new-marker" }, "New") : null),
    el("span", { className: "line", "data-testid": "conversation-status" }, status),
    el("span", { className: "line" }, `${chatbotName(summary)}${summary.lastMessage ? ` · “${summary.lastMessage}”` : ""}`));
    const children = [item];
    if (summary.state === "BOT") {
      children.push(el("button", {
        type: "button",
        className: "take-over secondary",
        "data-testid": "take-over",
        "data-conversation-id": summary.conversationId,
        "data-key": id,
        "aria-label": `Take over the conversation with ${visitorName(summary)}`,
        onclick: () => { select(id); command("take", id); },
      }, "Take over"));
    }
    return el("li", {}, ...children);
  }

  function renderConversation() {
    if ($("console-view").hidden) return;
    const id = state.selected;
    const summary = id ? state.conversations.get(id) : null;
    $("conversation-empty").hidden = Boolean(id);
    $("conversation-pane").hidden = !id;
    if (!id) return;

    const conversationId = JSON.parse(id)[1];
    $("conversation-pane").dataset.conversationId = conversationId;
    $("conversation-title").textContent = summary ? visitorName(summary) : `Conversation ${conversationId}`;
    const meta = [];
    if (summary) {
      meta.push(`${chatbotName(summary)} · conversation ${conversationId}`);
      const escalation = summary.escalation;
      const trigger = triggerType(summary);
      if (trigger) meta.push(`Why: ${triggerLabel(trigger)}${escalation.trigger.evidence ? ` (“${escalation.trigger.evidence}”)` : ""}`);
      if (escalation && escalation.visitor) {
        const contact = [escalation.visitor.email, escalation.visitor.phone].filter(Boolean).join(" · ");
        if (contact) meta.push(contact);
      }
    }
    $("conversation-meta").textContent = meta.join(" — ");

    const label = $("state-label");
    label.textContent = summary ? stateLabel(summary) : "Loading…";
    label.dataset.state = summary ? summary.state : "";

    const mine = summary && isMine(summary);
    $("take-button").hidden = !(summary && (summary.state === "WAITING" || summary.state === "BOT"));
    $("release-button").hidden = !mine;
    $("end-button").hidden = !mine;

    const error = conversationErrors.get(id);
    $("conversation-error").hidden = !error;
    $("conversation-error").textContent = error || "";

    renderTranscript(id, summary);
    renderTyping();

    const sendable = canSend(summary);
    $("composer-input").disabled = !sendable;
    $("send-button").disabled = !sendable;
    let hint;
    if (!summary) hint = "";
    else if (summary.state === "CLOSED") hint = "This live chat has ended; the AI answers the visitor again.";
    else if (summary.state === "LIVE" && !mine) hint = `${agentName(summary.agent)} is talking to this visitor.`;
    else if (mine) hint = "Enter sends, Shift+Enter starts a new line.";
    else hint = "Enter sends, Shift+Enter starts a new line. Your first message takes the conversation over and stops the AI.";
    $("composer-hint").textContent = hint;
  }

  function renderTranscript(id, summary) {
    const list = $("transcript");
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    const transcript = state.transcripts.get(id);
    list.replaceChildren();
    if (!transcript) {
      list.append(el("li", { className: "empty" }, "Loading the transcript…"));
      return;
    }
    for (const message of transcript.messages) {
      const attributes = {
        className: "message",
        "data-testid": "message",
        "data-role": message.role,
        "data-message-id": message.messageId || null,
        "data-status": message.status || null,
      };
      const from = `${speaker(message, summary)}${message.at ? ` · ${time(message.at)}` : ""}`
        + (message.status === "sending" ? " · sending…" : message.status === "failed" ? " · not sent" : "");
      list.append(el("li", attributes,
        el("span", { className: "from" }, from),
        el("span", { className: "text", "data-testid": "message-text" }, message.text)));
    }
    if (nearBottom) list.scrollTop = list.scrollHeight;
  }

  function renderTyping() {
    const typists = state.selected ? state.othersTyping.get(state.selected) : null;
    const names = typists ? [...typists.values()].map((t) => t.name) : [];
    $("typing-indicator").textContent = names.length === 0 ? ""
      : `${names.join(" and ")} ${names.length === 1 ? "is" : "are"} typing…`;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
