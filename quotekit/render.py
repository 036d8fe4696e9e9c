"""The HTML view: one standalone page for one article or a whole corpus.

The page has an index of the speakers at the top, then every article with its quotes
highlighted by kind, each speaker in its own colour and with its own label, the cues and
the speaker mentions marked. Hovering or focusing a quote (Tab) shows the speaker's
canonical name, kind and roles, the cue and the confidence in a side panel.

The page is one file with its CSS and JavaScript inline: no external asset, no network
(a Content-Security-Policy forbids any), so it can be mailed or opened offline. Every
piece of text in it is escaped: articles are untrusted input.

Example:
    >>> analyzer = quotekit.load()
    >>> text = "« Nous ne céderons pas », a déclaré Claire Moreau."
    >>> html = render_html([(analyzer.analyse(text, id="a1"), text)])
    >>> 'data-quote-kind="direct"' in html
    True
"""

from __future__ import annotations

import html
import os
import re
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from quotekit.errors import InputError
from quotekit.model import Analysis, Entity, Quote, Span

__all__ = ["render_html", "write_html"]

#: Speaker colours: (strong, tint). Each strong colour has a contrast of at least 4.5:1
#: against white (it colours labels with white text, and speaker mentions on the page),
#: and the page's text colour has at least 7:1 against each tint (the background of direct
#: quotes). Neighbouring hues differ, so two speakers in one paragraph stay apart; the label
#: beside each quote keeps them apart for readers who do not tell the colours apart.
_PALETTE: tuple[tuple[str, str], ...] = (
    ("#1f5f9e", "#dce9f6"),  # blue
    ("#b3261e", "#f9dedc"),  # red
    ("#2e7d32", "#dcefdc"),  # green
    ("#7b4ea3", "#ebe0f5"),  # purple
    ("#a14f00", "#f8e4cc"),  # orange
    ("#00707f", "#d2eef1"),  # teal
    ("#a3316f", "#f6dcea"),  # magenta
    ("#5f6b00", "#ebefc9"),  # olive
    ("#3949ab", "#e0e3f7"),  # indigo
    ("#795548", "#efe4df"),  # brown
    ("#00796b", "#d4efe9"),  # green-blue
    ("#8e3c3c", "#f3e0e0"),  # maroon
)
_NO_SPEAKER = ("#5f6368", "#e8eaed")

_SPACES = re.compile(r"\s+")

