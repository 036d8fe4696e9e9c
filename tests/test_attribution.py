"""Speakers (``quotekit.attribution``) on French sentences, through the whole analyser.

Each row is a short text and, for every quote found in it in text order,
``(quote text, speaker name, speaker kind, speaker mention)``; a quote with no source
is ``(quote text, None, None, None)``. Following ``annotation-guideline.md``, the
speaker is the fullest name of the person (or the organisation's name, or the
description when no name is given), and the mention is the one nearest to the quote
that designates the speaker, exactly as written, which may be a pronoun or a role.
A name mention is written without its civility, as in ``record-schema.md``.

All the people, places and events are invented.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import quotekit
import quotekit.gated
from quotekit.cue_sources import _plausible_subject
from quotekit.model import Quote

Row = tuple[str, str | None, str | None, str | None]


def _rows(quotes: Sequence[Quote]) -> list[Row]:
    """Each quote as (text, speaker name, speaker kind, speaker mention)."""
    return [
        (
            q.text,
            None if q.speaker is None else q.speaker.name,
            None if q.speaker is None else q.speaker.kind,
            None if q.speaker is None or q.speaker.mention is None else q.speaker.mention.text,
        )
        for q in quotes
    ]


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


NAMED = [
    pytest.param(
        "Le maire Paul Girard a confirmé que le site restait fermé, reconnaissant cependant "
        "que la grève s'étendait.",
        [
            ("le site restait fermé", "Paul Girard", "person", "Paul Girard"),
            ("la grève s'étendait", "Paul Girard", "person", "Paul Girard"),
        ],
        id="participle-after-a-comma-speaks-for-the-earlier-speaker",
    ),
    pytest.param(
        "« Nous ne céderons pas », a déclaré la ministre de la Santé Claire Moreau.",
        [("Nous ne céderons pas", "Claire Moreau", "person", "Claire Moreau")],
        id="incise-role-and-name",
    ),
    pytest.param(
        "« Je ne démissionnerai pas », a déclaré M. Girard.",
        [("Je ne démissionnerai pas", "Girard", "person", "Girard")],
        id="incise-civility-and-surname",
    ),
    pytest.param(
        "La sénatrice Claire Moreau était présente. "
        "« Le texte sera voté avant l'été », estime Mme Moreau.",
        [("Le texte sera voté avant l'été", "Claire Moreau", "person", "Moreau")],
        id="incise-estime-surname",
    ),
    pytest.param(
        "« Les négociations avancent lentement », selon Dmitri Peskov.",
        [("Les négociations avancent lentement", "Dmitri Peskov", "person", "Dmitri Peskov")],
        id="selon-after-direct",
    ),
    pytest.param(
        "Selon la maire Sophie Bernard, « la ville ne peut plus attendre ».",
        [("la ville ne peut plus attendre", "Sophie Bernard", "person", "Sophie Bernard")],
        id="selon-before-direct",
    ),
    pytest.param(
        "Le ministre des Finances Bruno Lacaze a déclaré : « Nous ne reculerons devant rien. »",
        [("Nous ne reculerons devant rien.", "Bruno Lacaze", "person", "Bruno Lacaze")],
        id="colon-role-before-name",
    ),
    pytest.param(
        "Dmitri Peskov, porte-parole du Kremlin, a déclaré que Moscou était prêt à dialoguer.",
        [("Moscou était prêt à dialoguer", "Dmitri Peskov", "person", "Dmitri Peskov")],
        id="que-clause-apposition-role",
    ),
    pytest.param(
        "La présidente de la région, Hélène Vasseur, a souligné que les travaux "
        "commenceraient en mars.",
        [
            (
                "les travaux commenceraient en mars",
                "Hélène Vasseur",
                "person",
                "La présidente de la région",
            )
        ],
        id="que-clause-role-comma-name",
    ),
    pytest.param(
        "« Tout est prêt », assure le directeur du tournoi, Pierre Fabre.",
        [("Tout est prêt", "Pierre Fabre", "person", "le directeur du tournoi")],
        id="incise-role-comma-name",
    ),
    pytest.param(
        "« C'est un immense gâchis », a confié l'entraîneure des Bleues, Laura Vidal.",
        [("C'est un immense gâchis", "Laura Vidal", "person", "l'entraîneure des Bleues")],
        id="incise-feminine-role-comma-name",
    ),
    pytest.param(
        "« C'est une trahison », a lancé Paul Girard, ajoutant que son parti quitterait "
        "la majorité.",
        [
            ("C'est une trahison", "Paul Girard", "person", "Paul Girard"),
            ("son parti quitterait la majorité", "Paul Girard", "person", "Paul Girard"),
        ],
        id="participle-takes-main-subject",
    ),
]

PRONOUNS_AND_ROLES = [
    pytest.param(
        "Le maire Paul Girard a reçu les grévistes. « Le dialogue reste ouvert », a-t-il ajouté.",
        [("Le dialogue reste ouvert", "Paul Girard", "person", "il")],
        id="a-t-il",
    ),
    pytest.param(
        "« Nous serons vigilants », a-t-elle ajouté.",
        [("Nous serons vigilants", None, None, None)],
        id="pronoun-without-antecedent",
    ),
    pytest.param(
        "La ministre Claire Moreau a rencontré le maire Paul Girard. "
        "Il a assuré que les travaux reprendraient.",
        [("les travaux reprendraient", "Paul Girard", "person", "Il")],
        id="il-with-two-candidates",
    ),
    pytest.param(
        "Le maire Paul Girard a rencontré la ministre Claire Moreau. "
        "Il a assuré que les travaux reprendraient.",
        [("les travaux reprendraient", "Paul Girard", "person", "Il")],
        id="il-skips-nearer-woman",
    ),
    pytest.param(
        "La ministre Claire Moreau a rencontré le maire Paul Girard. "
        "Elle a assuré que les crédits seraient débloqués.",
        [("les crédits seraient débloqués", "Claire Moreau", "person", "Elle")],
        id="elle-skips-nearer-man",
    ),
    pytest.param(
        "La ministre Claire Moreau a reçu le maire Paul Girard. "
        "« Les crédits seront débloqués », a-t-elle promis.",
        [("Les crédits seront débloqués", "Claire Moreau", "person", "elle")],
        id="a-t-elle-skips-nearer-man",
    ),
    pytest.param(
        "Le maire Paul Girard a reçu la ministre Claire Moreau. "
        "« Les travaux reprendront lundi », a-t-il promis.",
        [("Les travaux reprendront lundi", "Paul Girard", "person", "il")],
        id="a-t-il-skips-nearer-woman",
    ),
    pytest.param(
        "« Nous ne sommes pas en guerre avec l'Europe », a assuré Dmitri Peskov. "
        "« Mais nous défendrons nos intérêts », a-t-il ajouté.",
        [
            (
                "Nous ne sommes pas en guerre avec l'Europe",
                "Dmitri Peskov",
                "person",
                "Dmitri Peskov",
            ),
            ("Mais nous défendrons nos intérêts", "Dmitri Peskov", "person", "il"),
        ],
        id="pronoun-after-named-quote",
    ),
    pytest.param(
        "« Nous ne sommes pas en guerre », a assuré Dmitri Peskov, interrogé sur la visite "
        "de Paul Girard à Kiev. « Mais nous défendrons nos intérêts », a-t-il ajouté.",
        [
            ("Nous ne sommes pas en guerre", "Dmitri Peskov", "person", "Dmitri Peskov"),
            ("Mais nous défendrons nos intérêts", "Dmitri Peskov", "person", "il"),
        ],
        id="pronoun-prefers-previous-speaker",
    ),
    pytest.param(
        "Claire Moreau, ministre de la Santé, a visité l'hôpital. "
        "Elle a assuré que les urgences resteraient ouvertes.",
        [("les urgences resteraient ouvertes", "Claire Moreau", "person", "Elle")],
        id="elle-after-epicene-apposition",
    ),
    pytest.param(
        "Le maire Paul Girard a visité le chantier. "
        "Selon lui, les travaux seront terminés en juin.",
        [("les travaux seront terminés en juin", "Paul Girard", "person", "lui")],
        id="selon-lui",
    ),
    pytest.param(
        "Les syndicats ont rencontré la direction. « La grève continuera », ont-ils prévenu.",
        [("La grève continuera", "Les syndicats", "description", "ils")],
        id="ils-for-a-group",
    ),
    pytest.param(
        "Le chef du gouvernement, Jean Castel, a présenté son plan. "
        "« Ce plan est juste », a déclaré le chef du gouvernement.",
        [("Ce plan est juste", "Jean Castel", "person", "le chef du gouvernement")],
        id="role-resolved-to-person",
    ),
    pytest.param(
        "Le syndicaliste Karim Benali a pris la parole. « Nous irons, a-t-il dit, jusqu'au bout ».",
        [
            ("Nous irons", "Karim Benali", "person", "il"),
            ("jusqu'au bout", "Karim Benali", "person", "il"),
        ],
        id="interrupted-quote-one-speaker",
    ),
    pytest.param(
        "« Nous avons perdu trop de temps », a regretté l'entraîneur Marc Lebrun. "
        "« Il faudra se reprendre dès samedi. »",
        [
            ("Nous avons perdu trop de temps", "Marc Lebrun", "person", "Marc Lebrun"),
            ("Il faudra se reprendre dès samedi.", "Marc Lebrun", "person", "Marc Lebrun"),
        ],
        id="cue-less-quote-continues-speaker",
    ),
    pytest.param(
        "« Nous avons tout donné.\n\n« Les supporters méritaient mieux », "
        "a déclaré le capitaine Hugo Marchal.",
        [
            (
                "Nous avons tout donné.\n\n« Les supporters méritaient mieux",
                "Hugo Marchal",
                "person",
                "Hugo Marchal",
            )
        ],
        id="multi-paragraph-quote",
    ),
]

ORGANISATIONS_AND_DESCRIPTIONS = [
    pytest.param(
        "« Aucun accord n'est possible en l'état », a affirmé le Kremlin.",
        [("Aucun accord n'est possible en l'état", "Kremlin", "organization", "le Kremlin")],
        id="kremlin-incise",
    ),
    pytest.param(
        "Le Kremlin a affirmé qu'aucun accord n'était possible en l'état.",
        [("aucun accord n'était possible en l'état", "Kremlin", "organization", "Le Kremlin")],
        id="kremlin-que-clause",
    ),
    pytest.param(
        "« Ces accusations sont absurdes », a affirmé le Kremlin. "
        "« Nous attendons des preuves », a-t-il ajouté.",
        [
            ("Ces accusations sont absurdes", "Kremlin", "organization", "le Kremlin"),
            ("Nous attendons des preuves", "Kremlin", "organization", "il"),
        ],
        id="kremlin-then-a-t-il",
    ),
    pytest.param(
        "Le Kremlin a réagi mardi. Il a affirmé que ces accusations étaient absurdes.",
        [("ces accusations étaient absurdes", "Kremlin", "organization", "Il")],
        id="il-for-an-organisation",
        marks=xfail(
            "an organisation becomes an entity only when it speaks, so 'Il' (after a "
            "Kremlin that has not spoken yet) finds no antecedent"
        ),
    ),
    pytest.param(
        "Le ministère des Affaires étrangères a démenti toute implication dans l'attaque.",
        [
            (
                "toute implication dans l'attaque",
                "ministère des Affaires étrangères",
                "organization",
                "ministère des Affaires étrangères",
            )
        ],
        id="ministry-noun-object",
    ),
    pytest.param(
        "L'association Vélo Libre s'est félicitée d'une « avancée majeure » pour les cyclistes.",
        [("avancée majeure", "Vélo Libre", "organization", "Vélo Libre")],
        id="organisation-named-after-its-class-noun",
    ),
    pytest.param(
        "La société Ardimex a salué « une décision courageuse » du tribunal.",
        [("une décision courageuse", "Ardimex", "organization", "Ardimex")],
        id="company-named-after-its-class-noun",
    ),
    pytest.param(
        "Selon le ministère de l'Intérieur, trois personnes ont été interpellées dans la nuit.",
        [
            (
                "trois personnes ont été interpellées dans la nuit",
                "ministère de l'Intérieur",
                "organization",
                "ministère de l'Intérieur",
            )
        ],
        id="selon-ministry",
    ),
    pytest.param(
        "D'après le syndicat, la moitié des agents sont en grève depuis lundi.",
        [
            (
                "la moitié des agents sont en grève depuis lundi",
                "syndicat",
                "organization",
                "le syndicat",
            )
        ],
        id="d-apres-union",
    ),
    pytest.param(
        "Des témoins ont raconté que le camion roulait à vive allure.",
        [("le camion roulait à vive allure", "Des témoins", "description", "Des témoins")],
        id="description-subject",
    ),
    pytest.param(
        "« Le camion roulait à vive allure », ont raconté des témoins.",
        [("Le camion roulait à vive allure", "des témoins", "description", "des témoins")],
        id="description-incise",
    ),
    pytest.param(
        "« La ville ne peut plus attendre », a martelé une habitante du quartier.",
        [
            (
                "La ville ne peut plus attendre",
                "une habitante du quartier",
                "description",
                "une habitante du quartier",
            )
        ],
        id="description-with-complement",
    ),
]

ISSUE4_CONSTRUCTIONS = [
    pytest.param(
        "Sur son blog, Claire Moreau, qui avait rencontré les grévistes la veille, s'est dite "
        "« inquiète pour la suite ».",
        [("inquiète pour la suite", "Claire Moreau", "person", "Claire Moreau")],
        id="subject-across-relative-clause",
    ),
    pytest.param(
        "Le maire Paul Girard a reçu les élus.\n\nJean Castel, le président du conseil, "
        "a salué « un accord historique ».",
        [("un accord historique", "Jean Castel", "person", "Jean Castel")],
        id="subject-across-apposition-after-paragraph",
    ),
    pytest.param(
        "Deux suspects ont été arrêtés. L'un d'eux, un homme de 30 ans déjà connu de la "
        "police, a affirmé avoir agi seul.",
        [
            (
                "avoir agi seul",
                "un homme de 30 ans déjà connu de la police",
                "description",
                "un homme de 30 ans déjà connu de la police",
            )
        ],
        id="pronoun-subject-with-apposition",
    ),
    pytest.param(
        "« Le chantier reprendra lundi » mardi soir, mettant fin au conflit, a déclaré le maire "
        "Paul Girard.",
        [("Le chantier reprendra lundi", "Paul Girard", "person", "Paul Girard")],
        id="late-incise",
    ),
    pytest.param(
        "Le maire Paul Girard a réagi vivement :\n\n« Cette décision est une erreur. »",
        [("Cette décision est une erreur.", "Paul Girard", "person", "Paul Girard")],
        id="colon-ending-previous-paragraph",
    ),
    pytest.param(
        "Pour Paul Girard, le maire de la ville, « le dialogue reste ouvert ».",
        [("le dialogue reste ouvert", "Paul Girard", "person", "Paul Girard")],
        id="pour-name-role-then-quote",
    ),
    pytest.param(
        "La Française Léa Morel a battu l'Ukrainienne Daria Sokol. "
        "L'Ukrainienne a assuré qu'elle reviendrait plus forte.",
        [("elle reviendrait plus forte", "Daria Sokol", "person", "L'Ukrainienne")],
        id="nationality-epithet-for-person",
    ),
    pytest.param(
        "Léa Morel, 24e joueuse mondiale, a déclaré forfait. "
        "« C'est une immense déception », a confié la joueuse.",
        [("C'est une immense déception", "Léa Morel", "person", "la joueuse")],
        id="role-noun-within-role",
    ),
    pytest.param(
        "Après avoir annoncé en mars la fermeture du site, le groupe Vektor a affirmé que "
        "les salariés seraient reclassés.",
        [
            ("la fermeture du site", "Vektor", "organization", "le groupe Vektor"),
            ("les salariés seraient reclassés", "Vektor", "organization", "le groupe Vektor"),
        ],
        id="subject-after-non-finite-cue",
        marks=xfail(
            "'annoncer' with a plain noun object is not an object-reporting verb: only the "
            "que-clause is found"
        ),
    ),
    pytest.param(
        "Les violences ont conduit le Conseil municipal à exprimer sa « profonde inquiétude ».",
        [("profonde inquiétude", "Conseil municipal", "organization", "le Conseil municipal")],
        id="object-control-infinitive",
        marks=xfail(
            "'Conseil municipal' is parsed as a proper noun 'Conseil' with an adjective: the "
            "organisation is cut to 'Conseil'"
        ),
    ),
    pytest.param(
        "Les infirmiers ont voté la grève jusqu'à mardi, selon la CGT. "
        "Ils se disent « prêts à négocier ».",
        [
            ("Les infirmiers ont voté la grève jusqu'à mardi", "CGT", "organization", "CGT"),
            ("prêts à négocier", "Les infirmiers", "description", "Ils"),
        ],
        id="ils-prefers-plural-group-over-organisation",
    ),
    pytest.param(
        "Selon son entraîneur, Marc Dubreuil, la blessure remonte au match de mardi.",
        [
            (
                "la blessure remonte au match de mardi",
                "Marc Dubreuil",
                "person",
                "son entraîneur",
            )
        ],
        id="selon-role-then-name-apposition",
        marks=xfail(
            "here the parser reads 'remonte' as an adjective and gives the clause no subject: "
            "with no verb, the content is not taken"
        ),
    ),
    pytest.param(
        "Le sommet pourrait se tenir en juin, a indiqué un diplomate qui a requis l'anonymat.",
        [
            (
                "Le sommet pourrait se tenir en juin",
                "un diplomate",
                "description",
                "un diplomate",
            )
        ],
        id="description-without-relative-pronoun",
    ),
    pytest.param(
        "Les violences ont poussé mardi les syndicats à réclamer « une enquête indépendante ».",
        [("une enquête indépendante", "les syndicats", "description", "les syndicats")],
        id="object-control-advcl-nearest-object",
    ),
    pytest.param(
        "La romancière Ana Lenoir a été saluée. Le message de la romancière était clair : "
        "« Il faut lire, encore et toujours. »",
        [("Il faut lire, encore et toujours.", "Ana Lenoir", "person", "la romancière")],
        id="noun-of-speech-before-colon",
    ),
    pytest.param(
        "Selon iKiosque, le journal cessera de paraître en juin.",
        [("le journal cessera de paraître en juin", "iKiosque", "organization", "iKiosque")],
        id="selon-name-with-inner-capital",
    ),
]


# Kinds of mistakes quotekit 0.1 made on news it had never seen (issue 14); each row failed
# on 0.1 and passes with the trained speaker model and the mechanisms that came with it.
UNSEEN_NEWS = [
    pytest.param(
        "Trois enseignantes étaient présentes. L'une des enseignantes a affirmé que les élèves "
        "étaient restés calmes.",
        [
            (
                "les élèves étaient restés calmes",
                "L'une des enseignantes",
                "description",
                "L'une des enseignantes",
            )
        ],
        id="a-pronoun-of-a-group-with-its-complement-is-a-description",
    ),
    pytest.param(
        "Le propriétaire a disparu. Selon ceux qui le connaissaient, il vivait seul depuis "
        "des années.",
        [
            (
                "il vivait seul depuis des années",
                "ceux qui le connaissaient",
                "description",
                "ceux qui le connaissaient",
            )
        ],
        id="a-demonstrative-with-its-relative-clause-is-a-description",
    ),
    pytest.param(
        "Le livre de Nicolas Sarkozy paraîtra mercredi.\n\nCelui qui était jusqu'à présent "
        "président du parti Les Républicains annonce sa démission de ce poste.",
        [
            (
                "sa démission de ce poste",
                "Celui qui était jusqu'à présent président du parti Les Républicains",
                "description",
                "Celui qui était jusqu'à présent président du parti Les Républicains",
            )
        ],
        id="a-demonstrative-subject-is-not-the-organisation-in-its-relative-clause",
    ),
    pytest.param(
        "Le maire Paul Girard était présent. On estime que trois personnes ont été tuées.",
        [("trois personnes ont été tuées", None, None, None)],
        id="an-indefinite-on-names-no-source",
    ),
    pytest.param(
        "Paul Girard est arrivé lundi. « On ne lâchera rien », a-t-il déclaré.",
        [("On ne lâchera rien", "Paul Girard", "person", "il")],
        id="an-on-inside-the-quote-is-the-speakers-own-word",
    ),
    pytest.param(
        "48 personnes se trouvaient à bord et la compagnie aérienne annonce avoir lancé "
        "des recherches.",
        [
            (
                "avoir lancé des recherches",
                "compagnie aérienne",
                "organization",
                "la compagnie aérienne",
            )
        ],
        id="a-coordinated-subject-starts-after-its-conjunction",
    ),
    pytest.param(
        "Le texte a été voté après un débat qualifié de « simulacre » par l'opposition.",
        [("simulacre", "l'opposition", "description", "l'opposition")],
        id="the-agent-after-a-fragment-of-a-passive-participle",
    ),
    pytest.param(
        "Le budget a été jugé « irréaliste » par les syndicats.",
        [("irréaliste", "les syndicats", "description", "les syndicats")],
        id="a-passive-subject-is-spoken-of-its-agent-speaks",
    ),
    pytest.param(
        "« Nous examinons toutes les pistes », a déclaré un conseiller de Lucie Marchand.",
        [
            (
                "Nous examinons toutes les pistes",
                "un conseiller de Lucie Marchand",
                "description",
                "un conseiller de Lucie Marchand",
            )
        ],
        id="a-person-named-as-the-complement-of-a-noun-is-not-the-speaker",
    ),
    pytest.param(
        "L'avocat d'Henri Leclerc a affirmé que son client n'avait rien signé.",
        [
            (
                "son client n'avait rien signé",
                "L'avocat d'Henri Leclerc",
                "description",
                "L'avocat d'Henri Leclerc",
            )
        ],
        id="a-person-named-after-d-apostrophe-is-not-the-speaker",
    ),
    pytest.param(
        "Ana Ciobanu, ancienne procureure, a de son côté assuré qu'elle demanderait "
        "l'ouverture des négociations.",
        [
            (
                "elle demanderait l'ouverture des négociations",
                "Ana Ciobanu",
                "person",
                "Ana Ciobanu",
            )
        ],
        id="not-the-noun-of-a-prepositional-phrase",
    ),
    pytest.param(
        "D'après un communiqué de presse de l'agence Nordpresse, deux navires ont été arraisonnés.",
        [("deux navires ont été arraisonnés", "Nordpresse", "organization", "Nordpresse")],
        id="the-source-of-a-press-release-not-the-press",
    ),
    pytest.param(
        "Le syndicat des contrôleurs réclame 40 millions d'euros de compensation à la région.",
        [
            (
                "40 millions d'euros de compensation",
                "syndicat des contrôleurs",
                "organization",
                "Le syndicat des contrôleurs",
            )
        ],
        id="noun-object-with-a-number-is-content",
    ),
    pytest.param(
        # a passive participle speaks by its agent, not by the noun it qualifies
        "Le ministre a présenté un budget jugé « irréaliste » par les syndicats.",
        [("irréaliste", "les syndicats", "description", "les syndicats")],
        id="passive-participle-speaks-by-its-agent",
    ),
    pytest.param(
        "Selon les informations de l'agence Nordpresse, deux navires ont été arraisonnés.",
        [("deux navires ont été arraisonnés", "Nordpresse", "organization", "Nordpresse")],
        id="the-source-inside-les-informations-de",
    ),
    pytest.param(
        "D'après un communiqué du ministère de l'Agriculture, les stocks suffiront.",
        [
            (
                "les stocks suffiront",
                "ministère de l'Agriculture",
                "organization",
                "ministère de l'Agriculture",
            )
        ],
        id="the-source-inside-un-communique-de",
    ),
    pytest.param(
        "« Vous n'avez rien compris », a rétorqué la députée Hélène Roussel.",
        [("Vous n'avez rien compris", "Hélène Roussel", "person", "Hélène Roussel")],
        id="a-reporting-verb-beyond-the-guideline-list",
    ),
    pytest.param(
        "L'ONU lundi a affirmé que les convois étaient bloqués à la frontière.",
        [("les convois étaient bloqués à la frontière", "ONU", "organization", "ONU")],
        id="a-weekday-after-a-name-is-not-part-of-it",
    ),
    pytest.param(
        "Le quotidien La Gazette du Nord a publié mardi une enquête sur la mairie. "
        "Le quotidien affirme que les comptes ont été maquillés.",
        [
            (
                "les comptes ont été maquillés",
                "Gazette du Nord",
                "organization",
                "Le quotidien",
            )
        ],
        id="a-description-stands-for-the-organisation-it-introduced",
    ),
    pytest.param(
        "Selon un porte-parole des pompiers à l'AFP, le feu est maîtrisé depuis minuit.",
        [
            (
                "le feu est maîtrisé depuis minuit",
                "un porte-parole des pompiers",
                "description",
                "un porte-parole des pompiers à l'AFP",
            )
        ],
        id="a-description-named-without-the-addressee",
    ),
    pytest.param(
        "Le navigateur Paul Sanders est arrivé à Brest mardi. "
        "Le navigateur a déclaré que la course avait été rude.",
        [("la course avait été rude", "Paul Sanders", "person", "Le navigateur")],
        id="a-description-stands-for-the-person-it-introduced",
    ),
    pytest.param(
        "Le groupe Vektor et le groupe Tamar ont signé. "
        "Le groupe a indiqué que le prix restait secret.",
        [("le prix restait secret", "groupe", "organization", "Le groupe")],
        id="a-description-that-two-organisations-share-stands-for-neither",
    ),
    pytest.param(
        "La ministre Claire Dubois et l'adjoint Paul Mercier ont visité le chantier mardi.\n\n"
        "« Nous tiendrons les délais, les ouvriers le savent. »\n\n"
        "— Hugo Lambert, chef de chantier",
        [
            (
                "Nous tiendrons les délais, les ouvriers le savent.",
                "Hugo Lambert",
                "person",
                "Hugo Lambert",
            )
        ],
        id="a-quote-set-apart-signed-on-the-next-line",
    ),
    pytest.param(
        "Le jury a rendu son avis jeudi.\n\n"
        "« Ce travail est d'une grande rigueur et il mérite d'être lu par tous. »\n\n"
        "— Académie des sciences morales",
        [
            (
                "Ce travail est d'une grande rigueur et il mérite d'être lu par tous.",
                "Académie des sciences morales",
                "organization",
                "Académie des sciences morales",
            )
        ],
        id="a-quote-signed-by-an-organisation",
    ),
    pytest.param(
        "La ministre Claire Dubois a assuré : « Nous tiendrons les délais, quoi qu'il "
        "arrive. »\n\n— Hugo Lambert, chef de chantier",
        [
            (
                "Nous tiendrons les délais, quoi qu'il arrive.",
                "Claire Dubois",
                "person",
                "Claire Dubois",
            )
        ],
        id="a-dash-line-after-a-quote-with-a-cue-changes-nothing",
    ),
]

# Verbs of the list's "gated" entries (quotekit.gated): their que-clause is a quote only
# when the verb's own subject is its speaker.
GATED_VERBS = [
    pytest.param(
        "La ministre de la Santé Claire Moreau craint que la grève ne s'étende aux hôpitaux.",
        [("la grève ne s'étende aux hôpitaux", "Claire Moreau", "person", "Claire Moreau")],
        id="gated-verb-with-a-role-and-name-subject",
    ),
    pytest.param(
        "Le maire Paul Girard s'étonne que la préfecture n'ait pas été prévenue.",
        [("la préfecture n'ait pas été prévenue", "Paul Girard", "person", "Paul Girard")],
        id="gated-pronominal-verb",
    ),
    pytest.param(
        "Les analyses de l'institut montrent que la pollution a baissé de 12 % en un an.",
        [
            (
                "la pollution a baissé de 12 % en un an",
                "Les analyses de l'institut",
                "description",
                "Les analyses de l'institut",
            )
        ],
        id="gated-verb-of-evidence-with-a-document-subject",
    ),
    pytest.param(
        "Les chercheurs de l'université de Lyon ont suivi 300 patients et ont découvert que "
        "le traitement réduisait les rechutes.",
        [
            (
                "le traitement réduisait les rechutes",
                "Les chercheurs de l'université de Lyon",
                "description",
                "Les chercheurs de l'université de Lyon",
            )
        ],
        id="gated-verb-coordinated-shares-the-first-verbs-subject",
    ),
    # a limitation, not the guideline: the quote is the two persons', and the gate, which
    # wants one entity as the subject, drops it (a plain reporting verb keeps it)
    pytest.param(
        "Paul Girard et Claire Moreau craignent que le chantier prenne du retard.",
        [],
        id="gated-verb-with-a-coordinated-subject-is-dropped-by-the-gate",
    ),
    # showing by example is no speech: the gerund has no subject of its own for the gate
    pytest.param(
        "La championne Léa Martin est devenue un symbole en montrant aux enfants du quartier "
        "qu'ils peuvent réussir.",
        [],
        id="gated-verb-in-a-gerund-is-dropped-by-the-gate",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    NAMED
    + PRONOUNS_AND_ROLES
    + ORGANISATIONS_AND_DESCRIPTIONS
    + ISSUE4_CONSTRUCTIONS
    + UNSEEN_NEWS
    + GATED_VERBS,
)
def test_speakers(analyzer: quotekit.Analyzer, text: str, expected: list[Row]) -> None:
    analysis = analyzer.analyse(text)
    assert _rows(analysis.quotes) == expected
    ids = {e.id: e for e in analysis.entities}
    for q in analysis.quotes:
        if q.speaker is None:
            continue
        if q.speaker.mention is not None:
            m = q.speaker.mention
            assert text[m.start : m.end] == m.text
        if q.speaker.kind == "description":
            assert q.speaker.entity is None
        else:
            entity = ids[q.speaker.entity]  # an entity of the document
            assert entity.name == q.speaker.name
            assert entity.kind == q.speaker.kind


def test_the_gate_drops_a_gated_quote_below_its_probability(
    analyzer: quotekit.Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The subject test passes here; only the ranker's probability decides."""
    text = "La ministre de la Santé Claire Moreau craint que la grève ne s'étende aux hôpitaux."
    assert [q.text for q in analyzer.analyse(text).quotes] == ["la grève ne s'étende aux hôpitaux"]
    monkeypatch.setattr(quotekit.gated, "MIN_PROBABILITY", 1.01)
    assert not analyzer.analyse(text).quotes


