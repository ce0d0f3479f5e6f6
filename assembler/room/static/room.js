// The negotiation room: selecting words in a paragraph fills the "Change words" form.
// No framework and no build step; htmx does the rest (live preview).
(function () {
  "use strict";
  const UNIT = ".pp[id], .op[id], .sub[id], .heading[id]";
  const HIDDEN = ".num, .fnref";   // numbers and footnote markers are not words of the text

  function unitOf(node) {
    const el = node.nodeType === 1 ? node : node.parentElement;
    return el ? el.closest(UNIT) : null;
  }

  function textElement(unit) {
    return unit.tagName === "DIV" ? unit.querySelector(":scope > p") : unit;
  }

  function words(fragment) {
    fragment.querySelectorAll(HIDDEN).forEach(function (e) { e.remove(); });
    return fragment.textContent;
  }

  function pick(area, form) {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    if (!area.contains(range.commonAncestorContainer)) return;
    const unit = unitOf(range.startContainer);
    const hint = document.getElementById("select-hint");
    if (!unit || unit !== unitOf(range.endContainer) ||
        !textElement(unit).contains(range.endContainer)) {
      hint.textContent = "Select words within one paragraph (not its sub-paragraphs).";
      hint.classList.add("error");
      return;
    }
    const text = textElement(unit);
    const before = document.createRange();
    before.selectNodeContents(text);
    before.setEnd(range.startContainer, range.startOffset);
    let prefix = words(before.cloneContents()).replace(/^\s+/, "");
    let chosen = words(range.cloneContents());
    const lead = chosen.length - chosen.replace(/^\s+/, "").length;
    chosen = chosen.trim();
    if (!chosen) return;
    form.elements.target.value = unit.id;
    form.elements.words.value = chosen.replace(/\s+/g, " ");
    form.elements.offset.value = String(prefix.length + lead);
    hint.textContent = "Selected in " + (form.elements.target.selectedOptions[0] || {}).text;
    hint.classList.remove("error");
    const input = document.getElementById("replacement");
    if (form.elements.mode.value === "replace" && !input.value) input.value = chosen;
    input.focus();
    input.select();
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // Words are selected by keyboard too: Tab to a paragraph of the text, the arrow keys move
  // word by word, Shift with an arrow selects words, Enter takes them into the form. The
  // words are counted here (the browser's own word steps differ from one to another, and
  // stop on paragraph numbers).
  function wordsOf(text) {
    const out = [];
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      if (node.parentElement.closest(HIDDEN)) continue;
      const found = /\S+/g;
      let m;
      while ((m = found.exec(node.data)))
        out.push({ node: node, start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  function keyboard(area, form) {
    area.querySelectorAll(UNIT).forEach(function (unit) {
      const text = textElement(unit);
      if (!text || text.hasAttribute("tabindex")) return;
      text.tabIndex = 0;
      text.dataset.words = "";
    });
    const at = new WeakMap();   // paragraph -> {a, b}: words a..b selected (a === b + 1: none)
    function show(text, list, state) {
      const range = document.createRange();
      const first = list[Math.min(state.a, list.length - 1)];
      range.setStart(first.node, state.a < list.length ? first.start : first.end);
      if (state.b >= state.a) range.setEnd(list[state.b].node, list[state.b].end);
      else range.collapse(true);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
    area.addEventListener("focusin", function (e) {
      if (e.target.hasAttribute && e.target.hasAttribute("data-words")) at.delete(e.target);
    });
    area.addEventListener("keydown", function (e) {
      const text = e.target;
      if (!text.hasAttribute || !text.hasAttribute("data-words")) return;
      const list = wordsOf(text);
      if (!list.length) return;
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
        e.preventDefault();
        const state = at.get(text) || { a: 0, b: -1 };
        const last = list.length - 1;
        if (e.shiftKey && e.key === "ArrowRight") state.b = Math.min(state.b + 1, last);
        else if (e.shiftKey) state.b = Math.max(state.b - 1, state.a - 1);
        else {   // the caret: before the next or the previous word
          const c = e.key === "ArrowRight" ? (state.b >= state.a ? state.b + 1 : state.a + 1)
                                           : state.a - 1;
          state.a = Math.max(0, Math.min(c, list.length));
          state.b = state.a - 1;
        }
        at.set(text, state);
        show(text, list, state);
      } else if (e.key === "Enter" && !window.getSelection().isCollapsed) {
        e.preventDefault();
        pick(area, form);
      }
    });
  }

  // ------------------------------------------------------------------ decisions
  // A decision is on the whole proposal: asked once more, naming the proposal, how many
  // changes it decides and the note, before it is recorded.
  function confirmDecision(form) {
    form.addEventListener("submit", function (e) {
      const choice = form.elements.action && form.elements.action.selectedOptions[0];
      if (!choice || !choice.value) return;   // the browser asks for a choice first
      const n = parseInt(form.dataset.changes, 10) || 1;
      const note = form.elements.note ? form.elements.note.value.trim() : "";
      const text = "Record “" + choice.textContent.trim() + "” on " + form.dataset.proposal +
        (n > 1 ? " as a whole, all its " + n + " changes" : "") +
        (note ? ", with the note “" + note + "”" : ", with no note") + "?";
      if (!window.confirm(text)) e.preventDefault();
    });
  }

  // ------------------------------------------------------------------ no work lost
  // What is typed in an editor form is kept in this browser (localStorage) from the first
  // key until the room has it: after a refusal, a reload, Back, or while the room cannot be
  // reached, the form is filled again and says so. The draft page says how many changes the
  // room holds; a form sent and followed by one more change was kept, and is forgotten.
  const KEEP = "room-editor:";

  function fields(form) {
    return Array.from(form.elements).filter(function (e) {
      return e.name && e.type !== "hidden" && e.type !== "submit" && e.tagName !== "BUTTON";
    });
  }

  function valuesOf(form) {
    const out = {};
    fields(form).forEach(function (e) {
      if (e.type === "radio") { if (e.checked) out[e.name] = e.value; }
      else out[e.name] = e.value;
    });
    if (form.elements.offset) out.offset = form.elements.offset.value;
    return out;
  }

  function fill(form, values) {
    fields(form).forEach(function (e) {
      if (!(e.name in values)) return;
      if (e.type === "radio") e.checked = e.value === values[e.name];
      else e.value = values[e.name];
    });
    if (form.elements.offset && values.offset) form.elements.offset.value = values.offset;
  }

  function typed(values) {   // anything a person wrote, not just the default choices
    return ["words", "text", "prose"].some(function (k) { return (values[k] || "").trim(); });
  }

  function read(key) {
    try { return JSON.parse(localStorage.getItem(KEEP + key) || "null"); }
    catch (e) { return null; }
  }

  function write(key, entry) {
    try { localStorage.setItem(KEEP + key, JSON.stringify(entry)); return true; }
    catch (e) { return false; }   // storage full or refused: the page says nothing false
  }

  function say(form, text) {
    const note = form.querySelector(".kept");
    if (!note) return;
    note.textContent = text;
    note.hidden = !text;
  }

  function keep(form, changes) {
    const key = form.dataset.keep;
    const entry = read(key);
    if (entry) {
      if (entry.sent && changes > entry.changes) {
        localStorage.removeItem(KEEP + key);     // the room has it now
      } else {
        fill(form, entry.values);
        const folded = form.closest("details");
        if (folded) folded.open = true;   // never kept out of sight
        write(key, { values: entry.values, sent: false, changes: changes });
        say(form, entry.sent
          ? "Your change was not added: it is back in the editor (kept in this browser until it is sent)."
          : "What you typed is back: it is kept in this browser until it is sent.");
        if (form.id === "words-form" && entry.values.text) {
          const input = document.getElementById("replacement");
          if (input) input.dispatchEvent(new Event("input", { bubbles: true }));
        }
      }
    }
    form.addEventListener("input", function () {
      const values = valuesOf(form);
      if (!typed(values)) { localStorage.removeItem(KEEP + key); say(form, ""); return; }
      if (write(key, { values: values, sent: false, changes: changes }))
        say(form, "Kept in this browser until it is sent.");
    });
    form.addEventListener("submit", function () {
      const values = valuesOf(form);
      if (typed(values)) write(key, { values: values, sent: true, changes: changes });
    });
  }

  function forgetFiled(id) {   // a submitted draft's editors are the room's now
    Object.keys(localStorage).forEach(function (k) {
      if (k.indexOf(KEEP + id + ":") === 0) localStorage.removeItem(k);
    });
  }

  // the live preview says when the room cannot be reached, instead of showing an old result
  function unreachable(evt) {
    const target = evt.detail && evt.detail.target;
    if (!target || target.id !== "preview") return;
    const why = evt.type === "htmx:sendError"
      ? "The room cannot be reached just now: this preview is out of date. What you typed is kept in this browser until it is sent."
      : (evt.detail.xhr && evt.detail.xhr.responseText) || "The preview could not be made.";
    target.textContent = "";
    const p = document.createElement("p");
    p.className = "error";
    p.textContent = why;
    target.appendChild(p);
  }

  // ------------------------------------------------------------------ the deadline
  // Shown in the delegate's own time with a countdown; when it passes, the page says so and
  // its write buttons stop (the room judges each request by when it arrived).
  function span(ms) {
    const s = Math.floor(ms / 1000), d = Math.floor(s / 86400), h = Math.floor(s / 3600) % 24;
    const m = Math.floor(s / 60) % 60;
    if (d) return d + " d " + h + " h";
    if (h) return h + " h " + m + " min";
    return m ? m + " min " + (s % 60) + " s" : (s % 60) + " s";
  }

  function closeWrites() {
    const state = document.getElementById("room-state");
    if (state) { state.textContent = "Closed"; state.className = "room-state closed"; }
    if (!document.body.dataset.writesClose) return;
    document.querySelectorAll("main form[method=post] button, button[formaction]")
      .forEach(function (b) { b.disabled = true; });
    if (!document.getElementById("deadline-passed")) {
      const p = document.createElement("p");
      p.id = "deadline-passed";
      p.className = "flash";
      p.setAttribute("role", "alert");
      p.textContent = "The deadline has passed: the room takes no more proposals. " +
        "Whatever you typed stays in this browser.";
      document.querySelector("main").before(p);
    }
  }

  function deadline() {
    const el = document.getElementById("deadline");
    if (!el) return;
    const at = Date.parse(el.getAttribute("datetime"));
    if (isNaN(at)) return;
    el.textContent = new Date(at).toLocaleString([], {
      day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit",
      timeZoneName: "short" });
    const count = document.getElementById("countdown");
    function tick() {
      const left = at - Date.now();
      if (left <= 0) { count.textContent = "(passed)"; closeWrites(); return; }
      count.textContent = "(in " + span(left) + ")";
      setTimeout(tick, left > 120000 ? 30000 : 1000);
    }
    tick();
  }

  document.addEventListener("DOMContentLoaded", function () {
    deadline();
    const filed = document.querySelector("[data-filed]");
    if (filed) forgetFiled(filed.dataset.filed);
    const editor = document.querySelector(".editor[data-changes]");
    if (editor) {
      const changes = parseInt(editor.dataset.changes, 10) || 0;
      document.querySelectorAll("form[data-keep]").forEach(function (f) { keep(f, changes); });
    }
    document.body.addEventListener("htmx:sendError", unreachable);
    document.body.addEventListener("htmx:responseError", unreachable);
    document.querySelectorAll("form.decide[data-proposal]").forEach(confirmDecision);
    const area = document.getElementById("draft-text");
    const form = document.getElementById("words-form");
    if (!area || !form) return;
    keyboard(area, form);
    area.addEventListener("mouseup", function () { pick(area, form); });
    area.addEventListener("keyup", function (e) {   // caret browsing: Shift and the arrows
      if (e.shiftKey && !(e.target.hasAttribute && e.target.hasAttribute("data-words")))
        pick(area, form);
    });
  });
})();