# Kinds of marks. Quotes are always the outer elements: a mention or cue crossing a quote's
# edge is the one split in two, so a quote stays one element wherever it can. Between other
# marks the one that contains the other is outside; for one span, the lower number is.
_QUOTE, _SPEAKER_MENTION, _MENTION, _CUE = range(4)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _flat(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


# --- speakers across the page -----------------------------------------------------------------


@attrs.define
class _Speaker:
    """One row of the index: a speaker over every article of the page."""

    key: str
    name: str
    kind: str
    roles: list[str] = attrs.field(factory=list)
    quotes: list[tuple[int, str]] = attrs.field(factory=list)  # (article number, quote id)
    slot: int = -1
    label: str = "?"

    @property
    def css(self) -> str:
        return "s-none" if self.slot < 0 else f"s{self.slot}"

    @property
    def articles(self) -> list[int]:
        return list(dict.fromkeys(article for article, _ in self.quotes))


def _speaker_key(quote: Quote, entity: Entity | None, article: int) -> str | None:
    """Which index row a quote's speaker belongs to (None: no speaker).

    Persons and organisations are one row per kind and name over the whole page, so the
    analyses of a linked corpus (``Corpus.link``: one canonical name per person) give one
    row per person; a description (``un porte-parole``) is a row of its own article.
    """
    sp = quote.speaker
    if sp is None:
        return None
    if sp.entity is None or sp.kind == "description":
        return f"description:{article}:{sp.name}"
    return f"{sp.kind}:{entity.name if entity is not None else sp.name}"


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-'’.]+", name) if w and w[0].isalnum()]
    upper = [w[0] for w in words if w[0].isupper()]
    letters = upper if upper else [w[0].upper() for w in words]
    return "".join(letters[:3]) or "?"


def _assign_styles(speakers: Sequence[_Speaker]) -> None:
    """A colour slot and a short label per speaker, the same for the same page content.

    A speaker's colour comes from a hash of its key (so a speaker keeps its colour in
    pages of different article sets, most of the time), moved to the next free colour when
    another speaker of the page has it; colours repeat only past the palette's size.
    """
    taken: set[int] = set()
    # Named speakers first: they are the ones a reader follows from article to article.
    for sp in sorted(speakers, key=lambda s: (s.kind == "description", s.key)):
        slot = zlib.crc32(sp.key.encode("utf-8")) % len(_PALETTE)
        if len(taken) < len(_PALETTE):
            while slot in taken:
                slot = (slot + 1) % len(_PALETTE)
        taken.add(slot)
        sp.slot = slot
    seen: dict[str, int] = {}
    for sp in speakers:  # most quoted first: they keep the plain initials
        base = _initials(sp.name)
        seen[base] = seen.get(base, 0) + 1
        sp.label = base if seen[base] == 1 else f"{base}{seen[base]}"


# --- marks and the boundary sweep ---------------------------------------------------------------


@attrs.define
class _Mark:
    """One element to lay over ``text[start:end]``; split in fragments where it must be."""

    start: int
    end: int
    rank: int
    classes: list[str]
    attributes: dict[str, str]
    first_attrs: dict[str, str] = attrs.field(factory=dict)
    opened: bool = False

    def refer(self, name: str, quote_id: str) -> None:
        """Add a quote id to the space-separated list in attribute ``name``."""
        self.attributes[name] = f"{self.attributes.get(name, '')} {quote_id}".strip()

    def open_tag(self, *, first: bool, last: bool) -> str:
        classes = list(self.classes)
        if first:
            classes.append("first")
        if last:
            classes.append("last")
        items = {"class": " ".join(classes), **self.attributes}
        if first:
            items.update(self.first_attrs)
        return "<span" + "".join(f' {k}="{_esc(v)}"' for k, v in items.items()) + ">"


def _text_with_newlines(text: str) -> str:
    # The newline stays in the markup, so the element's text is exactly the input text.
    return _esc(text).replace("\n", "<br>\n")


def _markup(text: str, marks: Sequence[_Mark]) -> str:
    """``text`` with ``marks`` laid over it as well-formed, properly nested spans.

    The text is cut at every mark's start and end. For each piece, the marks covering it
    are nested in a fixed order (quotes first, then by start, the longer first); going from one
    piece to the next, elements are closed down to what the two pieces share and the others
    opened again, so crossing marks become several fragments of one mark and the markup is
    always well formed. Empty marks are written as empty elements where they stand.
    """

    def order(i: int) -> tuple[bool, int, int, int, int]:
        mark = marks[i]
        return (mark.rank != _QUOTE, mark.start, -mark.end, mark.rank, i)

    starts: dict[int, list[int]] = {}
    for i, mark in enumerate(marks):
        starts.setdefault(mark.start, []).append(i)
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    out: list[str] = []
    stack: list[tuple[int, int, bool]] = []  # (mark, index of its open tag in out, first?)
    active: set[int] = set()

    def close(pos: int) -> None:
        i, slot, first = stack.pop()
        out[slot] = marks[i].open_tag(first=first, last=pos == marks[i].end)
        out.append("</span>")

    for n, left in enumerate(cuts):
        active = {i for i in active if marks[i].end > left}
        for i in sorted(starts.get(left, ()), key=order):
            if marks[i].start == marks[i].end:
                out.append(marks[i].open_tag(first=True, last=True) + "</span>")
            else:
                active.add(i)
        if n + 1 == len(cuts):
            break
        wanted = sorted(active, key=order)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep][0] == wanted[keep]:
            keep += 1
        while len(stack) > keep:
            close(left)
        for i in wanted[keep:]:
            out.append("")  # the open tag, written when the fragment closes
            stack.append((i, len(out) - 1, not marks[i].opened))
            marks[i].opened = True
        out.append(_text_with_newlines(text[left : cuts[n + 1]]))
    while stack:
        close(len(text))
    return "".join(out)


