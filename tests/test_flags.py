"""How each quote is attributed (``quotekit.flags``): hedged, denial, negated, via.

A table of French sentences written for this test (every person, outlet and event is
invented). Each row names the quote it is about by a piece of its content, and gives the
flags expected on it: ``hedged``, ``denial``, ``negated`` and ``via`` (a word of the name
of the source that reports the quote second-hand, or None). Every flag comes with its
look-alikes: a conditional in the content but not in the attribution, a denial verb inside
the content, a negation inside the content, ``selon`` as the cue itself (with a person or a
named outlet) against ``selon`` reporting another cue, ``selon lui`` in the content.

``test_precision_and_recall_per_flag`` prints the precision and recall of each flag over the
table (``pytest tests/test_flags.py -q -s -k precision``) and requires 0.95 for each.
"""

from __future__ import annotations

import attrs
import pytest

import quotekit
from quotekit.model import Quote

# (sentence, piece of the quote's content, hedged, denial, negated, via)
Row = tuple[str, str, bool, bool, bool, str | None]

TABLE: list[Row] = [
    # hedged: a conditional cue, a conditional content under selon, a hearsay marker
    (
        "Le ministre de l'Intérieur aurait déclaré que les frontières resteraient fermées.",
        "les frontières",
        True,
        False,
        False,
        None,
    ),
    (
        "« Nous ne reculerons pas », aurait lancé Sophie Marchand devant les militants.",
        "Nous ne reculerons",
        True,
        False,
        False,
        None,
    ),
    (
        "Paul Girard affirmerait que la réforme est abandonnée.",
        "la réforme",
        True,
        False,
        False,
        None,
    ),
    (
        "Selon la presse locale, le maire Henri Vasseur aurait démissionné lundi.",
        "aurait démissionné",
        True,
        False,
        False,
        None,
    ),
    (
        "Selon Le Télégramme, l'entraîneur Marc Lebrun quitterait le club en juin.",
        "quitterait",
        True,
        False,
        False,
        None,
    ),
    (
        "Selon des informations du Parisien, Julie Renaud a assuré que le contrat était signé.",
        "le contrat",
        True,
        False,
        False,
        "Parisien",
    ),
    (
        "De source proche du dossier, on indique que l'enquête sera close avant l'été.",
        "l'enquête",
        True,
        False,
        False,
        None,
    ),
    (
        "Selon une source policière, le suspect a reconnu les faits.",
        "le suspect",
        True,
        False,
        False,
        None,
    ),
    (
        "La directrice Anne Perrin aurait confié à ses proches qu'elle envisageait de partir.",
        "envisageait",
        True,
        False,
        False,
        None,
    ),
    (
        "Le président du club, Louis Bertin, aurait assuré que les salaires seraient versés.",
        "les salaires",
        True,
        False,
        False,
        None,
    ),
    (
        "À en croire son entourage, Nadia Keller a affirmé que la candidature était prête.",
        "la candidature",
        True,
        False,
        False,
        "entourage",
    ),
    (
        "Le porte-parole Yves Caron aurait indiqué que la décision serait rendue vendredi.",
        "la décision",
        True,
        False,
        False,
        None,
    ),
    (
        "Selon le rapport, les dépenses de la région auraient doublé en un an.",
        "les dépenses",
        True,
        False,
        False,
        None,
    ),
    (
        "L'architecte Rémi Tessier aurait reconnu que les plans comportaient une erreur.",
        "les plans",
        True,
        False,
        False,
        None,
    ),
    # hedged look-alikes: the conditional or the marker is in the content, or the cue is
    # in the imperfect
    (
        "La ministre Claire Moreau a assuré que le texte pourrait être voté en mars.",
        "le texte",
        False,
        False,
        False,
        None,
    ),
    ("Paul Girard a déclaré qu'il serait candidat en 2027.", "candidat", False, False, False, None),
    ("Selon Paul Girard, la réforme sera abandonnée.", "la réforme", False, False, False, None),
    (
        "« Ce serait une erreur », a déclaré le sénateur Hugo Lambert.",
        "Ce serait",
        False,
        False,
        False,
        None,
    ),
    (
        "Le maire Henri Vasseur déclarait que le marché rouvrirait bientôt.",
        "le marché",
        False,
        False,
        False,
        None,
    ),
    (
        "L'avocat Pierre Dumas assurait que son client serait libéré.",
        "son client",
        False,
        False,
        False,
        None,
    ),
    (
        "Selon le procureur Alain Ferrand, le suspect a avoué les faits.",
        "le suspect",
        False,
        False,
        False,
        None,
    ),
    (
        "Le juge Thomas Brun a expliqué que les sources proches de l'enquête étaient protégées.",
        "les sources",
        False,
        False,
        False,
        None,
    ),
    # denial
    (
        "Paul Girard a démenti que la réforme soit abandonnée.",
        "la réforme",
        False,
        True,
        False,
        None,
    ),
    ("Le ministre Étienne Roux a nié avoir reçu de l'argent.", "reçu", False, True, False, None),
    (
        "La société Vernal a contesté que ses usines aient pollué la rivière.",
        "ses usines",
        False,
        True,
        False,
        None,
    ),
    (
        "L'ancien maire Victor Sauvage a réfuté que le budget ait été falsifié.",
        "le budget",
        False,
        True,
        False,
        None,
    ),
    (
        "La présidente Lucie Fabre a récusé que son parti soit divisé.",
        "son parti",
        False,
        True,
        False,
        None,
    ),
    (
        "Le club a démenti toute négociation avec le joueur.",
        "toute négociation",
        False,
        True,
        False,
        None,
    ),
    (
        "Julien Martel a nié les faits qui lui sont reprochés.",
        "les faits",
        False,
        True,
        False,
        None,
    ),
    (
        "« C'est faux », a démenti le porte-parole Yves Caron.",
        "C'est faux",
        False,
        True,
        False,
        None,
    ),
    (
        "Le député Marc Aubry conteste que la loi soit applicable.",
        "la loi",
        False,
        True,
        False,
        None,
    ),
    (
        "« Je n'ai jamais touché cet argent », a nié l'élu Bruno Petit.",
        "jamais touché",
        False,
        True,
        False,
        None,
    ),
    ("Le comité a réfuté les accusations de fraude.", "les accusations", False, True, False, None),
    # denial look-alikes: the denial is inside the content, or the cue confirms
    (
        "Le ministre Paul Girard a déclaré que son rival avait nié les faits.",
        "son rival",
        False,
        False,
        False,
        None,
    ),
    (
        "La porte-parole Inès Morel a affirmé que le démenti de l'entreprise était tardif.",
        "le démenti",
        False,
        False,
        False,
        None,
    ),
    (
        "Le syndicat a rappelé que la direction contestait les chiffres.",
        "la direction",
        False,
        False,
        False,
        None,
    ),
    (
        "« Nous contestons cette décision », a déclaré l'avocate Marion Leclerc.",
        "Nous contestons",
        False,
        False,
        False,
        None,
    ),
    (
        "Le maire Henri Vasseur a reconnu que la piscine resterait fermée.",
        "la piscine",
        False,
        False,
        False,
        None,
    ),
    (
        "Le procureur Alain Ferrand a confirmé que le suspect avait été interpellé.",
        "le suspect",
        False,
        False,
        False,
        None,
    ),
    # negated or hypothetical cues
    (
        "Paul Girard n'a jamais dit que la réforme était abandonnée.",
        "la réforme",
        False,
        False,
        True,
        None,
    ),
    (
        "La ministre Claire Moreau n'a pas affirmé que les impôts baisseraient.",
        "les impôts",
        False,
        False,
        True,
        None,
    ),
    (
        "Le sénateur Hugo Lambert n'a jamais déclaré que la base militaire fermerait.",
        "la base",
        False,
        False,
        True,
        None,
    ),
    (
        "L'entraîneur Marc Lebrun n'a pas annoncé que le joueur partirait.",
        "le joueur",
        False,
        False,
        True,
        None,
    ),
    (
        "Le maire Henri Vasseur pourrait annoncer que la piscine rouvrira en mai.",
        "la piscine",
        False,
        False,
        True,
        None,
    ),
    (
        "La présidente Lucie Fabre devrait confirmer que le congrès aura lieu à Lyon.",
        "le congrès",
        False,
        False,
        True,
        None,
    ),
    (
        "La directrice Anne Perrin n'a nullement indiqué que l'usine fermerait.",
        "l'usine",
        False,
        False,
        True,
        None,
    ),
    (
        "Le juge Thomas Brun n'a pas précisé que l'audience serait publique.",
        "l'audience",
        False,
        False,
        True,
        None,
    ),
    (
        "Personne ne le croirait si le préfet Jean Lacombe déclarait que la route était sûre.",
        "la route",
        False,
        False,
        True,
        None,
    ),
    # negated look-alikes: the negation or the modal is in the content, or on another verb
    (
        "Paul Girard a affirmé que la réforme n'était pas abandonnée.",
        "la réforme",
        False,
        False,
        False,
        None,
    ),
    (
        "Paul Girard ne cesse de répéter que la réforme est abandonnée.",
        "la réforme",
        False,
        False,
        False,
        None,
    ),
    (
        "« Nous ne céderons pas », a déclaré la ministre Claire Moreau.",
        "Nous ne céderons",
        False,
        False,
        False,
        None,
    ),
    (
        "Le maire Henri Vasseur a dit qu'il ne se représenterait jamais.",
        "représenterait",
        False,
        False,
        False,
        None,
    ),
    (
        "La ministre Claire Moreau a déclaré que personne n'avait jamais menti.",
        "personne",
        False,
        False,
        False,
        None,
    ),
    (
        "Le président Louis Bertin a aussitôt annoncé que le club ne vendrait pas le stade.",
        "le club",
        False,
        False,
        False,
        None,
    ),
    (
        "Le sénateur Hugo Lambert a indiqué qu'il pourrait démissionner.",
        "démissionner",
        False,
        False,
        False,
        None,
    ),
    # "vouloir" before the cue is the speaker's intent, and the speech took place
    (
        "Le maire Henri Vasseur a voulu rappeler que la piscine rouvrira en juin.",
        "la piscine",
        False,
        False,
        False,
        None,
    ),
    (
        "Le juge Thomas Brun a déclaré que si la preuve était faite, le procès aurait lieu.",
        "le procès",
        False,
        False,
        False,
        None,
    ),
    # via: a source reporting another cue
    (
        "Selon Le Monde, le ministre Paul Girard a affirmé que la réforme était abandonnée.",
        "la réforme",
        False,
        False,
        False,
        "Monde",
    ),
    (
        "D'après l'AFP, le maire Henri Vasseur a annoncé que la piscine fermerait.",
        "la piscine",
        False,
        False,
        False,
        "AFP",
    ),
    (
        "Selon son avocat, Julien Martel a déclaré qu'il était innocent.",
        "innocent",
        False,
        False,
        False,
        "avocat",
    ),
    (
        "Selon la radio RTL, la ministre Claire Moreau a indiqué que le texte serait retiré.",
        "le texte",
        False,
        False,
        False,
        "RTL",
    ),
    (
        "« Nous ne céderons pas », a déclaré Paul Girard, cité par Le Parisien.",
        "Nous ne céderons",
        False,
        False,
        False,
        "Parisien",
    ),
    (
        "Selon l'agence Reuters, le général Omar Diallo a affirmé que les troupes se retiraient.",
        "les troupes",
        False,
        False,
        False,
        "Reuters",
    ),
    (
        "D'après Ouest-France, l'entraîneur Marc Lebrun a expliqué que le joueur était blessé.",
        "le joueur",
        False,
        False,
        False,
        "Ouest-France",
    ),
    (
        "Selon le quotidien Libération, le député Marc Aubry a reconnu qu'il avait menti.",
        "menti",
        False,
        False,
        False,
        "Libération",
    ),
    # via look-alikes: selon as the cue itself, selon inside the content, an interview
    ("Selon Le Monde, la réforme sera abandonnée.", "la réforme", False, False, False, None),
    (
        "Le ministre Paul Girard a affirmé que, selon lui, la réforme était abandonnée.",
        "la réforme",
        False,
        False,
        False,
        None,
    ),
    (
        "La ministre Claire Moreau a expliqué au Monde que le texte serait retiré.",
        "le texte",
        False,
        False,
        False,
        None,
    ),
    (
        "L'entraîneur Marc Lebrun a déclaré que, d'après les médecins, le joueur était blessé.",
        "le joueur",
        False,
        False,
        False,
        None,
    ),
    (
        "Paul Girard a rappelé qu'il avait répondu aux questions du Monde.",
        "répondu",
        False,
        False,
        False,
        None,
    ),
    (
        "« Nous ne céderons pas », a déclaré Paul Girard au Figaro.",
        "Nous ne céderons",
        False,
        False,
        False,
        None,
    ),
]

