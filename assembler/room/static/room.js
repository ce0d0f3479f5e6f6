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

  document.addEventListener("DOMContentLoaded", function () {
    const area = document.getElementById("draft-text");
    const form = document.getElementById("words-form");
    if (!area || !form) return;
    area.addEventListener("mouseup", function () { pick(area, form); });
    area.addEventListener("keyup", function (e) { if (e.shiftKey) pick(area, form); });
  });
})();