# --- one article ------------------------------------------------------------------------------


def _check(span: Span | Quote, text: str, what: str, doc: str) -> None:
    if not 0 <= span.start <= span.end <= len(text) or text[span.start : span.end] != span.text:
        got = text[span.start : span.end] if span.end <= len(text) else "(past the end)"
        raise InputError(
            f"article {doc}: {what} says text[{span.start}:{span.end}] is {span.text!r}, "
            f"the text has {got!r}; pass the text exactly as it was analysed"
        )


def _roles(entity: Entity | None) -> list[str]:
    if entity is None:
        return []
    return list(dict.fromkeys(_flat(r.text) for r in entity.roles))


def _quote_id(article: int, number: int) -> str:
    return f"a{article}-q{number}"


def _article_marks(
    number: int, analysis: Analysis, text: str, speakers: dict[str, _Speaker]
) -> list[_Mark]:
    doc = repr(analysis.id) if analysis.id is not None else f"#{number}"
    entities = {e.id: e for e in analysis.entities}
    marks: list[_Mark] = []
    # A span that is the cue or the speaker mention of several quotes is one element.
    cues: dict[tuple[int, int], _Mark] = {}
    mentions: dict[tuple[int, int], _Mark] = {}
    speaking: dict[str, str] = {}  # entity id -> colour class
    for k, quote in enumerate(analysis.quotes, start=1):
        _check(quote, text, f"quote {k}", doc)
        qid = _quote_id(number, k)
        sp = quote.speaker
        entity = entities.get(sp.entity) if sp is not None and sp.entity is not None else None
        key = _speaker_key(quote, entity, number)
        row = speakers[key] if key is not None else None
        css = row.css if row is not None else "s-none"
        if entity is not None:
            speaking[entity.id] = css
        marks.append(
            _Mark(
                quote.start,
                quote.end,
                _QUOTE,
                ["q", f"q-{quote.kind}", css],
                {
                    "data-quote-id": qid,
                    "data-quote-kind": quote.kind,
                    "data-speaker": "" if row is None else row.name,
                },
                {
                    "id": qid,
                    "tabindex": "0",
                    "data-label": "?" if row is None else row.label,
                    "data-speaker-kind": "unknown" if sp is None else sp.kind,
                    "data-roles": "; ".join(_roles(entity)),
                    "data-cue": "" if quote.cue is None else _flat(quote.cue.text),
                    "data-mention": "" if sp is None or sp.mention is None else sp.mention.text,
                    "data-confidence": f"{quote.confidence:.2f}",
                    "data-article": analysis.id if analysis.id is not None else f"#{number}",
                },
            )
        )
        if quote.cue is not None:
            _check(quote.cue, text, f"the cue of quote {k}", doc)
            where = (quote.cue.start, quote.cue.end)
            if where not in cues:
                cues[where] = _Mark(*where, _CUE, ["cue", css], {})
            cues[where].refer("data-cue-of", qid)
        if sp is not None and sp.mention is not None:
            _check(sp.mention, text, f"the speaker mention of quote {k}", doc)
            where = (sp.mention.start, sp.mention.end)
            if where not in mentions:
                mentions[where] = _Mark(*where, _SPEAKER_MENTION, ["m", css], {})
            mark = mentions[where]
            if "sm" not in mark.classes:
                mark.classes.append("sm")
            mark.refer("data-speaker-of", qid)
    for entity in analysis.entities:
        css = speaking.get(entity.id, "m-silent")
        for j, mention in enumerate(entity.mentions, start=1):
            _check(mention.span, text, f"mention {j} of entity {entity.id!r}", doc)
            where = (mention.start, mention.end)
            if where not in mentions:
                mentions[where] = _Mark(*where, _MENTION, ["m", css], {})
            mentions[where].attributes["data-entity"] = entity.id
            mentions[where].attributes["data-mention-kind"] = mention.kind
    return marks + list(mentions.values()) + list(cues.values())


