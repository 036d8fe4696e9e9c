"""The HTML view in a real browser: Debian's chromium, headless, on a page written to disk.

Each test runs one chromium process (about a second): ``--dump-dom`` prints the DOM after the
page's script ran, ``--screenshot`` writes a PNG, and ``--enable-logging=stderr`` puts every
console message of the page on stderr as a ``CONSOLE`` line. The page never writes to the
console, so any such line (an uncaught error, a blocked external asset...) fails the test;
``test_the_console_check_catches_broken_pages`` shows that the check does catch them.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import tempfile
import warnings
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest

import quotekit
from quotekit import Analysis, QuotekitWarning
from quotekit.render import write_html

pytestmark = pytest.mark.browser

MISSING = (
    "chromium is not on PATH: the browser tests open the HTML view in Debian's chromium. "
    "Install it with `apt-get install -y chromium` (CI's .ci/run does), "
    "or set QUOTEKIT_CHROMIUM to a chromium binary."
)

#: No sandbox (root in containers), no GPU, and nothing that talks to the network on its own.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]

# [pid:tid:time:INFO:CONSOLE:1] "message", source: file:///... (1)  (older: CONSOLE(1)])
CONSOLE = re.compile(r"\bCONSOLE\b[^\]]*\]\s?(.*)")

ARTICLES = [
    (
        "culture",
        "« Nous ne céderons pas », a déclaré la ministre de la Culture, Claire Moreau.\n\n"
        "Elle a ajouté que la réforme serait votée avant l'été. Le texte <b>final</b> sera "
        "présenté en juin.",
    ),
    (
        "lyon",
        "Le maire de Lyon, Paul Girard, a annoncé que les travaux commenceraient en mai. "
        "L'opposition a dénoncé un « passage en force ».\n\n"
        "« Nous irons jusqu'au bout », a promis Claire Moreau.",
    ),
]


def find_chromium() -> str:
    """The chromium binary to run; fails the test, with the install command, when none."""
    override = os.environ.get("QUOTEKIT_CHROMIUM")
    if override:
        return override
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path is not None:
            return path
    pytest.fail(MISSING, pytrace=False)


def console_messages(stderr: str) -> list[str]:
    """The page's console messages among chromium's log lines."""
    return [m.group(1) for m in map(CONSOLE.search, stderr.splitlines()) if m]


def run_chromium(chromium: str, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="quotekit-chromium-") as profile:
        done = subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={profile}", *args, url],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    if done.returncode != 0:
        pytest.fail(f"chromium exited with {done.returncode}:\n{done.stderr[-3000:]}")
    return done


class Dom(HTMLParser):
    """The dumped DOM: quote fragments, article texts, index rows and the side panel."""

    def __init__(self, dom: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, str]] = []
        self.root: dict[str, str] = {}
        self.quote_text: dict[str, str] = defaultdict(str)
        self.quote_parts: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.articles: list[str] = []
        self.rows: dict[str, dict[str, str]] = {}
        self.panel: dict[str, str] = {}
        self.panel_text = ""
        self.feed(dom)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.root = a
        if tag == "tr" and "data-speaker" in a:
            self.rows[a["data-speaker"]] = a
        if a.get("id") == "qk-panel":
            self.panel = a
        if "data-quote-id" in a and any("text" in s.get("class", "").split() for s in self.stack):
            self.quote_parts[a["data-quote-id"]].append(a)
        if tag == "div" and a.get("class") == "text":
            self.articles.append("")
        if tag not in ("br", "meta", "img", "link", "input", "hr"):
            self.stack.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("br", "meta", "img", "link", "input", "hr") and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if any(a.get("class") == "text" for a in self.stack):
            self.articles[-1] += data
            for a in self.stack:
                if "data-quote-id" in a:
                    self.quote_text[a["data-quote-id"]] += data
        if any(a.get("id") == "qk-panel" for a in self.stack):
            self.panel_text += data + "\n"


@pytest.fixture(scope="module")
def sample(analyzer: quotekit.Analyzer) -> list[tuple[Analysis, str]]:
    with warnings.catch_warnings():
        # the markup in one article is there to check that the page escapes it
        warnings.filterwarnings("ignore", "culture: The text holds HTML markup", QuotekitWarning)
        found = [analyzer.analyse(text, id=name) for name, text in ARTICLES]
    items = list(zip(quotekit.link_corpus(found), (t for _, t in ARTICLES), strict=True))
    assert all(analysis.quotes for analysis, _ in items)
    return items


@pytest.fixture(scope="module")
def page(sample: list[tuple[Analysis, str]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_html(tmp_path_factory.mktemp("render") / "report.html", sample, title="Revue")


def test_the_page_loads_with_its_quotes_and_speakers(
    page: Path, sample: list[tuple[Analysis, str]]
) -> None:
    chromium = find_chromium()  # fails, not skips, without chromium
    done = run_chromium(chromium, page.as_uri(), "--dump-dom")
    assert console_messages(done.stderr) == []
    dom = Dom(done.stdout)
    assert dom.root.get("data-qk-ready") == "1", "the page's script did not run to its end"
    assert dom.articles == [text for _, text in ARTICLES]
    counts: dict[str, int] = defaultdict(int)
    for number, (analysis, _) in enumerate(sample, start=1):
        for k, quote in enumerate(analysis.quotes, start=1):
            qid = f"a{number}-q{k}"
            assert dom.quote_text[qid] == quote.text
            speaker = "" if quote.speaker is None else quote.speaker.name
            assert {p["data-quote-kind"] for p in dom.quote_parts[qid]} == {quote.kind}
            assert {p["data-speaker"] for p in dom.quote_parts[qid]} == {speaker}
            if quote.speaker is not None:
                counts[speaker] += 1
    assert {name: int(row["data-quotes"]) for name, row in dom.rows.items()} == counts
    assert counts["Claire Moreau"] >= 2  # one speaker over both articles


def test_a_link_to_a_quote_shows_its_details(
    page: Path, sample: list[tuple[Analysis, str]]
) -> None:
    chromium = find_chromium()  # fails, not skips, without chromium
    analysis = sample[1][0]
    k, quote = next((k, q) for k, q in enumerate(analysis.quotes, 1) if q.speaker and q.cue)
    assert quote.speaker is not None and quote.cue is not None
    done = run_chromium(chromium, f"{page.as_uri()}#a2-q{k}", "--dump-dom")
    assert console_messages(done.stderr) == []
    dom = Dom(done.stdout)
    assert dom.panel.get("data-shown") == f"a2-q{k}"
    assert quote.speaker.name in dom.panel_text
    assert quote.cue.text in dom.panel_text
    assert f"{quote.confidence:.2f}" in dom.panel_text
    assert quote.text in dom.panel_text
    assert all("active" in p["class"].split() for p in dom.quote_parts[f"a2-q{k}"])


def test_screenshot(page: Path) -> None:
    chromium = find_chromium()
    shot = page.with_suffix(".png")
    done = run_chromium(
        chromium,
        page.as_uri(),
        "--hide-scrollbars",
        "--window-size=1280,1600",
        f"--screenshot={shot}",
    )
    assert console_messages(done.stderr) == []
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 1600)
    assert len(data) > 30_000  # text and colours, not a blank page


def _broken(page: Path, how: str) -> str:
    html = page.read_text(encoding="utf-8")
    if how == "uncaught error":
        return html.replace('"use strict";', '"use strict"; noSuchFunction();', 1)
    if how == "console.error":
        return html.replace("</body>", "<script>console.error('boom')</script></body>")
    if how == "external asset":
        return html.replace("</body>", '<img src="https://quotekit.invalid/x.png"></body>')
    raise AssertionError(how)


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("uncaught error", "Uncaught ReferenceError: noSuchFunction"),
        ("console.error", "boom"),
        ("external asset", "Content Security Policy"),
    ],
)
def test_the_console_check_catches_broken_pages(
    page: Path, tmp_path: Path, how: str, message: str
) -> None:
    chromium = find_chromium()  # fails, not skips, without chromium
    broken = tmp_path / "broken.html"
    broken.write_text(_broken(page, how), encoding="utf-8")
    done = run_chromium(chromium, broken.as_uri(), "--dump-dom")
    messages = console_messages(done.stderr)
    assert any(message in m for m in messages), messages
    if how == "uncaught error":
        assert Dom(done.stdout).root.get("data-qk-ready") is None


def test_without_chromium_the_test_fails_with_the_install_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("QUOTEKIT_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pytest.fail.Exception, match=r"apt-get install -y chromium"):
        find_chromium()
