"""The HTML view: markup well formed, text kept exactly, quotes marked, text escaped, no assets.

The page is parsed with :mod:`html.parser`; the browser test (``tests/browser``) checks it
in a real browser.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotekit
from quotekit import Analysis, Entity, InputError, Mention, Quote, Span, Speaker
from quotekit.model import QuoteKind
from quotekit.render import _NO_SPEAKER, _PALETTE, render_html, write_html

KINDS: tuple[QuoteKind, ...] = ("direct", "indirect", "mixed")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Page(HTMLParser):
    """A rendered page, parsed: nesting errors, the text of each article and of each quote."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.errors: list[str] = []
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.marks: list[dict[str, str]] = []  # the elements of the articles, not of the legend
        self.articles: list[str] = []  # the text of each article's div.text
        self.quote_text: dict[str, str] = defaultdict(str)
        self.quote_parts: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.scripts = 0
        self.feed(page)
        self.close()
        if self.stack:
            self.errors.append(f"not closed: {[t for t, _ in self.stack]}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        self.scripts += tag == "script"
        if any(t == "div" and "text" in b.get("class", "").split() for t, b in self.stack):
            self.marks.append(a)
        if tag in VOID:
            return
        if tag == "div" and "text" in a.get("class", "").split():
            self.articles.append("")
        if "data-quote-id" in a:
            self.quote_parts[a["data-quote-id"]].append(a)
        self.stack.append((tag, a))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.errors.append(f"self-closing <{tag}/>")
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.errors.append(f"end tag of void element </{tag}>")
        elif not self.stack or self.stack[-1][0] != tag:
            open_tag = self.stack[-1][0] if self.stack else None
            self.errors.append(f"</{tag}> closes <{open_tag}>")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        inside = [a for _, a in self.stack]
        if any(t == "div" and "text" in a.get("class", "").split() for t, a in self.stack):
            self.articles[-1] += data
        for a in inside:
            if "data-quote-id" in a:
                self.quote_text[a["data-quote-id"]] += data

    def with_class(self, name: str) -> list[dict[str, str]]:
        """The elements of the articles' text with this class."""
        return [a for a in self.marks if name in a.get("class", "").split()]

    def by_id(self) -> dict[str, dict[str, str]]:
        return {a["id"]: a for _, a in self.elements if "id" in a}


def parse(page: str) -> Page:
    parsed = Page(page)
    assert parsed.errors == []
    return parsed


def span(text: str, part: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``part`` in ``text`` as a span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span.of(text, start, start + len(part))


def quote(text: str, part: str, kind: str = "direct", **kwargs: object) -> Quote:
    s = span(text, part)
    return Quote(s.start, s.end, s.text, kind=kind, **kwargs)  # type: ignore[arg-type]


def mention(text: str, part: str, nth: int = 0, kind: str = "name") -> Mention:
    s = span(text, part, nth)
    return Mention(s.start, s.end, s.text, kind=kind)  # type: ignore[arg-type]


MOREAU = (
    "« Nous ne céderons pas », a déclaré la ministre de la Culture, Claire Moreau.\n"
    "Elle a ajouté que la réforme serait votée avant l'été. Le syndicat a dénoncé un "
    "« passage en force »."
)


def moreau() -> Analysis:
    t = MOREAU
    claire = Entity(
        "e1",
        "person",
        "Claire Moreau",
        mentions=[mention(t, "Claire Moreau"), mention(t, "Elle", kind="pronoun")],
        roles=[span(t, "ministre de la Culture")],
        gender="f",
    )
    union = Entity("e2", "organization", "syndicat", mentions=[mention(t, "syndicat")])
    return Analysis(
        id="moreau",
        model="hand",
        entities=[claire, union],
        quotes=[
            quote(
                t,
                "Nous ne céderons pas",
                speaker=Speaker(
                    "Claire Moreau", "person", "e1", span(t, "la ministre de la Culture")
                ),
                cue=span(t, "a déclaré"),
                confidence=0.93,
            ),
            quote(
                t,
                "la réforme serait votée avant l'été",
                "indirect",
                speaker=Speaker("Claire Moreau", "person", "e1", span(t, "Elle")),
                cue=span(t, "a ajouté"),
                confidence=0.8,
            ),
            quote(
                t,
                "un « passage en force »",
                "mixed",
                speaker=Speaker("syndicat", "organization", "e2", span(t, "Le syndicat")),
                cue=span(t, "a dénoncé"),
                confidence=0.7,
            ),
        ],
    )


def check_quotes(page: Page, number: int, analysis: Analysis) -> None:
    """Each quote of article ``number`` is marked with its text, kind and speaker."""
    for k, q in enumerate(analysis.quotes, start=1):
        qid = f"a{number}-q{k}"
        assert page.quote_text[qid] == q.text
        parts = page.quote_parts[qid]
        assert parts, qid
        assert {p["data-quote-kind"] for p in parts} == {q.kind}
        assert {p["data-speaker"] for p in parts} == {"" if q.speaker is None else q.speaker.name}
        assert {p["class"].split()[1] for p in parts} == {f"q-{q.kind}"}
        firsts = [p for p in parts if "tabindex" in p]
        assert len(firsts) == 1 and firsts[0]["tabindex"] == "0" and firsts[0]["id"] == qid


# --- one article, built by hand --------------------------------------------------------------


def test_quotes_are_marked_with_kind_and_speaker() -> None:
    analysis = moreau()
    page = parse(render_html([(analysis, MOREAU)]))
    assert page.articles == [MOREAU]
    check_quotes(page, 1, analysis)


@pytest.mark.parametrize("kind", ["direct", "indirect", "mixed"])
def test_each_kind_has_its_own_class(kind: str) -> None:
    text = "« Non », a dit Paul Girard."
    q = quote(text, "Non", kind, speaker=Speaker("Paul Girard", "person"), cue=span(text, "a dit"))
    page = parse(render_html([(Analysis("k", "hand", quotes=[q]), text)]))
    (part,) = page.quote_parts["a1-q1"]
    assert part["data-quote-kind"] == kind
    assert f"q-{kind}" in part["class"].split()


def test_the_panel_details_are_on_the_first_fragment() -> None:
    page = parse(render_html([(moreau(), MOREAU)]))
    first = page.by_id()["a1-q1"]
    assert first["data-speaker"] == "Claire Moreau"
    assert first["data-speaker-kind"] == "person"
    assert first["data-roles"] == "ministre de la Culture"
    assert first["data-cue"] == "a déclaré"
    assert first["data-confidence"] == "0.93"
    assert first["data-mention"] == "la ministre de la Culture"
    assert page.by_id()["a1-q3"]["data-speaker-kind"] == "organization"


def test_cues_and_speaker_mentions_are_marked() -> None:
    page = parse(render_html([(moreau(), MOREAU)]))
    cues = {a["data-cue-of"]: a for a in page.with_class("cue")}
    assert set(cues) == {"a1-q1", "a1-q2", "a1-q3"}
    speaker_of = {a["data-speaker-of"] for a in page.with_class("sm")}
    assert speaker_of == {"a1-q1", "a1-q2", "a1-q3"}
    # "Elle" is both a pronoun mention of Claire Moreau and the speaker of quote 2: one element
    (elle,) = [a for a in page.with_class("sm") if a["data-speaker-of"] == "a1-q2"]
    assert elle["data-entity"] == "e1" and elle["data-mention-kind"] == "pronoun"


def test_one_speaker_one_colour_and_label() -> None:
    page = parse(render_html([(moreau(), MOREAU)]))
    colour = {p["data-speaker"]: p["class"].split()[2] for p in page.with_class("q")}
    assert colour["Claire Moreau"] != colour["syndicat"]
    assert all(re.fullmatch(r"s\d+", c) for c in colour.values())
    firsts = {a["data-speaker"]: a["data-label"] for a in page.with_class("q") if "id" in a}
    assert firsts == {"Claire Moreau": "CM", "syndicat": "S"}


def test_paragraphs_are_kept() -> None:
    page = render_html([(moreau(), MOREAU)])
    assert re.search(r"Claire Moreau</span>\.<br>\n<span [^>]*>Elle</span>", page)


# --- untrusted text ----------------------------------------------------------------------------

NASTY = '<script>alert("x")</script> & <img src=x onerror=alert(1)> "\' --> ]]>'


def test_text_and_names_are_escaped() -> None:
    text = f"« {NASTY} », a dit <b>Jean</b>."
    q = quote(
        text,
        NASTY,
        speaker=Speaker('<b>Jean</b> "le grand"', "person", "e1", span(text, "<b>Jean</b>")),
        cue=span(text, "a dit"),
    )
    entity = Entity(
        "e1",
        "person",
        '<b>Jean</b> "le grand"',
        mentions=[mention(text, "<b>Jean</b>")],
        roles=[Span(0, 1, "«")],
    )
    analysis = Analysis(id="<script>id</script>", model="hand", entities=[entity], quotes=[q])
    page = render_html([(analysis, text)], title="<script>title</script>")
    assert "<script>alert" not in page
    assert "<img" not in page and "<b>" not in page
    assert "<script>title" not in page and "<script>id" not in page
    parsed = parse(page)
    assert parsed.scripts == 1  # ours
    assert parsed.articles == [text]
    assert parsed.quote_text["a1-q1"] == NASTY
    assert parsed.by_id()["a1-q1"]["data-speaker"] == '<b>Jean</b> "le grand"'
    rows = [a for t, a in parsed.elements if t == "tr" and "data-speaker" in a]
    assert [r["data-speaker"] for r in rows] == ['<b>Jean</b> "le grand"']


def test_no_external_assets() -> None:
    page = render_html([(moreau(), MOREAU)])
    assert "http://" not in page and "https://" not in page and "//" not in page.replace("://", "")
    parsed = parse(page)
    assert not [t for t, _ in parsed.elements if t in ("link", "img", "iframe", "object")]
    assert not [a for _, a in parsed.elements if "src" in a]
    assert all(a["href"].startswith("#") for t, a in parsed.elements if t == "a")
    # and the page forbids loading anything, should something slip in
    (csp,) = [a for t, a in parsed.elements if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp["content"].startswith("default-src 'none'")


@pytest.mark.parametrize(
    "text",
    [
        "Un texte sans guillemets.",
        "Deux  espaces,\ttabulation\n\nparagraphes\n",
        "Émoji 😀 avant « la citation 👍 », a dit Léa.",
        "Des entités &amp; &lt;pas&gt; des balises <p> ni </div> ni <!-- commentaire -->",
        "\n\ndébut et fin vides\n\n",
    ],
)
def test_text_content_is_the_input_text(text: str) -> None:
    """Stripping the tags and unescaping gives back the text: nothing lost, nothing doubled."""
    q = Quote(0, len(text), text, kind="indirect")
    page = parse(render_html([(Analysis("t", "hand", quotes=[q]), text)]))
    assert page.articles == [text]
    assert page.quote_text["a1-q1"] == text


def test_astral_characters_count_as_one_offset() -> None:
    text = "😀😀 « Oui », a dit Léa."
    q = quote(text, "Oui", speaker=Speaker("Léa", "person"))
    assert q.start == 5  # code points, not UTF-16 units
    page = parse(render_html([(Analysis("t", "hand", quotes=[q]), text)]))
    assert page.quote_text["a1-q1"] == "Oui"


# --- overlapping spans -----------------------------------------------------------------------


def test_overlapping_spans_stay_well_formed() -> None:
    text = "Paul Girard a dit que le projet avancera, selon Marie Durand et Jean Roche."
    girard = Entity("e1", "person", "Paul Girard", mentions=[mention(text, "Paul Girard")])
    durand = Entity("e2", "person", "Marie Durand", mentions=[mention(text, "Marie Durand")])
    roche = Entity("e3", "person", "Jean Roche", mentions=[mention(text, "Jean Roche")])
    quotes = [
        # a quote starting inside a speaker mention, and a cue crossing its start
        Quote(5, 40, text[5:40], kind="indirect", speaker=Speaker("Paul Girard", "person", "e1")),
        # a second quote overlapping the first, whose speaker mention is inside the first quote
        quote(
            text,
            "le projet avancera, selon Marie",
            "mixed",
            speaker=Speaker("Marie Durand", "person", "e2", span(text, "Girard a dit")),
            cue=span(text, "a dit que le"),
        ),
        # a quote inside a mention, and a cue that is another entity's mention
        quote(
            text,
            "Roch",
            "direct",
            speaker=Speaker("Jean Roche", "person", "e3", span(text, "Jean Roche")),
            cue=span(text, "Jean Roche"),
        ),
        # an empty quote
        Quote(0, 0, "", kind="direct"),
    ]
    analysis = Analysis("x", "hand", entities=[girard, durand, roche], quotes=quotes)
    page = parse(render_html([(analysis, text)]))
    assert page.articles == [text]
    check_quotes(page, 1, analysis)
    # quotes are the outer elements, split only by another quote: of two crossing quotes,
    # the later one; the mentions and cues crossing a quote's edge are split instead
    assert len(page.quote_parts["a1-q1"]) == 1
    assert len(page.quote_parts["a1-q2"]) == 2
    assert len(page.quote_parts["a1-q3"]) == 1


def test_a_mention_inside_a_cue_does_not_split_the_cue() -> None:
    text = "« Non », a-t-elle ajouté."
    elle = mention(text, "elle", kind="pronoun")
    q = quote(
        text,
        "Non",
        speaker=Speaker("Léa Roux", "person", "e1", elle.span),
        cue=span(text, "a-t-elle ajouté"),
    )
    entity = Entity("e1", "person", "Léa Roux", mentions=[elle])
    page = render_html([(Analysis("t", "hand", entities=[entity], quotes=[q]), text)])
    assert re.search(
        r'<span class="cue [^"]*"[^>]*>a-t-<span class="m [^>]*>elle</span> ajouté<', page
    )


@st.composite
def analyses(draw: st.DrawFn) -> tuple[Analysis, str]:
    """Any text with any spans over it: quotes, cues, mentions may nest, cross or be empty."""
    text = draw(st.text(st.sampled_from("ab «»<>&\"'\n😀é"), max_size=40))

    def cut() -> Span:
        start = draw(st.integers(0, len(text)))
        return Span.of(text, start, draw(st.integers(start, len(text))))

    entities = []
    for n in range(draw(st.integers(0, 3))):
        mentions = [
            Mention(s.start, s.end, s.text) for s in (cut() for _ in range(draw(st.integers(0, 3))))
        ]
        entities.append(
            Entity(f"e{n}", "person", draw(st.sampled_from(["A", "B <b>", "C"])), mentions)
        )
    quotes = []
    for _ in range(draw(st.integers(0, 4))):
        s = cut()
        entity = draw(st.sampled_from([None, *entities]))
        speaker = draw(
            st.sampled_from(
                [
                    None,
                    Speaker("des témoins", "description", None, cut()),
                    *(Speaker(e.name, "person", e.id, cut()) for e in ([entity] if entity else [])),
                ]
            )
        )
        kind = draw(st.sampled_from(KINDS))
        cue = draw(st.sampled_from([None, cut()]))
        quotes.append(Quote(s.start, s.end, s.text, kind=kind, speaker=speaker, cue=cue))
    return Analysis("h", "hand", entities=entities, quotes=quotes), text


@settings(max_examples=200, deadline=None)
@given(analyses())
def test_any_spans_give_well_formed_markup_and_the_same_text(item: tuple[Analysis, str]) -> None:
    analysis, text = item
    page = parse(render_html([item]))
    assert page.articles == [text]
    check_quotes(page, 1, analysis)


# --- empty things, errors, files ---------------------------------------------------------------


def test_an_analysis_without_quotes_renders() -> None:
    text = "Le conseil municipal s'est réuni lundi soir."
    page = render_html([(Analysis(id="vide", model="hand"), text)])
    parsed = parse(page)
    assert parsed.articles == [text]
    assert "no quotes found" in page and "No quote has a speaker." in page
    assert not parsed.quote_parts


def test_no_articles_renders() -> None:
    page = render_html([])
    assert parse(page).articles == []
    assert "No articles." in page


def test_an_article_without_id_gets_a_heading() -> None:
    page = render_html([(Analysis(id=None, model="hand"), "Texte.")])
    assert '<h2 id="article-1-h">Article 1</h2>' in page


def test_the_wrong_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="pass the text exactly as it was analysed") as caught:
        render_html([(moreau(), MOREAU.upper())])
    assert isinstance(caught.value, ValueError)
    with pytest.raises(InputError, match="past the end"):
        render_html([(moreau(), MOREAU[:20])])


def test_write_html(tmp_path: Path) -> None:
    out = write_html(tmp_path / "sub" / "report.html", [(moreau(), MOREAU)], title="Revue")
    assert out == tmp_path / "sub" / "report.html"
    assert out.read_text(encoding="utf-8") == render_html([(moreau(), MOREAU)], title="Revue")


def test_the_page_is_deterministic() -> None:
    assert render_html([(moreau(), MOREAU)]) == render_html([(moreau(), MOREAU)])


# --- a corpus --------------------------------------------------------------------------------


def index_rows(page: Page) -> dict[str, dict[str, str]]:
    return {a["data-speaker"]: a for t, a in page.elements if t == "tr" and "data-speaker" in a}


def test_a_corpus_page_has_an_index_of_speakers() -> None:
    second = (
        "« Le texte sera voté », a assuré Claire Moreau. "
        "Des témoins ont affirmé que tout était calme."
    )
    claire = Entity("e7", "person", "Claire Moreau", mentions=[mention(second, "Claire Moreau")])
    other = Analysis(
        id="vote",
        model="hand",
        entities=[claire],
        quotes=[
            quote(
                second,
                "Le texte sera voté",
                speaker=Speaker("Claire Moreau", "person", "e7", span(second, "Claire Moreau")),
                cue=span(second, "a assuré"),
            ),
            quote(
                second,
                "tout était calme",
                "indirect",
                speaker=Speaker("Des témoins", "description", None, span(second, "Des témoins")),
            ),
        ],
    )
    page_text = render_html([(moreau(), MOREAU), (other, second)], title="Corpus")
    page = parse(page_text)
    assert page.articles == [MOREAU, second]
    rows = index_rows(page)
    assert {k: int(r["data-quotes"]) for k, r in rows.items()} == {
        "Claire Moreau": 3,
        "syndicat": 1,
        "Des témoins": 1,
    }
    assert rows["Des témoins"]["data-speaker-kind"] == "description"
    # one colour for one speaker in both articles (entity ids differ: e1, e7)
    colours = {
        p["class"].split()[2] for p in page.with_class("q") if p["data-speaker"] == "Claire Moreau"
    }
    assert len(colours) == 1
    # every link of the index goes to an article or a quote of the page
    ids = page.by_id()
    links = [a["href"][1:] for t, a in page.elements if t == "a"]
    assert {"article-1", "article-2", "a1-q1", "a1-q2", "a2-q1", "a2-q2"} <= set(links)
    assert all(target in ids for target in links)
    # the articles are listed in order, with their ids as headings
    assert page_text.index(">moreau</h2>") < page_text.index(">vote</h2>")
    assert "2 articles · 5 quotes · 3 speakers" in page_text


def test_speakers_keep_their_colour_from_page_to_page() -> None:
    one = parse(render_html([(moreau(), MOREAU)]))
    text = "« Oui », a dit Paul Girard. « Non », a dit Claire Moreau."
    other = Analysis(
        "o",
        "hand",
        quotes=[
            quote(text, "Oui", speaker=Speaker("Paul Girard", "person", "e9")),
            quote(text, "Non", speaker=Speaker("Claire Moreau", "person", "e8")),
        ],
    )
    two = parse(render_html([(other, text)]))

    def colour(page: Page, name: str) -> str:
        return next(
            p["class"].split()[2] for p in page.with_class("q") if p["data-speaker"] == name
        )

    assert colour(one, "Claire Moreau") == colour(two, "Claire Moreau")


def test_many_speakers_get_distinct_colours_until_the_palette_runs_out() -> None:
    names = [f"Personne {chr(65 + i)}" for i in range(len(_PALETTE) + 3)]
    text = " ".join(f"« {n} »." for n in names)
    quotes = [quote(text, n, speaker=Speaker(n, "person", f"e{i}")) for i, n in enumerate(names)]
    page = parse(render_html([(Analysis("m", "hand", quotes=quotes), text)]))
    colours = [p["class"].split()[2] for p in page.with_class("q")]
    assert len(set(colours)) == len(_PALETTE)
    labels = [a["data-label"] for a in page.with_class("q")]
    assert len(set(labels)) == len(names)  # the labels always tell speakers apart


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize(("strong", "tint"), [*_PALETTE, _NO_SPEAKER])
def test_palette_contrast(strong: str, tint: str) -> None:
    """WCAG AA for white labels on the strong colour, AAA for the text on the tint."""
    assert contrast(strong, "#ffffff") >= 4.5
    assert contrast("#1f2328", tint) >= 7


# --- through the analyser -----------------------------------------------------------------------

ARTICLES = [
    (
        "culture",
        "« Nous ne céderons pas », a déclaré la ministre de la Culture, Claire Moreau.\n"
        "Elle a ajouté que la réforme serait votée avant l'été.",
    ),
    (
        "lyon",
        "Le maire de Lyon, Paul Girard, a annoncé que les travaux commenceraient en mai. "
        "L'opposition a dénoncé un « passage en force ».\n\n"
        "Selon le syndicat Force ouvrière, la grève sera reconduite jeudi.",
    ),
    (
        "vote",
        "Claire Moreau a dénoncé une « trahison » de la majorité. « Nous irons jusqu'au bout », "
        "a promis Mme Moreau.",
    ),
]


@pytest.fixture(scope="module")
def analysed(analyzer: quotekit.Analyzer) -> list[tuple[Analysis, str]]:
    found = [analyzer.analyse(text, id=name) for name, text in ARTICLES]
    return list(zip(quotekit.link_corpus(found), (text for _, text in ARTICLES), strict=True))


def test_analysed_articles_render(analysed: list[tuple[Analysis, str]]) -> None:
    page = parse(render_html(analysed, title="Revue de presse"))
    assert page.articles == [text for _, text in ARTICLES]
    assert all(analysis.quotes for analysis, _ in analysed)
    kinds = set()
    for number, (analysis, _) in enumerate(analysed, start=1):
        check_quotes(page, number, analysis)
        kinds |= {q.kind for q in analysis.quotes}
    assert kinds == {"direct", "indirect", "mixed"}


def test_analysed_corpus_index(analysed: list[tuple[Analysis, str]]) -> None:
    page = parse(render_html(analysed))
    rows = index_rows(page)
    expected: dict[str, int] = defaultdict(int)
    for analysis, _ in analysed:
        for q in analysis.quotes:
            if q.speaker is not None:
                expected[q.speaker.name] += 1
    assert {k: int(r["data-quotes"]) for k, r in rows.items()} == expected
    # Claire Moreau speaks in two articles: one row, one colour
    assert rows["Claire Moreau"]["data-quotes"] == "4"
    colours = {
        p["class"].split()[2] for p in page.with_class("q") if p["data-speaker"] == "Claire Moreau"
    }
    assert len(colours) == 1


# --- how quotes are attributed, warnings and errors --------------------------------------------


def test_flags_are_shown_on_each_quote() -> None:
    base = moreau()
    first, second, third = base.quotes
    via = Speaker("Le Monde", "organization", None, None)
    analysis = attrs.evolve(
        base,
        quotes=[
            attrs.evolve(first, hedged=True, via=via),
            attrs.evolve(second, negated=True),
            third,
        ],
    )
    page = parse(render_html([(analysis, MOREAU)]))
    assert page.articles == [MOREAU]
    q1 = page.quote_parts["a1-q1"]
    assert {p["data-flags"] for p in q1} == {"hedged · via Le Monde"}
    assert all("f-hedged" in p["class"].split() for p in q1)
    assert {p["data-flags"] for p in page.quote_parts["a1-q2"]} == {"negated"}
    assert all("data-flags" not in p for p in page.quote_parts["a1-q3"])


def test_warnings_and_an_error_are_shown() -> None:
    @attrs.frozen
    class Failed(Analysis):  # the error object that records of failed documents carry
        error: dict[str, str] | None = None

    analysis = Failed(
        "broken",
        "hand",
        warnings=("Unbalanced <quote> marks",),
        error={"code": "too_long", "message": "text <longer> than the limit"},
    )
    page = render_html([(analysis, ""), (moreau(), MOREAU)])
    assert page.count('<ul class="warnings"') == 1
    assert "Unbalanced &lt;quote&gt; marks" in page
    assert 'data-error-code="too_long"' in page
    assert "text &lt;longer&gt; than the limit" in page
    assert page.count('class="error"') == 1