def _article_html(number: int, analysis: Analysis, text: str, speakers: dict[str, _Speaker]) -> str:
    marks = _article_marks(number, analysis, text, speakers)
    heading = analysis.id if analysis.id is not None else f"Article {number}"
    rows = [s for s in speakers.values() if number in s.articles]
    count = len(analysis.quotes)
    facts = f"{count} quote{'s' if count != 1 else ''}" if count else "no quotes found"
    if rows:
        facts += f" · {len(rows)} speaker{'s' if len(rows) != 1 else ''}"
    chips = "".join(
        f'<li><span class="badge {s.css}">{_esc(s.label)}</span> {_esc(s.name)}</li>' for s in rows
    )
    return (
        f'<article class="article" id="article-{number}" aria-labelledby="article-{number}-h">\n'
        f'<h2 id="article-{number}-h">{_esc(heading)}</h2>\n'
        f'<p class="facts">{_esc(facts)}</p>\n'
        + (f'<ul class="chips">{chips}</ul>\n' if chips else "")
        + f'<div class="text" lang="fr">{_markup(text, marks)}</div>\n'
        "</article>\n"
    )


# --- the page ---------------------------------------------------------------------------------


def _collect(items: Sequence[tuple[Analysis, str]]) -> list[_Speaker]:
    speakers: dict[str, _Speaker] = {}
    for number, (analysis, _text) in enumerate(items, start=1):
        entities = {e.id: e for e in analysis.entities}
        for k, quote in enumerate(analysis.quotes, start=1):
            sp = quote.speaker
            entity = entities.get(sp.entity) if sp is not None and sp.entity is not None else None
            key = _speaker_key(quote, entity, number)
            if key is None or sp is None:
                continue
            if key not in speakers:
                name = entity.name if entity is not None else sp.name
                speakers[key] = _Speaker(key=key, name=name, kind=sp.kind)
            row = speakers[key]
            for role in _roles(entity):
                if role not in row.roles:
                    row.roles.append(role)
            row.quotes.append((number, _quote_id(number, k)))
    rows = sorted(speakers.values(), key=lambda s: (-len(s.quotes), s.name.casefold(), s.key))
    _assign_styles(rows)
    return rows


def _index_rows(rows: Sequence[_Speaker], items: Sequence[tuple[Analysis, str]]) -> str:
    body = []
    for sp in rows:
        links = []
        for article in sp.articles:
            analysis = items[article - 1][0]
            name = analysis.id if analysis.id is not None else f"Article {article}"
            numbers = [qid for a, qid in sp.quotes if a == article]
            quote_links = " ".join(
                f'<a class="qlink {sp.css}" href="#{qid}" '
                f'aria-label="quote {n} of {_esc(sp.name)} in {_esc(name)}">{n}</a>'
                for n, qid in enumerate(numbers, start=1)
            )
            links.append(
                f'<span class="art"><a href="#article-{article}">{_esc(name)}</a> '
                f"{quote_links}</span>"
            )
        body.append(
            f'<tr data-speaker="{_esc(sp.name)}" data-speaker-kind="{_esc(sp.kind)}" '
            f'data-quotes="{len(sp.quotes)}">'
            f'<th scope="row"><span class="badge {sp.css}">{_esc(sp.label)}</span> '
            f"{_esc(sp.name)}</th>"
            f'<td class="kind">{_esc(sp.kind)}</td>'
            f'<td class="roles">{_esc("; ".join(sp.roles)) or "—"}</td>'
            f'<td class="num">{len(sp.quotes)}</td>'
            f'<td class="arts">{" ".join(links)}</td></tr>'
        )
    return (
        '<div class="scroll"><table class="index">\n<thead><tr>'
        '<th scope="col">Speaker</th><th scope="col">Kind</th>'
        '<th scope="col">Roles</th><th scope="col" class="num">Quotes</th>'
        '<th scope="col">Articles and quotes</th></tr></thead>\n<tbody>\n'
        + "\n".join(body)
        + "\n</tbody>\n</table></div>\n"
    )