def test_the_gate_wants_the_verbs_own_single_subject(
    analyzer: quotekit.Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no probability asked, the subject test alone still drops a coordinated
    subject and keeps a single one."""
    monkeypatch.setattr(quotekit.gated, "MIN_PROBABILITY", 0.0)
    coordinated = "Paul Girard et Claire Moreau craignent que le chantier prenne du retard."
    assert not analyzer.analyse(coordinated).quotes
    single = "Le maire Paul Girard s'étonne que la préfecture n'ait pas été prévenue."
    assert [q.speaker.name for q in analyzer.analyse(single).quotes if q.speaker] == ["Paul Girard"]


def test_organisation_speakers_are_entities(analyzer: quotekit.Analyzer) -> None:
    text = (
        "« Aucun accord n'est possible », a affirmé le Kremlin. "
        "Le Kremlin a ajouté qu'il restait ouvert au dialogue."
    )
    analysis = analyzer.analyse(text)
    speakers = {q.speaker.entity for q in analysis.quotes if q.speaker is not None}
    assert len(analysis.quotes) == 2
    assert len(speakers) == 1
    (entity_id,) = speakers
    assert analysis.entity(entity_id).kind == "organization"
    assert analysis.entity(entity_id).name == "Kremlin"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "L'Agence nationale des forêts (ANF) a annoncé que les coupes seraient réduites. "
            "L'ANF a précisé que les scieries seraient consultées.",
            id="acronym-in-brackets",
        ),
        pytest.param(
            "L'Agence nationale des forêts a annoncé que les coupes seraient réduites. "
            "Selon l'ANF, les scieries seront consultées.",
            id="acronym-by-initials",
        ),
    ],
)
def test_an_organisation_and_its_acronym_are_one_entity(
    analyzer: quotekit.Analyzer, text: str
) -> None:
    analysis = analyzer.analyse(text)
    speakers = {q.speaker.entity for q in analysis.quotes if q.speaker is not None}
    assert len(analysis.quotes) == 2
    assert len(speakers) == 1
    (entity_id,) = speakers
    entity = analysis.entity(entity_id)
    assert entity.name == "Agence nationale des forêts"
    assert {m.text for m in entity.mentions} >= {"Agence nationale des forêts", "ANF"}
    assert all(q.speaker is not None and q.speaker.name == entity.name for q in analysis.quotes)
    assert [e.id for e in analysis.entities] == [
        f"e{k}" for k in range(1, len(analysis.entities) + 1)
    ]


def test_join_acronyms_keeps_apart_what_two_names_could_abbreviate() -> None:
    from quotekit.entity_links import join_acronyms
    from quotekit.model import Analysis, Entity, Mention, Quote, Span, Speaker

    text = "Le Parti social a répondu. La Police scientifique aussi. Le PS a dit non."

    def org(eid: str, name: str) -> Entity:
        start = text.index(name)
        return Entity(eid, "organization", name, (Mention(start, start + len(name), name),))

    entities = (org("e1", "Parti social"), org("e2", "Police scientifique"), org("e3", "PS"))
    said = Span(text.index("non"), text.index("non") + 3, "non")
    quote = Quote(said.start, said.end, "non", "indirect", Speaker("PS", "organization", "e3"))
    analysis = Analysis(id=None, model="m", entities=entities, quotes=(quote,))
    assert join_acronyms(text, analysis) == analysis  # two full names fit "PS": neither
    one = Analysis(id=None, model="m", entities=(entities[0], entities[2]), quotes=(quote,))
    joined = join_acronyms(text, one)
    assert [e.name for e in joined.entities] == ["Parti social"]
    assert joined.quotes[0].speaker == Speaker("Parti social", "organization", "e1")


def test_an_organisation_named_by_its_noun_joins_the_one_it_stands_for(
    analyzer: quotekit.Analyzer,
) -> None:
    text = "Le groupe Vektor a signé avec la ville. Le groupe a indiqué que le prix restait secret."
    analysis = analyzer.analyse(text)
    assert [e.name for e in analysis.entities] == ["Vektor"]
    (vektor,) = analysis.entities
    assert ("groupe", "role") in {(m.text, m.kind) for m in vektor.mentions}
    (quote,) = analysis.quotes
    assert quote.speaker is not None and quote.speaker.entity == vektor.id


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Le maire Paul Girard a reçu les habitants mardi.\n\n"
            "« Pourquoi partir maintenant ? »\n— Parce que le moment est venu, répond-il.",
            id="a-dialogue-line",
        ),
        pytest.param(
            "Le maire Paul Girard a dressé la liste des demandes.\n\n"
            "« Nous voulons trois choses : »\n— la hausse des salaires ;\n— la baisse des loyers.",
            id="a-list-item",
        ),
    ],
)
def test_a_dash_line_that_says_what_is_no_signature(analyzer: quotekit.Analyzer, text: str) -> None:
    analysis = analyzer.analyse(text)
    dash = text.index("—")
    before = [q for q in analysis.quotes if q.end <= dash]
    assert before  # the quote before the dash line is found...
    for quote in before:  # ...and not signed by that line
        mention = None if quote.speaker is None else quote.speaker.mention
        assert mention is None or mention.start < dash, quote


def test_a_signature_after_windows_line_breaks(analyzer: quotekit.Analyzer) -> None:
    text = (
        "Le jury a rendu son avis jeudi.\r\n\r\n"
        "« Ce travail est d'une grande rigueur et il mérite d'être lu par tous. »\r\n\r\n"
        "— Académie des sciences morales"
    )
    (quote,) = analyzer.analyse(text).quotes
    assert quote.speaker is not None
    assert quote.speaker.name == "Académie des sciences morales"


def test_join_acronyms_moves_via_and_keeps_other_ids_in_order() -> None:
    from quotekit.entity_links import join_acronyms
    from quotekit.model import Analysis, Entity, Mention, Quote, Speaker

    text = "Agence nationale des forêts. Le Figaro. Selon l'ANF, citée par Le Figaro, oui."

    def org(eid: str, name: str, at: int) -> Entity:
        start = text.index(name, at)
        return Entity(eid, "organization", name, (Mention(start, start + len(name), name),))

    full, paper, short = (
        org("e1", "Agence nationale des forêts", 0),
        org("e2", "Figaro", 0),
        org("e3", "ANF", 0),
    )
    said = text.index("oui")
    quote = Quote(
        said,
        said + 3,
        "oui",
        "indirect",
        speaker=Speaker("Figaro", "organization", "e2"),
        via=Speaker("ANF", "organization", "e3"),
    )
    joined = join_acronyms(text, Analysis(None, "m", (full, paper, short), (quote,)))
    assert [(e.id, e.name) for e in joined.entities] == [
        ("e1", "Agence nationale des forêts"),
        ("e2", "Figaro"),
    ]
    assert joined.quotes[0].via == Speaker("Agence nationale des forêts", "organization", "e1")
    assert joined.quotes[0].speaker == Speaker("Figaro", "organization", "e2")


def test_an_acronym_named_before_the_full_name_in_the_body_stays_apart() -> None:
    from quotekit.entity_links import join_acronyms
    from quotekit.model import Analysis, Entity, Mention

    text = "Titre\nLe RN a voté contre. Plus tard, Radio Nova a diffusé le débat."
    rn = text.index("RN")
    nova = text.index("Radio Nova")
    entities = (
        Entity("e1", "organization", "RN", (Mention(rn, rn + 2, "RN"),)),
        Entity("e2", "organization", "Radio Nova", (Mention(nova, nova + 10, "Radio Nova"),)),
    )
    analysis = Analysis(None, "m", entities)
    assert join_acronyms(text, analysis) == analysis


@pytest.fixture(scope="module")
def rules_analyzer() -> quotekit.Analyzer:
    return quotekit.load(attribution="rules")


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "Marc Dal a devancé Paul Roux d'un centième. « C'est une joie », a-t-il confié.",
            ["Marc Dal"],
            id="the-subject-not-the-object-named-since",
        ),
        pytest.param(
            "« Je suis heureux », a déclaré Paul Roux. Ensuite, Marc Dal a franchi la ligne "
            "en septième position. « C'est une déception », a-t-il confié.",
            ["Paul Roux", "Marc Dal"],
            id="a-new-subject-since-the-previous-speaker",
        ),
        pytest.param(
            "« Je suis heureux », a déclaré Paul Roux. Il a remercié Marc Dal pour son aide. "
            "« C'est une joie », a-t-il ajouté.",
            ["Paul Roux", "Paul Roux"],
            id="the-previous-speaker-when-no-new-subject",
        ),
    ],
)
def test_a_pronoun_takes_up_a_subject(
    rules_analyzer: quotekit.Analyzer, text: str, speakers: list[str]
) -> None:
    """``il`` / ``elle`` takes up the subject of a recent clause before an object or a
    complement named since, and the previous speaker unless another person has been
    a subject since."""
    quotes = rules_analyzer.analyse(text).quotes
    assert [None if q.speaker is None else q.speaker.name for q in quotes] == speakers


def test_a_passive_participle_without_agent_is_said_of_its_subject(
    rules_analyzer: quotekit.Analyzer,
) -> None:
    """``Accusé de …, le maire …``: the main clause's subject is the one spoken of, so the
    rules give no speaker rather than guess him by word order. (The trained ranker, which
    weighs every nearby name, is not tested here.)"""
    text = "Accusé de vouloir fermer la maternité, le maire Paul Roux a démissionné lundi."
    quotes = rules_analyzer.analyse(text).quotes
    assert [q.text for q in quotes] == ["vouloir fermer la maternité"]
    assert quotes[0].speaker is None


def test_no_subject_after_a_participle_standing_alone(nlp: Language) -> None:
    """French inverts the subject of a finite verb or a compound tense (``a déclaré le
    ministre``), never of a participle alone: a noun the parser gives ``jugeant`` as a
    subject after it is no source."""
    words = ["Il", "a", "parlé", ",", "jugeant", "que", "Lyon", "gagne", "la", "victoire", "."]
    heads = [2, 2, 2, 4, 2, 7, 7, 4, 9, 4, 2]
    deps = ["nsubj", "aux:tense", "ROOT", "punct", "advcl", "mark", "nsubj", "ccomp", "det"]
    deps += ["nsubj", "punct"]
    pos = ["PRON", "AUX", "VERB", "PUNCT", "VERB", "SCONJ", "PROPN", "VERB", "DET", "NOUN"]
    pos += ["PUNCT"]
    morphs = ["", "VerbForm=Fin", "Tense=Past|VerbForm=Part", "", "Tense=Pres|VerbForm=Part"]
    morphs += ["", "", "VerbForm=Fin", "", "", ""]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)
    assert not _plausible_subject(doc[9], doc[4])
    assert _plausible_subject(doc[0], doc[2])

    words = ["«", "Oui", "»", ",", "a", "déclaré", "le", "ministre", "."]
    heads = [1, 5, 1, 5, 5, 5, 7, 5, 5]
    deps = ["punct", "ccomp", "punct", "punct", "aux:tense", "ROOT", "det", "nsubj", "punct"]
    pos = ["PUNCT", "INTJ", "PUNCT", "PUNCT", "AUX", "VERB", "DET", "NOUN", "PUNCT"]
    morphs = ["", "", "", "", "VerbForm=Fin", "Tense=Past|VerbForm=Part", "", "", ""]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)
    assert _plausible_subject(doc[7], doc[5])  # the inverted subject of a compound tense


def test_a_participle_after_its_own_avoir_is_no_passive(rules_analyzer: quotekit.Analyzer) -> None:
    """``a de son côté assuré que``: the parser may hang the participle on ``côté``; with
    ``a`` before it in the clause it is a compound tense, and its subject speaks."""
    text = "Claire Moreau a de son côté assuré qu'elle demanderait un nouveau vote."
    quotes = rules_analyzer.analyse(text).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["Claire Moreau"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Le biostatisticien Samuel Okafor a présenté les chiffres. Un épidémiologiste a salué "
            "« un résultat solide ». « Il faudra des années », a-t-il estimé.",
            [
                ("un résultat solide", "Un épidémiologiste", "description", "Un épidémiologiste"),
                ("Il faudra des années", "Un épidémiologiste", "description", "il"),
            ],
            id="a-pronoun-takes-up-the-unnamed-speaker-before",
        ),
        pytest.param(
            "Un épidémiologiste a salué « un résultat solide ». Samuel Okafor a présenté les "
            "chiffres. « Il faudra des années », a-t-il estimé.",
            [
                ("un résultat solide", "Un épidémiologiste", "description", "Un épidémiologiste"),
                ("Il faudra des années", "Samuel Okafor", "person", "il"),
            ],
            id="not-when-someone-was-named-since",
        ),
        pytest.param(
            "Un épidémiologiste a salué « le travail de Samuel Okafor ». « Il faudra des "
            "années », a-t-il estimé.",
            [
                (
                    "le travail de Samuel Okafor",
                    "Un épidémiologiste",
                    "description",
                    "Un épidémiologiste",
                ),
                ("Il faudra des années", "Un épidémiologiste", "description", "il"),
            ],
            id="a-name-inside-the-quote-is-no-one-named-since",
        ),
    ],
)
def test_pronoun_after_an_unnamed_speaker(
    rules_analyzer: quotekit.Analyzer, text: str, expected: list[Row]
) -> None:
    """The attribution rules give ``il`` / ``elle`` the description that spoke just
    before (``un épidémiologiste``), unless a person was named since. (The trained
    ranker weighs this against the named persons; the rules are tested alone here.)"""
    assert _rows(rules_analyzer.analyse(text).quotes) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param(
            "Le porte-parole du gouvernement Marc Dufour est arrivé lundi. « Nous ne céderons "
            "pas », a déclaré le porte-parole du gouvernement.",
            "role",
            id="through-the-role",
        ),
        pytest.param(
            "Le porte-parole du gouvernement Marc Dufour est arrivé lundi. « Nous ne céderons "
            "pas », a déclaré Marc Dufour.",
            "name",
            id="by-name",
        ),
    ],
)
def test_the_rules_tell_a_person_reached_through_a_role_phrase(
    nlp: Language, text: str, source: str
) -> None:
    """The ranker is told when the rules reached a person through a role phrase rather than
    a name, since the role stage may have guessed whom the phrase stands for."""
    from quotekit.attribution import attribute
    from quotekit.speakers import RuleEvidence

    doc = nlp(text)
    evidence: list[RuleEvidence] = []
    attribute(doc, doc._.quotekit, evidence=evidence)
    assert [(e.speaker.name if e.speaker else None, e.source) for e in evidence] == [
        ("Marc Dufour", source)
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Le pont sera fermé jusqu'en mai, selon Paul Roux et Claire Moreau.",
            "Paul Roux et Claire Moreau",
            id="selon-two-names",
        ),
        pytest.param(
            "Marc Dal ainsi que Claire Moreau ont annoncé que le musée rouvrirait lundi.",
            "Marc Dal ainsi que Claire Moreau",
            id="ainsi-que-subject",
        ),
    ],
)
def test_persons_joined_as_the_source_speak_together(
    rules_analyzer: quotekit.Analyzer, text: str, speaker: str
) -> None:
    """``selon X et Y``, ``X ainsi que Y ont annoncé``: the quote is theirs together, and
    the speaker is the group as the text names it, not the first name alone."""
    for analyzer in (rules_analyzer, quotekit.load()):
        quotes = analyzer.analyse(text).quotes
        assert [q.speaker.name if q.speaker else None for q in quotes] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Les syndicats ont rencontré la direction lundi. Des dizaines d'employés ont "
            "déjà quitté l'usine, affirment-ils.",
            "Les syndicats",
            id="not-the-subject-inside-the-quote",
        ),
        pytest.param(
            "Paul Roux et Claire Moreau ont visité l'usine lundi. « C'est une réussite », "
            "ont-ils déclaré.",
            "Paul Roux et Claire Moreau",
            id="names-joined-by-et-are-plural",
        ),
    ],
)
def test_a_plural_pronoun_takes_up_a_group_subject_outside_the_quote(
    rules_analyzer: quotekit.Analyzer, text: str, speaker: str
) -> None:
    """``ils`` takes up the plural subject before it, which may be names joined by
    ``et``; a subject inside the quote is what is said, never who says it."""
    quotes = rules_analyzer.analyse(text).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == [speaker]