TABLE += [
    # a modal before a cue with its own subject does not make the cue hypothetical
    (
        "Ces plantes pourraient nourrir les équipages, comme l'indique la biologiste Sarah "
        "Klein : « Les premiers essais sont très encourageants pour la suite ».",
        "Les premiers essais",
        False,
        False,
        False,
        None,
    ),
]

#: Negations and hypotheses that report nobody: no quote flagged negated is added.
NOBODY = [
    "Le service n'est plus assuré que dans un quartier sur trois.",
    "Si l'on peut considérer que la crise est finie, la prudence reste de mise.",
    "Le ramassage n'est plus garanti que le matin dans le centre.",
    # the journalist's aside: "falloir" is a modal, yet no speech is denied or supposed
    "Il faut dire que le club n'a plus gagné depuis trois mois.",
    "Il convient de rappeler que la digue avait déjà cédé en 2010.",
]

FLAGS = ("hedged", "denial", "negated", "via")

_cache: dict[str, quotekit.Analysis] = {}


def _analysis(analyzer: quotekit.Analyzer, sentence: str) -> quotekit.Analysis:
    if sentence not in _cache:
        _cache[sentence] = analyzer.analyse(sentence)
    return _cache[sentence]


def _quote(analysis: quotekit.Analysis, sentence: str, piece: str) -> Quote | None:
    at = sentence.index(piece)
    for q in analysis.quotes:
        if q.start < at + len(piece) and at < q.end:
            return q
    return None