def _index_html(rows: Sequence[_Speaker], items: Sequence[tuple[Analysis, str]]) -> str:
    """Named speakers in a table; descriptions (``des témoins``) in a folded one below."""
    named = [s for s in rows if s.kind != "description"]
    described = [s for s in rows if s.kind == "description"]
    if not rows:
        return '<p class="empty">No quote has a speaker.</p>\n'
    out = _index_rows(named, items) if named else '<p class="empty">No named speaker.</p>\n'
    if described:
        n_quotes = sum(len(s.quotes) for s in described)
        out += (
            '<details class="described"><summary>'
            f"{n_quotes} quote{'s' if n_quotes != 1 else ''} from "
            f"{len(described)} unnamed source{'s' if len(described) != 1 else ''} "
            "(descriptions such as « un porte-parole »)</summary>\n"
            f"{_index_rows(described, items)}</details>\n"
        )
    return out


def _palette_css() -> str:
    rules = [f".s{i}{{--c:{strong};--t:{tint}}}" for i, (strong, tint) in enumerate(_PALETTE)]
    rules.append(f".s-none{{--c:{_NO_SPEAKER[0]};--t:{_NO_SPEAKER[1]}}}")
    return "\n".join(rules)


_CSS = """
:root{--fg:#1f2328;--muted:#57606a;--bg:#f6f5f1;--card:#fff;--line:#dcd9d2;--c:#5f6368;--t:#e8eaed}
*{box-sizing:border-box}
html{font-size:16px}
body{margin:0;color:var(--fg);background:var(--bg);
  font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 19rem;gap:0 1.75rem;max-width:80rem;
  margin:0 auto;padding:1.5rem 1.75rem 3rem}
header.page,section.speakers{grid-column:1/-1}
h1{font-size:1.6rem;margin:0 0 .2rem}
.sub{color:var(--muted);margin:0 0 1rem}
h2{font-size:1.25rem;margin:0 0 .25rem;overflow-wrap:anywhere}
section.speakers,article.article{background:var(--card);border:1px solid var(--line);
  border-radius:10px;padding:1.1rem 1.4rem;margin:0 0 1.4rem}
section.speakers h2{margin-bottom:.6rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.4rem;margin:.2rem 0 .9rem;padding:0;
  list-style:none;color:var(--muted);font-size:.9rem}
.legend .q{cursor:default;color:var(--fg)}
div.scroll{overflow-x:auto}
table.index{border-collapse:collapse;width:100%;font-size:.93rem}
table.index th,table.index td{text-align:left;vertical-align:top;padding:.4rem .55rem;
  border-top:1px solid var(--line)}
table.index thead th{border-top:0;color:var(--muted);font-weight:600;font-size:.82rem;
  text-transform:uppercase;letter-spacing:.03em}
table.index .num{text-align:right;font-variant-numeric:tabular-nums}
table.index .kind,table.index .roles{color:var(--muted)}
table.index th[scope=row]{min-width:11rem}
table.index .roles{min-width:12rem;max-width:22rem}
details.described{margin-top:.8rem}
details.described summary{cursor:pointer;color:var(--muted);padding:.3rem 0}
.art{display:inline-block;margin:0 .9rem .15rem 0;white-space:nowrap}
a{color:#0b57a4}
a.qlink{display:inline-block;min-width:1.45em;padding:0 .3em;margin-left:.1em;text-align:center;
  border:1.5px solid var(--c);border-radius:4px;color:var(--fg);background:var(--t);
  text-decoration:none;font-size:.8rem;line-height:1.35}
a.qlink:hover,a.qlink:focus-visible{background:var(--c);color:#fff}
.badge{display:inline-block;min-width:1.9em;padding:.1em .4em;border-radius:999px;
  background:var(--c);color:#fff;font:700 .72rem/1.3 system-ui,sans-serif;text-align:center;
  letter-spacing:.02em;vertical-align:.08em}
.facts{color:var(--muted);margin:0 0 .35rem;font-size:.92rem}
ul.chips{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:0;margin:0 0 .8rem;
  font-size:.9rem}
.text{font-family:Charter,"Bitstream Charter",Georgia,"DejaVu Serif",serif;font-size:1.08rem;
  line-height:1.85;max-width:44rem;overflow-wrap:break-word}
.q{-webkit-box-decoration-break:clone;box-decoration-break:clone;border-radius:3px;cursor:help;
  padding:.12em 0}
.q-direct{background:var(--t);border-bottom:2.5px solid var(--c)}
.q-indirect{border-bottom:2.5px dashed var(--c)}
.q-mixed{background:repeating-linear-gradient(135deg,var(--t) 0 7px,#fff 7px 10px);
  border-bottom:2.5px dotted var(--c)}
.q.first::before{content:attr(data-label);display:inline-block;margin:0 .3em 0 .1em;
  padding:.05em .38em;border-radius:999px;background:var(--c);color:#fff;
  font:700 .66rem/1.35 system-ui,sans-serif;vertical-align:.18em;letter-spacing:.02em}
.q:focus{outline:none}
.q.active{outline:2.5px solid var(--c);outline-offset:2px}
.q:focus-visible{outline:3px solid #111;outline-offset:2px}
.cue{font-weight:700;outline:1.5px solid var(--c);outline-offset:1px;border-radius:3px}
.cue.active{background:var(--c);color:#fff}
.m{text-decoration:underline;text-decoration-color:var(--c);text-decoration-thickness:2px;
  text-underline-offset:.18em}
.m.sm{font-weight:700;color:var(--c)}
.m.sm.active{background:var(--c);color:#fff;border-radius:3px}
.m.m-silent{text-decoration-style:dotted;text-decoration-color:#8c959f}
.empty{color:var(--muted);font-style:italic}
aside.panel{position:sticky;top:1rem;align-self:start;background:var(--card);
  border:1px solid var(--line);border-left:6px solid var(--c);border-radius:10px;
  padding:1rem 1.1rem;font-size:.93rem;max-height:calc(100vh - 2rem);overflow:auto}
aside.panel h2{font-size:1rem;margin:0 0 .5rem;color:var(--muted);font-weight:600}
aside.panel .who{font-size:1.15rem;font-weight:700;margin:0 0 .5rem}
aside.panel dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem .8rem;margin:0}
aside.panel dt{color:var(--muted)}
aside.panel dd{margin:0;overflow-wrap:anywhere}
aside.panel blockquote{margin:.8rem 0 0;padding:.5rem .7rem;background:var(--t);
  border-radius:6px;font-family:Georgia,"DejaVu Serif",serif;max-height:12rem;overflow:auto}
.meter{display:inline-block;width:5rem;height:.5rem;border-radius:99px;background:#e4e2dd;
  vertical-align:.1em;margin-left:.4rem;overflow:hidden}
.meter>span{display:block;height:100%;background:var(--c)}
.hint{color:var(--muted);margin:0}
@media (max-width:62rem){
  .layout{grid-template-columns:minmax(0,1fr);padding:1rem .75rem 14rem}
  section.speakers,article.article{padding:.9rem 1rem}
  aside.panel{position:fixed;left:0;right:0;bottom:0;top:auto;max-height:13rem;
    border-radius:10px 10px 0 0;box-shadow:0 -4px 18px rgba(0,0,0,.12)}
}
@media print{aside.panel{display:none}.layout{display:block}}
""".strip()

