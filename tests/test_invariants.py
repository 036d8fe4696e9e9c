"""Invariants that hold on any text, checked with hypothesis on messy French-like input.

Any text that is not blank gives a result without an exception; every span of the
record is a slice of the text (``text[start:end] == span.text``); quotes do not
overlap and each holds a word; the same text gives the same result twice, alone or in a
batch.
"""

from __future__ import annotations

import itertools
import warnings

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import quotekit
from quotekit.errors import QuotekitWarning
from quotekit.model import Analysis
from quotekit.records import validate_record

WORDS = " ".join(
    [
        "le la les un une des de du que qui qu' il elle ils nous on a est sont été sera",
        "gouvernement ministre maire président porte-parole syndicat réforme projet loi ville",
        "déclaré affirmé ajouté estimé expliqué souligné dit assure estime selon d'après pour",
        "M. Mme Dr Marie Dupont Jean-Pierre Martin Claire Moreau Lefèvre Paris Lyon",
        "l'Assemblée n' pas jamais plus très aujourd'hui hier « nous » ne céderons rien c'est",
    ]
).split()

CUES = [
    "a déclaré",
    "a-t-il dit",
    "a-t-elle ajouté",
    ", selon",
    "a estimé que",
    "a affirmé qu'",
    "explique le ministre",
    "a confié M. Martin",
    "a lancé Mme Moreau",
    ":",
]

MARKS = ["«", "»", "« ", " »", "“", "”", '"', "‹", "›", "„", "'", "’", "—", "–", "-"]
PUNCT = [".", ",", ";", ":", "!", "?", "…", "(", ")", "[", "]", "...", " .", " ,"]
SPACES = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u202f", "\u2009", "\r\n", "\u200b"]
DEBRIS = ["<p>", "</p>", "<br/>", "&nbsp;", "&amp;", "&#171;", "<a href='x'>", "</a>", "\ufeff"]

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(CUES),
    st.sampled_from(MARKS),
    st.sampled_from(PUNCT),
    st.sampled_from(SPACES),
    st.sampled_from(DEBRIS),
    st.text(max_size=4),  # any unicode (hypothesis leaves out lone surrogates)
)

texts = st.lists(piece, min_size=1, max_size=60).flatmap(
    lambda parts: st.sampled_from([" ", ""]).map(lambda sep: sep.join(parts))
)

# A quote-shaped sentence, to reach the quote and attribution stages more often.
quote_like = st.builds(
    lambda lead, open_, words, close, cue, tail: (
        f"{lead}{open_}{' '.join(words)}{close} {cue} {tail}"
    ),
    st.sampled_from(["", "Hier, ", "<p>", "\n"]),
    st.sampled_from(["«\u00a0", "« ", "“", '"', "", "‹ "]),
    st.lists(st.sampled_from(WORDS), min_size=0, max_size=12),
    st.sampled_from(["\u00a0»", " »", "”", '"', "", " ›", "»»"]),
    st.sampled_from(CUES),
    st.sampled_from(["Marie Dupont.", "le maire de Lyon.", "M. Martin", "", "&nbsp;"]),
)

any_text = st.one_of(texts, quote_like, st.lists(quote_like, max_size=4).map("\n".join))


def analyse(analyzer: quotekit.Analyzer, text: str) -> Analysis:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuotekitWarning)  # best-effort results are fine here
        return analyzer.analyse(text)


def check(analysis: Analysis, text: str) -> None:
    record = analysis.to_record()
    validate_record(record, text)
    quotes = sorted(analysis.quotes, key=lambda q: (q.start, q.end))
    for before, after in itertools.pairwise(quotes):
        assert before.end <= after.start, f"quotes overlap: {before.text!r} and {after.text!r}"
    for quote in analysis.quotes:
        assert 0.0 <= quote.confidence <= 1.0
        assert any(ch.isalnum() for ch in quote.text), f"a quote with no word: {quote.text!r}"


@settings(max_examples=300, deadline=None)
@given(text=any_text)
# found by this test: a "selon" quote holding "a estimé que" and a bare line break,
# whose second-hand quote was the line break alone
@example(
    text='“le le\xa0» a estimé que \n«\xa0\xa0» a déclaré Marie Dupont.\n"” , selon Marie Dupont.'
)
def test_any_text_gives_a_valid_deterministic_analysis(
    analyzer: quotekit.Analyzer, text: str
) -> None:
    assume(text.strip())
    analysis = analyse(analyzer, text)
    check(analysis, text)
    assert analyse(analyzer, text) == analysis


@settings(max_examples=40, deadline=None)
@given(batch=st.lists(any_text, min_size=1, max_size=5))
def test_batch_equals_one_by_one(analyzer: quotekit.Analyzer, batch: list[str]) -> None:
    batch = [t for t in batch if t.strip()]
    assume(batch)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuotekitWarning)
        piped = list(analyzer.pipe(batch, batch_size=2))
    assert piped == [analyse(analyzer, t) for t in batch]


@settings(max_examples=25, deadline=None)
@given(text=st.text(alphabet=" \t\n\r\x0b\x0c\u00a0\u2003\u202f\u3000\u2028", max_size=20))
def test_blank_text_is_an_empty_analysis_with_a_warning(
    analyzer: quotekit.Analyzer, text: str
) -> None:
    with pytest.warns(QuotekitWarning, match="empty or only whitespace"):
        analysis = analyzer.analyse(text)
    assert (analysis.entities, analysis.quotes, analysis.error) == ((), (), None)


@pytest.mark.parametrize(
    "text",
    [
        "« « « »",
        "» Il a dit « non",
        "“Oui,” a dit Marie Dupont. « Non »",
        "Il a déclaré : « « C'est fini » ».",
        "<p>« Nous irons&nbsp;», a déclaré M. Martin.</p>",
        "« Nous irons au bout, a déclaré Marie Dupont.\n",
        "«\u00a0Jamais\u00a0», a\u202fdit\u00a0Mme Moreau.\r\n« Toujours ».",
        '"""',
        "‹ › ‹",
        "\ufeff« Début »",
        "a" * 3000,
        "« " + "très " * 400,
    ],
    ids=lambda text: ascii(text[:24]),
)
def test_awkward_texts(analyzer: quotekit.Analyzer, text: str) -> None:
    analysis = analyse(analyzer, text)
    check(analysis, text)
    assert analyse(analyzer, text) == analysis