def _predicted(q: Quote | None) -> tuple[bool, bool, bool, str | None]:
    if q is None:
        return False, False, False, None
    return q.hedged, q.denial, q.negated, None if q.via is None else q.via.name


def test_the_table_is_large_enough() -> None:
    assert len(TABLE) >= 60
    for i, flag in enumerate(FLAGS):
        assert sum(1 for row in TABLE if row[2 + i]) >= 8, flag


@pytest.mark.parametrize("row", TABLE, ids=[r[0][:50] for r in TABLE])
def test_flags_of_each_sentence(analyzer: quotekit.Analyzer, row: Row) -> None:
    sentence, piece, hedged, denial, negated, via = row
    analysis = _analysis(analyzer, sentence)
    q = _quote(analysis, sentence, piece)
    assert q is not None, [x.text for x in analysis.quotes]
    assert (q.hedged, q.denial, q.negated) == (hedged, denial, negated)
    if via is None:
        assert q.via is None
    else:
        assert q.via is not None and via.lower() in q.via.name.lower()
        assert sentence[q.via.mention.start : q.via.mention.end] == q.via.mention.text  # type: ignore[union-attr]
        # the speaker stays the person quoted, not the source reporting the quote
        assert q.speaker is None or q.speaker.entity != q.via.entity or q.via.entity is None
    record = quotekit.to_record(analysis)
    quotekit.validate_record(record, sentence)
    assert quotekit.from_record(record) == analysis