# No console output anywhere: the browser test treats any console message as a failure.
_JS = """
(function () {
  "use strict";
  var panel = document.getElementById("qk-panel");
  var body = document.getElementById("qk-panel-body");
  var lit = [];
  var SPEAKER_CLASS = /^(s\\d+|s-none)$/;

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
""".strip()

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def _legend() -> str:
    return (
        '<ul class="legend" aria-label="legend">'
        '<li><span class="q q-direct s-none">direct</span> quote</li>'
        '<li><span class="q q-indirect s-none">indirect</span> quote</li>'
        '<li><span class="q q-mixed s-none">mixed</span> quote</li>'
        '<li><span class="cue s-none">cue</span> (reporting verb)</li>'
        '<li><span class="m sm s-none">speaker</span> mention</li>'
        '<li><span class="m m-silent">mentioned</span> person or organisation</li>'
        "</ul>"
    )


def render_html(items: Iterable[tuple[Analysis, str]], *, title: str = "quotekit") -> str:
    """One standalone HTML page showing the quotes of one article or of a corpus.

    Args:
        items: ``(analysis, text)`` pairs, one per article, in page order; ``text`` is the
            text exactly as analysed (offsets are code points into it). For a corpus, link
            the analyses first (:func:`quotekit.link_corpus`) so that the variants of a
            name are one speaker with one colour.
        title: The page's title and main heading.

    Returns:
        The page: an index of speakers (canonical name, kind, roles, number of quotes,
        articles with links to each quote), then each article's text with its quotes
        highlighted by kind (direct: tinted background; indirect: dashed underline; mixed:
        hatched background and dotted underline) in the speaker's colour, with the speaker's
        label, the cue outlined and the speaker mentions in bold. Hovering or focusing a
        quote shows its speaker, roles, cue and confidence in a side panel. CSS and
        JavaScript are inline; the page loads nothing.

    Raises:
        InputError: a span of an analysis does not fit its text (the wrong text was given).

    Notes:
        Persons and organisations are grouped by kind and name over the whole page; a
        description speaker (``un porte-parole``) is a speaker of its own article only.
        Each speaker's colour comes from a hash of that key, so it is the same from one
        page to the next unless two speakers of a page would share one.

    Example:
        >>> text = "« Nous ne céderons pas », a déclaré Claire Moreau."
        >>> page = render_html([(quotekit.analyse(text, id="a1"), text)], title="Revue")
        >>> page.startswith("<!DOCTYPE html>")
        True
    """
    pairs = list(items)
    rows = _collect(pairs)
    speakers = {s.key: s for s in rows}
    articles = "".join(
        _article_html(n, analysis, text, speakers) for n, (analysis, text) in enumerate(pairs, 1)
    )
    if not pairs:
        articles = '<p class="empty">No articles.</p>\n'
    n_quotes = sum(len(a.quotes) for a, _ in pairs)
    sub = (
        f"{len(pairs)} article{'s' if len(pairs) != 1 else ''} · "
        f"{n_quotes} quote{'s' if n_quotes != 1 else ''} · "
        f"{len(rows)} speaker{'s' if len(rows) != 1 else ''}"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="quotekit">\n'
        f"<title>{_esc(title)}</title>\n"
        f"<style>\n{_palette_css()}\n{_CSS}\n</style>\n"
        "</head>\n<body>\n"
        '<div class="layout">\n'
        f'<header class="page"><h1>{_esc(title)}</h1><p class="sub">{_esc(sub)}</p></header>\n'
        '<section class="speakers" aria-labelledby="speakers-h">\n'
        '<h2 id="speakers-h">Speakers</h2>\n'
        f"{_legend()}\n{_index_html(rows, pairs)}</section>\n"
        f'<main class="articles">\n{articles}</main>\n'
        '<aside class="panel s-none" id="qk-panel" aria-live="polite" aria-labelledby="qk-panel-h">'
        '<h2 id="qk-panel-h">Quote details</h2>'
        '<div id="qk-panel-body"><p class="hint">Hover over a quote, or move to it with Tab, '
        "to see who said it.</p></div></aside>\n"
        "</div>\n"
        f"<script>\n{_JS}\n</script>\n"
        "</body>\n</html>\n"
    )


def write_html(
    path: str | os.PathLike[str],
    items: Iterable[tuple[Analysis, str]],
    *,
    title: str = "quotekit",
) -> Path:
    """Write the page of :func:`render_html` to ``path`` (UTF-8), creating its folder.

    Args:
        path: Where to write the page (``report.html``).
        items: ``(analysis, text)`` pairs, as for :func:`render_html`.
        title: The page's title and main heading.

    Returns:
        The path written.

    Raises:
        InputError: a span of an analysis does not fit its text.
        OSError: the file cannot be written.

    Example:
        >>> write_html("out/report.html", [(analysis, text)], title="Revue de presse")
        PosixPath('out/report.html')
    """
    page = render_html(items, title=title)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
