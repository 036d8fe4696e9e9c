(function () {
  "use strict";
  var panel = document.getElementById("qk-panel");
  var body = document.getElementById("qk-panel-body");
  var lit = [];
  var SPEAKER_CLASS = /^(s\d+|s-none)$/;

  function row(dl, term, value) {
    var dt = document.createElement("dt");
    dt.textContent = term;
    var dd = document.createElement("dd");
    if (typeof value === "string") { dd.textContent = value; } else { dd.appendChild(value); }
    dl.appendChild(dt);
    dl.appendChild(dd);
  }
  function colourOf(el) {
    for (var i = 0; i < el.classList.length; i++) {
      if (SPEAKER_CLASS.test(el.classList[i])) { return el.classList[i]; }
    }
    return "s-none";
  }
  function unlight() {
    lit.forEach(function (el) { el.classList.remove("active"); });
    lit = [];
  }
  function show(first) {
    var d = first.dataset;
    var id = d.quoteId;
    unlight();
    var sel = '[data-quote-id="' + id + '"],[data-cue-of~="' + id + '"],' +
      '[data-speaker-of~="' + id + '"]';
    document.querySelectorAll(sel).forEach(function (el) {
      el.classList.add("active");
      lit.push(el);
    });
    panel.className = "panel " + colourOf(first);
    var text = "";
    document.querySelectorAll('.q[data-quote-id="' + id + '"]').forEach(function (el) {
      text += el.textContent;
    });
    while (body.firstChild) { body.removeChild(body.firstChild); }
    var who = document.createElement("p");
    who.className = "who";
    var badge = document.createElement("span");
    badge.className = "badge";
    badge.textContent = d.label;
    who.appendChild(badge);
    who.appendChild(document.createTextNode(" " + (d.speaker || "no speaker found")));
    body.appendChild(who);
    var dl = document.createElement("dl");
    row(dl, "Speaker kind", d.speakerKind);
    row(dl, "Roles", d.roles || "—");
    if (d.mention) { row(dl, "Named as", d.mention); }
    row(dl, "Quote kind", d.quoteKind);
    row(dl, "Cue", d.cue || "none");
    if (d.flags) { row(dl, "Attribution", d.flags); }
    var conf = document.createElement("span");
    conf.textContent = d.confidence;
    var meter = document.createElement("span");
    meter.className = "meter";
    var fill = document.createElement("span");
    fill.style.width = Math.round(parseFloat(d.confidence) * 100) + "%";
    meter.appendChild(fill);
    conf.appendChild(meter);
    row(dl, "Confidence", conf);
    row(dl, "Article", d.article);
    body.appendChild(dl);
    var bq = document.createElement("blockquote");
    bq.textContent = text;
    body.appendChild(bq);
    panel.setAttribute("data-shown", id);
  }
  function quoteAt(node) {
    var el = node && node.nodeType === 1 ? node : node && node.parentElement;
    if (!el) { return null; }
    var link = el.closest("a.qlink");
    if (link) { return document.getElementById(link.getAttribute("href").slice(1)); }
    var q = el.closest(".q");
    return q ? document.getElementById(q.dataset.quoteId) : null;
  }
  document.addEventListener("mouseover", function (ev) {
    var q = quoteAt(ev.target);
    if (q) { show(q); }
  });
  document.addEventListener("focusin", function (ev) {
    var q = quoteAt(ev.target);
    if (q) { show(q); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { unlight(); }
  });
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var q = id ? document.getElementById(id) : null;
    if (q && q.classList.contains("q") && q.dataset.quoteKind) {
      show(q);
      q.focus({ preventScroll: true });
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.documentElement.setAttribute("data-qk-ready", "1");
})();