def test_precision_and_recall_per_flag(analyzer: quotekit.Analyzer) -> None:
    counts = {flag: [0, 0, 0] for flag in FLAGS}  # true positives, predicted, expected
    for sentence, piece, *expected in TABLE:
        got = _predicted(_quote(_analysis(analyzer, sentence), sentence, piece))
        for flag, want, have in zip(FLAGS, expected, got, strict=True):
            c = counts[flag]
            c[1] += bool(have)
            c[2] += bool(want)
            if flag == "via":
                right = want is not None and have is not None and str(want) in str(have)
            else:
                right = bool(want) and bool(have)
            c[0] += right
    print()
    for flag, (tp, pred, gold) in counts.items():
        precision = tp / pred if pred else 1.0
        recall = tp / gold if gold else 1.0
        print(f"{flag:8} precision {precision:.3f} recall {recall:.3f} ({tp}/{pred}/{gold})")
        assert precision >= 0.95 and recall >= 0.95, flag


def test_negated_quotes_are_not_counted_by_the_evaluator(analyzer: quotekit.Analyzer) -> None:
    from quotekit.evaluate import GoldDocument, score_quotes

    text = "Paul Girard n'a jamais dit que la réforme était abandonnée."
    analysis = analyzer.analyse(text, id="d1")
    assert [q.negated for q in analysis.quotes] == [True]
    gold = GoldDocument(id="d1", text=text, quotes=(), persons=())
    assert score_quotes([gold], [analysis])["quotes"]["predicted"] == 0
    plain = attrs.evolve(analysis, quotes=(attrs.evolve(analysis.quotes[0], negated=False),))
    assert score_quotes([gold], [plain])["quotes"]["predicted"] == 1


@pytest.mark.parametrize("sentence", NOBODY)
def test_a_negation_that_reports_nobody_adds_no_quote(
    analyzer: quotekit.Analyzer, sentence: str
) -> None:
    assert [q.text for q in analyzer.analyse(sentence).quotes if q.negated] == []
