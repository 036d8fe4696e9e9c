"""The HTML view: one standalone page for one article or a whole corpus.

The page has an index of the speakers at the top, then every article with its quotes
highlighted by kind, each speaker in its own colour and with its own label, the cues and
the speaker mentions marked. Hovering or focusing a quote (Tab) shows the speaker's
canonical name, kind and roles, the cue and the confidence in a side panel.

The page is one file with its CSS and JavaScript inline: no external asset, no network
(a Content-Security-Policy forbids any), so it can be mailed or opened offline. Every
piece of text in it is escaped: articles are untrusted input.

The markup is in jinja2 templates (``quotekit/templates``: ``page.html.j2`` and the
pieces it includes, ``conflicts.html.j2``, ``page.css``, ``page.js``), rendered with
autoescape; this module computes what they show (speakers' colours and labels, and the
text of each article with its quotes, cues and mentions laid over it, ``_markup``). Each
quote shows how it is attributed (``hedged``, ``denial``, ``negated``, ``via X``) beside
it and in the panel; each article its ``warnings`` and, for a record that failed, its
``error``. :func:`render_conflicts` is the page of conflicting attributions.

Example:
    >>> analyzer = quotekit.load()
    >>> text = "« Nous ne céderons pas », a déclaré Claire Moreau."
    >>> html = render_html([(analyzer.analyse(text, id="a1"), text)])
    >>> 'data-quote-kind="direct"' in html
    True
"""

from __future__ import annotations

import functools
import html
import os
import re
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import jinja2
from markupsafe import Markup

from quotekit.errors import InputError
from quotekit.model import Analysis, Entity, Quote, Span

if TYPE_CHECKING:
    from quotekit.conflicts import Conflict

__all__ = ["render_conflicts", "render_html", "write_html"]

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
    links: list[dict[str, object]] = attrs.field(factory=list)  # for the index template

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


def _flags(quote: Quote) -> list[str]:
    """How the quote is attributed, as shown beside it: ``hedged``, ``via Le Monde``."""
    out = [f for f in ("hedged", "denial", "negated") if getattr(quote, f)]
    if quote.via is not None:
        out.append(f"via {_flat(quote.via.name)}")
    return out


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
        flags = _flags(quote)
        attributes = {
            "data-quote-id": qid,
            "data-quote-kind": quote.kind,
            "data-speaker": "" if row is None else row.name,
        }
        if flags:
            attributes["data-flags"] = " · ".join(flags)
        marks.append(
            _Mark(
                quote.start,
                quote.end,
                _QUOTE,
                ["q", f"q-{quote.kind}", css]
                + [f"f-{f}" for f in ("hedged", "denial", "negated") if getattr(quote, f)],
                attributes,
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


def _error_of(analysis: Analysis) -> dict[str, str] | None:
    """The ``error`` of a record that failed (``{"code", "message"}``), when it has one."""
    error = getattr(analysis, "error", None)
    if error is None:
        return None
    if isinstance(error, dict):
        return {"code": str(error.get("code", "")), "message": str(error.get("message", ""))}
    return {"code": str(getattr(error, "code", "")), "message": str(getattr(error, "message", ""))}


def _article(
    number: int, analysis: Analysis, text: str, speakers: dict[str, _Speaker]
) -> dict[str, object]:
    """What the article template shows of one article."""
    marks = _article_marks(number, analysis, text, speakers)
    rows = [s for s in speakers.values() if number in s.articles]
    count = len(analysis.quotes)
    facts = f"{count} quote{'s' if count != 1 else ''}" if count else "no quotes found"
    if rows:
        facts += f" · {len(rows)} speaker{'s' if len(rows) != 1 else ''}"
    return {
        "number": number,
        "heading": analysis.id if analysis.id is not None else f"Article {number}",
        "facts": facts,
        "chips": rows,
        "warnings": list(analysis.warnings),
        "error": _error_of(analysis),
        "markup": Markup(_markup(text, marks)),  # escaped piece by piece in _markup
    }


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


def _links(sp: _Speaker, items: Sequence[tuple[Analysis, str]]) -> list[dict[str, object]]:
    """The articles of a speaker's index row, each with the ids of its quotes there."""
    out: list[dict[str, object]] = []
    for article in sp.articles:
        analysis = items[article - 1][0]
        name = analysis.id if analysis.id is not None else f"Article {article}"
        out.append(
            {
                "number": article,
                "name": name,
                "quotes": [qid for a, qid in sp.quotes if a == article],
            }
        )
    return out


def _palette_css() -> str:
    rules = [f".s{i}{{--c:{strong};--t:{tint}}}" for i, (strong, tint) in enumerate(_PALETTE)]
    rules.append(f".s-none{{--c:{_NO_SPEAKER[0]};--t:{_NO_SPEAKER[1]}}}")
    return "\n".join(rules)


_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"

_TEMPLATES = Path(__file__).parent / "templates"


@functools.cache
def _environment() -> jinja2.Environment:
    """The templates of ``quotekit/templates``, every value escaped."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


@functools.cache
def _asset(name: str) -> Markup:
    """The CSS or JavaScript of the page, inlined as it is (no network: the CSP forbids it).
    No console output anywhere in the script: the browser test treats any console message
    as a failure."""
    return Markup((_TEMPLATES / name).read_text(encoding="utf-8").strip())


def _css() -> Markup:
    return Markup(_palette_css() + "\n") + _asset("page.css")


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
    for sp in rows:
        sp.links = _links(sp, pairs)
    articles = [
        _article(n, analysis, text, speakers) for n, (analysis, text) in enumerate(pairs, 1)
    ]
    n_quotes = sum(len(a.quotes) for a, _ in pairs)
    sub = (
        f"{len(pairs)} article{'s' if len(pairs) != 1 else ''} · "
        f"{n_quotes} quote{'s' if n_quotes != 1 else ''} · "
        f"{len(rows)} speaker{'s' if len(rows) != 1 else ''}"
    )
    described = [s for s in rows if s.kind == "description"]
    return (
        _environment()
        .get_template("page.html.j2")
        .render(
            title=title,
            sub=sub,
            csp=_CSP,
            css=_css(),
            js=_asset("page.js"),
            rows=rows,
            named=[s for s in rows if s.kind != "description"],
            described=described,
            described_quotes=sum(len(s.quotes) for s in described),
            articles=articles,
        )
    )


def render_conflicts(conflicts: Iterable[Conflict], *, title: str = "quotekit: conflicts") -> str:
    """One standalone HTML page of conflicting attributions (:func:`quotekit.find_conflicts`).

    Each quotation is a card with every attribution: article, speaker, cue, span, confidence,
    and the ``hedged``, ``denial`` and ``via`` flags. Like :func:`render_html`, the page loads
    nothing and escapes every text.

    Example:
        >>> page = render_conflicts(quotekit.find_conflicts(records))
        >>> page.startswith("<!DOCTYPE html>")
        True
    """
    return (
        _environment()
        .get_template("conflicts.html.j2")
        .render(title=title, csp=_CSP, css=_css(), conflicts=list(conflicts))
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
