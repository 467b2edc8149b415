// The agent console's statistics view: a chatbot's escalation figures over time, from the escalation
// router's GET /api/v1/chatbots/{id}/stats (docs/stats.md), shown as figures, SVG charts and tables.
//
// The router is another origin than the gateway that served this page. The page asks the gateway
// where the router is (config.json) and calls it with the agent's token; the router allows the
// console's origin by CORS. Buckets are in UTC, as the router makes them, and so is every time here.
"use strict";

window.HandoffStats = (() => {
  const HOUR = 3600 * 1000;
  const DAY = 24 * HOUR;
  const PRESETS = {
    "24h": { label: "last 24 hours", interval: "hour", span: 24 * HOUR },
    "7d": { label: "last 7 days", interval: "day", span: 7 * DAY },
    "12w": { label: "last 12 weeks", interval: "week", span: 84 * DAY },
  };
  const DEFAULT_RANGE = "7d";
  const INTERVALS = ["hour", "day", "week"];
  const SVG_NS = "http://www.w3.org/2000/svg";
  const WIDTH = 720;
  const HEIGHT = 260;
  const MARGIN = { top: 14, right: 14, bottom: 40, left: 48 };

  const $ = (id) => document.getElementById(id);

  function build(node, attributes, children) {
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "className") node.setAttribute("class", value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const html = (tag, attributes, ...children) => build(document.createElement(tag), attributes, children);
  const svg = (tag, attributes, ...children) => build(document.createElementNS(SVG_NS, tag), attributes, children);

  // ---------------------------------------------------------------- numbers, times and ranges

  const PERCENT = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });
  const utcFormat = (options) => new Intl.DateTimeFormat(undefined, { timeZone: "UTC", ...options });
  const SHORT = {
    hour: utcFormat({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    day: utcFormat({ day: "numeric", month: "short" }),
    week: utcFormat({ day: "numeric", month: "short" }),
  };
  const LONG = {
    hour: utcFormat({ weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    day: utcFormat({ weekday: "short", day: "numeric", month: "short", year: "numeric" }),
    week: utcFormat({ day: "numeric", month: "short", year: "numeric" }),
  };
  const MOMENT = utcFormat({ day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

  function bucketLabel(start, interval, long) {
    const at = new Date(start);
    if (isNaN(at)) return String(start);
    const text = (long ? LONG : SHORT)[interval].format(at);
    return interval === "week" && long ? `week of ${text}` : text;
  }

  function percent(value) {
    return typeof value === "number" ? PERCENT.format(value) : "–";
  }

  function seconds(value) {
    const s = Math.max(0, Number(value) || 0);
    if (s < 60) return `${Math.round(s)} s`;
    const minutes = Math.round(s / 60);
    if (minutes < 60) return `${minutes} min`;
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return `${hours} h ${minutes % 60} min`;
    return `${Math.floor(hours / 24)} d ${hours % 24} h`;
  }

  function plural(count, one, many) {
    return `${count} ${count === 1 ? one : many || `${one}s`}`;
  }

  function iso(ms) {
    return new Date(ms).toISOString().replace(".000Z", "Z");
  }

  /** A preset range ends with the bucket holding now, so its last bar is the current hour, day or week. */
  function presetRange(key, now) {
    const preset = PRESETS[key];
    const t = new Date(now);
    const today = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
    let to;
    if (preset.interval === "hour") to = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours() + 1);
    else if (preset.interval === "day") to = today + DAY;
    else to = today - ((t.getUTCDay() + 6) % 7) * DAY + 7 * DAY; // the Monday after this week's
    return { from: iso(to - preset.span), to: iso(to), interval: preset.interval };
  }

  /** A datetime-local value read as UTC, like everything in this view. */
  function fromInput(value) {
    if (!value) return NaN;
    return Date.parse(value.length === 16 ? `${value}:00Z` : `${value}Z`);
  }

  function toInput(instant) {
    const at = Date.parse(instant || "");
    return isNaN(at) ? "" : new Date(at).toISOString().slice(0, 16);
  }

  function customRange() {
    const from = fromInput($("stats-from").value);
    const to = fromInput($("stats-to").value);
    if (isNaN(from) || isNaN(to)) return { error: "Enter the start and the end of the custom range." };
    if (from >= to) return { error: "The start of the range must be before its end." };
    return { from: iso(from), to: iso(to), interval: $("stats-interval").value };
  }

  // ---------------------------------------------------------------- the view

  /**
   * The view, bound to the console that hosts it. host.token() is the agent's token, host.tokenExpired()
   * says whether it may still be sent, host.expired() signs out, host.triggerLabel(type) names a trigger.
   */
  function create(host) {
    const link = new URLSearchParams(location.search);
    const state = {
      scope: null,          // {chatbots, all} from the gateway's hello
      chatbot: link.get("chatbot") || null,
      range: link.get("range") === "custom" || PRESETS[link.get("range")] ? link.get("range") : DEFAULT_RANGE,
      visible: false,
      attempted: false,     // whether anything was loaded since sign-in (the view loads once by itself)
      foreignLink: false,   // the link named a chatbot the agent does not serve: wait for their choice
      request: 0,           // number of the latest load; answers to older ones are dropped
      config: null,         // promise of the router's base URL, from config.json
    };
    if (state.range === "custom") {
      $("stats-from").value = toInput(link.get("from"));
      $("stats-to").value = toInput(link.get("to"));
      if (INTERVALS.includes(link.get("interval"))) $("stats-interval").value = link.get("interval");
    }

    $("stats-form").addEventListener("submit", (event) => {
      event.preventDefault();
      load();
    });
    $("stats-chatbot").addEventListener("change", (event) => {
      state.chatbot = event.target.value || null;
      load();
    });
    $("stats-chatbot-id").addEventListener("input", (event) => {
      state.chatbot = event.target.value.trim() || null;
    });
    for (const radio of document.querySelectorAll("input[name='stats-range']")) {
      radio.addEventListener("change", (event) => {
        if (!event.target.checked) return;
        const previous = state.range;
        state.range = event.target.value;
        renderRange();
        if (state.range !== "custom") {
          load();
          return;
        }
        // start the custom range from what is shown, then wait for Show
        if (!$("stats-from").value && !$("stats-to").value && PRESETS[previous]) {
          const shown = presetRange(previous, Date.now());
          $("stats-from").value = toInput(shown.from);
          $("stats-to").value = toInput(shown.to);
          $("stats-interval").value = shown.interval;
        }
        writeLocation();
      });
    }

    function setScope(scope) {
      const before = JSON.stringify(state.scope);
      state.scope = scope;
      if (JSON.stringify(scope) === before) return;
      renderForm();
      if (state.visible && !state.attempted) autoLoad();
    }

    function show() {
      state.visible = true;
      renderForm();
      writeLocation();
      if (!state.attempted) autoLoad();
    }

    function hide() {
      state.visible = false;
    }

    function reset() {
      state.scope = null;
      state.chatbot = null;
      state.attempted = false;
      state.foreignLink = false;
      state.request += 1;
      $("stats-chatbot").replaceChildren();
      $("stats-chatbot-id").value = "";
      $("stats-results").hidden = true;
      setBusy(false);
      showError("");
      setStatus("");
    }

    /** The first load happens by itself once the chatbot is known, unless a link named one not the agent's. */
    function autoLoad() {
      if (state.scope === null || state.foreignLink || !currentChatbot()) return;
      load();
    }

    function renderForm() {
      const scope = state.scope;
      const waiting = scope === null;
      for (const control of $("stats-form").querySelectorAll("input, select, button")) control.disabled = waiting;
      $("stats-chatbot-field").hidden = !waiting && scope.all;
      $("stats-chatbot-id-field").hidden = waiting || !scope.all;
      renderRange();
      if (waiting) {
        if (state.visible) setStatus("Connecting to the gateway to learn which chatbots you serve…");
        return;
      }
      if ($("stats-results").hidden) setStatus("");
      if (scope.all) {
        $("stats-chatbot-id").value = state.chatbot || "";
        if (!state.chatbot) setStatus("Enter the id of a chatbot and press Show.");
        return;
      }
      const select = $("stats-chatbot");
      select.replaceChildren(...scope.chatbots.map((id) => html("option", { value: id }, id)));
      if (state.chatbot && !scope.chatbots.includes(state.chatbot)) {
        showError(`Chatbot ${state.chatbot} is not among your chatbots. Choose one of yours.`);
        state.chatbot = null;
        state.foreignLink = true;
      }
      if (!state.chatbot) state.chatbot = scope.chatbots[0] || null;
      select.value = state.chatbot || "";
      if (scope.chatbots.length === 0) setStatus("Your token names no chatbot.");
    }

    function renderRange() {
      for (const radio of document.querySelectorAll("input[name='stats-range']")) radio.checked = radio.value === state.range;
      $("stats-custom").hidden = state.range !== "custom";
    }

    function currentChatbot() {
      if (state.scope && state.scope.all) return $("stats-chatbot-id").value.trim() || null;
      return state.chatbot;
    }

    function writeLocation() {
      const url = new URL(location.href);
      url.searchParams.delete("conversation");
      url.searchParams.set("view", "stats");
      if (state.chatbot) url.searchParams.set("chatbot", state.chatbot);
      else url.searchParams.delete("chatbot");
      url.searchParams.set("range", state.range);
      const custom = state.range === "custom" ? customRange() : null;
      if (custom && !custom.error) {
        url.searchParams.set("from", custom.from);
        url.searchParams.set("to", custom.to);
        url.searchParams.set("interval", custom.interval);
      } else {
        for (const name of ["from", "to", "interval"]) url.searchParams.delete(name);
      }
      history.replaceState(null, "", url);
    }

    async function load() {
      showError("");
      const chatbot = currentChatbot();
      if (!chatbot) {
        showError(state.scope && state.scope.all ? "Enter the id of a chatbot." : "Choose a chatbot.");
        return;
      }
      const range = state.range === "custom" ? customRange() : presetRange(state.range, Date.now());
      if (range.error) {
        showError(range.error);
        return;
      }
      state.chatbot = chatbot;
      state.attempted = true;
      state.foreignLink = false;
      writeLocation();
      if (host.tokenExpired()) {
        host.expired();
        return;
      }
      const number = ++state.request;
      setBusy(true);
      setStatus(`Loading the figures of ${chatbot}…`);
      let outcome;
      try {
        outcome = await fetchStats(chatbot, range);
      } catch (failure) {
        outcome = { error: failure.message };
      }
      if (number !== state.request) return; // a later load, or a sign-out, took over
      setBusy(false);
      if (outcome.error) {
        $("stats-results").hidden = true;
        setStatus("");
        showError(outcome.error, outcome.status);
        return;
      }
      render(outcome.stats, range);
    }

    function statsApiUrl() {
      if (!state.config) {
        state.config = fetch(new URL("config.json", location.href), { cache: "no-store" })
          .then((response) => {
            if (!response.ok) throw new Error(`it answered ${response.status}`);
            return response.json();
          })
          .then((config) => {
            if (!config || typeof config.statsApiUrl !== "string" || !config.statsApiUrl) {
              throw new Error("it names no statistics service");
            }
            return config.statsApiUrl.replace(/\/+$/, "");
          })
          .catch((failure) => {
            state.config = null; // ask again next time
            throw new Error(`The gateway did not say where the statistics service is (${failure.message}). Try again.`);
          });
      }
      return state.config;
    }

    async function fetchStats(chatbot, range) {
      const base = await statsApiUrl();
      let url;
      try {
        url = new URL(`${base}/api/v1/chatbots/${encodeURIComponent(chatbot)}/stats`);
      } catch (e) {
        throw new Error(`The gateway names "${base}" as the statistics service, which is not an address. Tell your administrator.`);
      }
      url.searchParams.set("from", range.from);
      url.searchParams.set("to", range.to);
      url.searchParams.set("interval", range.interval);
      let response;
      try {
        response = await fetch(url, {
          headers: { Authorization: `Bearer ${host.token()}`, Accept: "application/json" },
          cache: "no-store",
          credentials: "omit",
        });
      } catch (e) {
        return {
          error: `Could not reach the statistics service at ${base}. It may be down, or it does not allow this `
            + `console's address (${location.origin}). Try again, or tell your administrator.`,
        };
      }
      if (!response.ok) return { status: response.status, error: await describeProblem(response, chatbot) };
      try {
        return { stats: await response.json() };
      } catch (e) {
        return { error: "The statistics service answered with something that is not JSON." };
      }
    }

    async function describeProblem(response, chatbot) {
      let problem = {};
      try {
        problem = (await response.json()) || {};
      } catch (e) {
        problem = {};
      }
      const detail = typeof problem.detail === "string" ? problem.detail : "";
      switch (response.status) {
        case 401:
          return `The statistics service did not accept your token${detail ? ` (${detail})` : ""}. `
            + "Sign out and sign in with a new one.";
        case 403:
          return `Your token does not give access to the statistics of chatbot ${chatbot}.`;
        case 400: {
          const errors = Array.isArray(problem.errors)
            ? problem.errors.map((e) => `${e.field}: ${e.message}`) : [];
          return `The statistics service refused this query: ${errors.length ? errors.join("; ") : detail || "bad request"}.`;
        }
        default:
          return `The statistics service answered ${response.status}${problem.title ? ` (${problem.title})` : ""}`
            + `${detail ? `: ${detail}` : ""}. Try again later.`;
      }
    }

    function setBusy(busy) {
      $("stats-view").setAttribute("aria-busy", busy ? "true" : "false");
      $("stats-show").disabled = busy || state.scope === null;
    }

    function setStatus(text) {
      $("stats-status").textContent = text;
    }

    function showError(text, status) {
      const box = $("stats-error");
      box.textContent = text;
      box.hidden = !text;
      if (status) box.dataset.status = String(status);
      else delete box.dataset.status;
    }

    // -------------------------------------------------------------- what the router answered

    function render(data, range) {
      const totals = data.totals || {};
      const series = Array.isArray(data.series) ? data.series : [];
      const interval = INTERVALS.includes(data.interval) ? data.interval : range.interval;
      $("stats-figures").replaceChildren(...figures(totals));
      $("stats-deliveries").replaceChildren(deliveries(totals.deliveries || {}));
      $("stats-charts").replaceChildren(
        volumeChart(series, interval),
        rateChart(series, interval),
        triggerChart(totals.escalationsByTrigger || {}));
      const results = $("stats-results");
      results.dataset.chatbot = data.chatbotId;
      results.dataset.from = data.from;
      results.dataset.to = data.to;
      results.dataset.interval = interval;
      results.hidden = false;
      const name = state.range === "custom" ? "custom range" : PRESETS[state.range].label;
      setStatus(`${data.chatbotId}, ${name}, per ${interval}: ${MOMENT.format(new Date(data.from))} to `
        + `${MOMENT.format(new Date(data.to))} (UTC).`);
    }

    function figure(key, label, value, raw, note) {
      return html("div", { className: "figure", "data-testid": `figure-${key}`, "data-value": raw === null ? "" : raw },
        html("dt", {}, label),
        html("dd", { className: "value" }, value),
        note ? html("dd", { className: "note" }, note) : null);
    }

    function timing(key, label, timing, done) {
      if (!timing || !timing.count) return figure(key, label, "–", null, `none ${done} yet`);
      return figure(key, label, seconds(timing.medianSeconds), timing.medianSeconds,
        `median · 90 % within ${seconds(timing.p90Seconds)} · ${plural(timing.count, "escalation")} ${done}`);
    }

    function figures(t) {
      const conversations = t.conversations || 0;
      const escalated = t.escalatedConversations || 0;
      const sla = t.sla || {};
      return [
        figure("conversations", "Conversations", conversations, conversations, "started in this range"),
        figure("escalations", "Escalations", t.escalations || 0, t.escalations || 0,
          `in ${plural(escalated, "conversation")}`),
        figure("escalation-rate", "Escalation rate", percent(t.escalationRate), t.escalationRate,
          typeof t.escalationRate === "number" ? `${escalated} of ${plural(conversations, "conversation")}` : "no conversations"),
        figure("offers-declined", "Offers declined", t.offersDeclined || 0, t.offersDeclined || 0,
          `of ${plural(t.offers || 0, "offer")} of a person`),
        timing("first-response", "First response", t.firstResponse, "answered"),
        timing("resolution", "Resolution", t.resolution, "resolved"),
        figure("sla", "Answered within the SLA", percent(sla.share), sla.share,
          typeof sla.share === "number" ? `${sla.answeredWithin || 0} of ${plural(sla.tracked || 0, "escalation")} with a response SLA`
            : "no escalation had a response SLA"),
      ];
    }

    function deliveries(byChannel) {
      const channels = Object.keys(byChannel).sort();
      if (channels.length === 0) return html("p", { className: "empty" }, "No notifications for these escalations.");
      const outcomes = ["delivered", "failed", "retrying"];
      for (const channel of channels) {
        for (const outcome of Object.keys(byChannel[channel] || {})) if (!outcomes.includes(outcome)) outcomes.push(outcome);
      }
      return html("table", { className: "data", "data-testid": "deliveries-table" },
        html("caption", { className: "visually-hidden" }, "Notifications of these escalations, by channel and latest outcome"),
        html("thead", {}, html("tr", {}, html("th", { scope: "col" }, "Channel"),
          ...outcomes.map((o) => html("th", { scope: "col" }, o[0].toUpperCase() + o.slice(1))))),
        html("tbody", {}, ...channels.map((channel) => html("tr", { "data-channel": channel },
          html("th", { scope: "row" }, channel),
          ...outcomes.map((o) => html("td", {}, (byChannel[channel] || {})[o] || 0))))));
    }

    // -------------------------------------------------------------- charts

    function chart(key, title, drawing, table) {
      return html("figure", { className: "chart", "data-testid": `chart-${key}` },
        html("figcaption", {}, title),
        drawing,
        table ? html("details", {}, html("summary", {}, "Show as a table"), table) : null);
    }

    function canvas(width, height, summary) {
      return svg("svg", {
        viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": summary, "data-testid": "chart-svg",
        preserveAspectRatio: "xMinYMin meet",
      });
    }

    /** A round upper bound for a count axis: 1 to 5, then 1, 2, 2.5 or 5 times a power of ten. */
    function niceMax(value) {
      if (value <= 5) return Math.max(1, Math.ceil(value));
      const power = 10 ** Math.floor(Math.log10(value));
      return [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= value);
    }

    function yAxis(root, max, ticks, format) {
      const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
      for (const tick of ticks) {
        const y = MARGIN.top + plotHeight - (tick / max) * plotHeight;
        root.append(svg("line", { className: "grid", x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y, y2: y }));
        root.append(svg("text", { className: "tick", x: MARGIN.left - 6, y: y + 4, "text-anchor": "end" }, format(tick)));
      }
    }

    function xAxis(root, series, interval, band) {
      const step = Math.max(1, Math.ceil(series.length / 8));
      series.forEach((bucket, i) => {
        if (i % step !== 0) return;
        root.append(svg("text", {
          className: "tick", x: MARGIN.left + (i + 0.5) * band, y: HEIGHT - MARGIN.bottom + 18, "text-anchor": "middle",
        }, bucketLabel(bucket.start, interval, false)));
      });
    }

    function legend(...entries) {
      return html("p", { className: "legend" }, ...entries.map(([kind, text]) =>
        html("span", {}, html("span", { className: `swatch ${kind}`, "aria-hidden": "true" }), text)));
    }

    function table(headings, rows) {
      return html("table", { className: "data" },
        html("thead", {}, html("tr", {}, ...headings.map((h) => html("th", { scope: "col" }, h)))),
        html("tbody", {}, ...rows));
    }

    function volumeChart(series, interval) {
      const conversations = series.reduce((sum, b) => sum + (b.conversations || 0), 0);
      const escalations = series.reduce((sum, b) => sum + (b.escalations || 0), 0);
      const peak = series.reduce((best, b) => ((b.escalations || 0) > (best ? best.escalations || 0 : 0) ? b : best), null);
      const summary = `Bars per ${interval}, ${plural(series.length, interval)}: ${plural(conversations, "conversation")} `
        + `and ${plural(escalations, "escalation")} in all.`
        + (peak ? ` Most escalations: ${peak.escalations} (${bucketLabel(peak.start, interval, true)}).` : "");
      const root = canvas(WIDTH, HEIGHT, summary);
      const max = niceMax(Math.max(0, ...series.map((b) => Math.max(b.conversations || 0, b.escalations || 0))));
      yAxis(root, max, max <= 4 ? [...Array(max + 1).keys()] : [0, max / 2, max], String);
      const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
      const band = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, series.length);
      const barWidth = Math.max(0.5, band * 0.38);
      series.forEach((bucket, i) => {
        const label = bucketLabel(bucket.start, interval, true);
        [["conversations", bucket.conversations || 0], ["escalations", bucket.escalations || 0]].forEach(([kind, value], k) => {
          const height = (value / max) * plotHeight;
          root.append(svg("rect", {
            className: `bar ${kind}`, x: MARGIN.left + i * band + band * 0.12 + k * barWidth,
            y: MARGIN.top + plotHeight - height, width: barWidth, height,
          }, svg("title", {}, `${label}: ${plural(value, kind.slice(0, -1))}`)));
        });
      });
      xAxis(root, series, interval, band);
      const rows = series.map((b) => html("tr", {},
        html("th", { scope: "row" }, bucketLabel(b.start, interval, true)),
        html("td", {}, b.conversations || 0), html("td", {}, b.escalations || 0)));
      return chart("volume", `Conversations and escalations per ${interval}`,
        html("div", {}, legend(["conversations", "Conversations"], ["escalations", "Escalations"]), root),
        table([`${interval[0].toUpperCase()}${interval.slice(1)} (UTC)`, "Conversations", "Escalations"], rows));
    }

    function rateChart(series, interval) {
      const rated = series.filter((b) => typeof b.escalationRate === "number");
      let summary;
      if (rated.length === 0) {
        summary = `No conversations in any ${interval}, so no escalation rate.`;
      } else {
        const high = rated.reduce((a, b) => (b.escalationRate > a.escalationRate ? b : a));
        const low = rated.reduce((a, b) => (b.escalationRate < a.escalationRate ? b : a));
        summary = `Line of the escalation rate per ${interval}, over ${plural(rated.length, interval)} with conversations: `
          + `highest ${percent(high.escalationRate)} (${bucketLabel(high.start, interval, true)}), `
          + `lowest ${percent(low.escalationRate)} (${bucketLabel(low.start, interval, true)}).`;
      }
      const root = canvas(WIDTH, HEIGHT, summary);
      const top = Math.max(1, Math.ceil(Math.max(0, ...rated.map((b) => b.escalationRate)) * 4) / 4);
      yAxis(root, top, [0, top / 2, top], percent);
      const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
      const band = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, series.length);
      let path = "";
      let drawing = false;
      series.forEach((bucket, i) => {
        if (typeof bucket.escalationRate !== "number") {
          drawing = false; // a bucket without conversations has no rate: the line breaks there
          return;
        }
        const x = MARGIN.left + (i + 0.5) * band;
        const y = MARGIN.top + plotHeight - (bucket.escalationRate / top) * plotHeight;
        path += `${drawing ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)} `;
        drawing = true;
        root.append(svg("circle", { className: "point", cx: x, cy: y, r: 3.5 },
          svg("title", {}, `${bucketLabel(bucket.start, interval, true)}: ${percent(bucket.escalationRate)}`)));
      });
      if (path) root.insertBefore(svg("path", { className: "line", d: path.trim() }), root.querySelector("circle"));
      xAxis(root, series, interval, band);
      const rows = series.map((b) => html("tr", {},
        html("th", { scope: "row" }, bucketLabel(b.start, interval, true)),
        html("td", {}, b.conversations || 0), html("td", {}, b.escalatedConversations || 0),
        html("td", {}, percent(b.escalationRate))));
      return chart("rate", `Escalation rate per ${interval}`, root,
        table([`${interval[0].toUpperCase()}${interval.slice(1)} (UTC)`, "Conversations", "Escalated conversations",
          "Escalation rate"], rows));
    }

    function triggerChart(byTrigger) {
      const entries = Object.entries(byTrigger).filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const title = "Escalations by trigger";
      if (entries.length === 0) {
        return chart("triggers", title, html("p", { className: "empty", "data-testid": "chart-empty" }, "No escalations in this range."), null);
      }
      const name = (type) => `${host.triggerLabel(type)} (${type})`;
      const summary = `Bars of escalations by trigger: ${entries.map(([type, count]) => `${name(type)} ${count}`).join(", ")}.`;
      const rowHeight = 32;
      const labelWidth = 260;
      const height = entries.length * rowHeight + 8;
      const root = canvas(WIDTH, height, summary);
      const max = Math.max(...entries.map(([, count]) => count));
      const plotWidth = WIDTH - labelWidth - 60;
      entries.forEach(([type, count], i) => {
        const y = 4 + i * rowHeight;
        const width = Math.max(1, (count / max) * plotWidth);
        root.append(svg("text", { className: "label", x: labelWidth - 10, y: y + rowHeight / 2 + 4, "text-anchor": "end" },
          host.triggerLabel(type)));
        root.append(svg("rect", { className: "bar trigger", x: labelWidth, y: y + 6, width, height: rowHeight - 12 },
          svg("title", {}, `${name(type)}: ${plural(count, "escalation")}`)));
        root.append(svg("text", { className: "tick", x: labelWidth + width + 6, y: y + rowHeight / 2 + 4 }, count));
      });
      const rows = entries.map(([type, count]) => html("tr", { "data-trigger": type },
        html("th", { scope: "row" }, host.triggerLabel(type)), html("td", {}, html("code", {}, type)), html("td", {}, count)));
      return chart("triggers", title, root, table(["Trigger", "Type", "Escalations"], rows));
    }

    return { setScope, show, hide, reset };
  }

  return { create };
})();
