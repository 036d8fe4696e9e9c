"""Quote spans and cues (``quotekit.quotes.find_quotes``) on French sentences.

Each row is a sentence and every quote expected in it, in text order, as
``(quote text, kind, cue text or None)``; an empty list means the sentence has no
quote. Spans follow ``annotation-guideline.md``: a direct quote is the text inside
the marks without the spaces next to them; an indirect one runs from after ``que``
(or after ``selon X,``) to the end of the clause, without the final punctuation; a
mixed que-clause is the whole content, fragment included.

All the people, places and events are invented.
"""

from __future__ import annotations

import itertools

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from quotekit.quote_candidates import _content_bounds, _word_end
from quotekit.quotes import find_quotes
from quotekit.verb_contents import _que_clause

Row = tuple[str, str, str | None]


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


DIRECT = [
    pytest.param(
        "« Nous ne céderons pas », a déclaré la ministre de la Santé Claire Moreau.",
        [("Nous ne céderons pas", "direct", "a déclaré")],
        id="incise-a-declare",
    ),
    pytest.param(
        "Le maire Paul Girard a reçu les grévistes. « Le dialogue reste ouvert », a-t-il ajouté.",
        [("Le dialogue reste ouvert", "direct", "a-t-il ajouté")],
        id="incise-a-t-il-ajoute",
    ),
    pytest.param(
        "La ministre Claire Moreau a visité l'usine. « Nous serons vigilants », a-t-elle ajouté.",
        [("Nous serons vigilants", "direct", "a-t-elle ajouté")],
        id="incise-a-t-elle-ajoute",
    ),
    pytest.param(
        "Le maire Paul Girard a reçu la ministre Claire Moreau. "
        "« Les crédits seront débloqués », a-t-elle promis.",
        [("Les crédits seront débloqués", "direct", "a-t-elle promis")],
        id="incise-a-t-elle-promis",
    ),
    pytest.param(
        "« Aucun accord n'est possible en l'état », affirme Dmitri Peskov.",
        [("Aucun accord n'est possible en l'état", "direct", "affirme")],
        id="incise-present-tense",
    ),
    pytest.param(
        "« Le texte sera voté avant l'été », estime la sénatrice Claire Moreau.",
        [("Le texte sera voté avant l'été", "direct", "estime")],
        id="incise-estime",
    ),
    pytest.param(
        "« Je ne démissionnerai pas », a déclaré M. Girard.",
        [("Je ne démissionnerai pas", "direct", "a déclaré")],
        id="incise-civility",
    ),
    pytest.param(
        "« Tout est prêt », a assuré mardi le directeur du tournoi Pierre Fabre.",
        [("Tout est prêt", "direct", "a assuré")],
        id="incise-with-adverb-of-time",
    ),
    pytest.param(
        "« Les négociations avancent lentement », selon Dmitri Peskov.",
        [("Les négociations avancent lentement", "direct", "selon")],
        id="selon-after-direct",
    ),
    pytest.param(
        "Selon la maire Sophie Bernard, « la ville ne peut plus attendre ».",
        [("la ville ne peut plus attendre", "direct", "Selon")],
        id="selon-before-direct",
    ),
    pytest.param(
        "Le porte-parole du syndicat Marc Girard a souligné que Lyon restait ouvert au dialogue.",
        [("Lyon restait ouvert au dialogue", "indirect", "a souligné")],
        id="que-clause-whose-que-hangs-on-a-copula",
    ),
    pytest.param(
        "« On ne lâchera rien », a-t-il martelé.",
        [("On ne lâchera rien", "direct", "a-t-il martelé")],
        id="incise-participle-tagged-as-adjective",
    ),
    pytest.param(
        "Le syndicat a accusé la direction de vouloir fermer l'usine.",
        [("vouloir fermer l'usine", "indirect", "a accusé")],
        id="de-before-an-infinitive-content-stays-out",
    ),
    pytest.param(
        "La fédération appelle les adhérents à boycotter le scrutin de dimanche.",
        [("boycotter le scrutin de dimanche", "indirect", "appelle")],
        id="a-before-an-infinitive-content-stays-out",
    ),
    pytest.param(
        "Selon Marc Rey, procureur de Lyon, toutes les pistes sont ouvertes.",
        [("toutes les pistes sont ouvertes", "indirect", "Selon")],
        id="selon-name-then-role-in-apposition",
    ),
    pytest.param(
        "Deux ouvriers ont été blessés, selon la préfecture, et l'usine reste fermée.",
        [("Deux ouvriers ont été blessés", "indirect", "selon")],
        id="selon-between-commas-before-a-conjunction-closes-the-clause-before",
    ),
    pytest.param(
        "Selon le ministère, douze soldats, blessés lundi, ont été évacués.",
        [("douze soldats, blessés lundi, ont été évacués", "indirect", "Selon")],
        id="selon-then-subject-with-its-own-apposition",
    ),
    pytest.param(
        "Le maire a confirmé que le site restait fermé, reconnaissant cependant que la grève "
        "s'étendait.",
        [
            ("le site restait fermé", "indirect", "a confirmé"),
            ("la grève s'étendait", "indirect", "reconnaissant"),
        ],
        id="que-clause-stops-before-a-participle-that-reports-again",
    ),
    pytest.param(
        "Des voisins de la famille confient ne pas connaître le suspect, mais se refusent à "
        "croire à sa culpabilité.",
        [("ne pas connaître le suspect", "indirect", "confient")],
        id="infinitive-content-stops-before-a-coordinated-finite-verb",
    ),
    pytest.param(
        "Le maire a promis de rouvrir l'école et de reconstruire le gymnase.",
        [("rouvrir l'école et de reconstruire le gymnase", "indirect", "a promis")],
        id="coordinated-infinitives-stay-in-the-content",
    ),
    pytest.param(
        "Le ministre a déclaré : « Nous ne reculerons devant rien. »",
        [("Nous ne reculerons devant rien.", "direct", "a déclaré")],
        id="colon",
    ),
    pytest.param(
        "Le ministre des Finances Bruno Lacaze a déclaré : « Nous ne reculerons devant rien. »",
        [("Nous ne reculerons devant rien.", "direct", "a déclaré")],
        id="colon-role-and-name",
    ),
    pytest.param(
        "“Nous reviendrons”, a promis le capitaine.",
        [("Nous reviendrons", "direct", "a promis")],
        id="curly-quotes",
    ),
    pytest.param(
        '"Nous reviendrons", a promis le capitaine.',
        [("Nous reviendrons", "direct", "a promis")],
        id="straight-quotes",
    ),
    pytest.param(
        "« Nous avons perdu trop de temps », a regretté l'entraîneur Marc Lebrun. "
        "« Il faudra se reprendre dès samedi. »",
        [
            ("Nous avons perdu trop de temps", "direct", "a regretté"),
            ("Il faudra se reprendre dès samedi.", "direct", None),
        ],
        id="cue-less-continuation",
    ),
    pytest.param(
        "Le syndicaliste Karim Benali a pris la parole. « Nous irons, a-t-il dit, jusqu'au bout ».",
        [("Nous irons", "direct", "a-t-il dit"), ("jusqu'au bout", "direct", "a-t-il dit")],
        id="interrupted-by-pronoun-incise",
    ),
    pytest.param(
        "« Nous irons jusqu'au bout, a affirmé le syndicaliste Karim Benali, "
        "quoi qu'il en coûte ».",
        [
            ("Nous irons jusqu'au bout", "direct", "a affirmé"),
            ("quoi qu'il en coûte", "direct", "a affirmé"),
        ],
        id="interrupted-by-noun-incise",
    ),
    pytest.param(
        "« Nous avons tout donné.\n\n« Les supporters méritaient mieux », "
        "a déclaré le capitaine Hugo Petit.",
        [("Nous avons tout donné.\n\n« Les supporters méritaient mieux", "direct", "a déclaré")],
        id="multi-paragraph-incise",
    ),
    pytest.param(
        "Le capitaine Hugo Marchal a déclaré : « Nous avons tout donné.\n\n"
        "« Les supporters méritaient mieux. »",
        [("Nous avons tout donné.\n\n« Les supporters méritaient mieux.", "direct", "a déclaré")],
        id="multi-paragraph-colon",
    ),
    pytest.param(
        "Le capitaine Hugo Petit a déclaré : « Nous avons tout donné. »",
        [("Nous avons tout donné.", "direct", "a déclaré")],
        id="colon-surname-that-is-an-adjective",
        marks=xfail(
            "the surname 'Petit', parsed as an adverb of the verb, is taken into the cue: "
            "'Petit a déclaré'"
        ),
    ),
]

INDIRECT = [
    pytest.param(
        "La présidente de la région, Hélène Vasseur, a souligné que les travaux "
        "commenceraient en mars.",
        [("les travaux commenceraient en mars", "indirect", "a souligné")],
        id="que-clause",
    ),
    pytest.param(
        "Le Kremlin a affirmé qu'aucun accord n'était possible en l'état.",
        [("aucun accord n'était possible en l'état", "indirect", "a affirmé")],
        id="qu-elided",
    ),
    pytest.param(
        "Le ministre a annoncé, dimanche soir, que le couvre-feu serait levé.",
        [("le couvre-feu serait levé", "indirect", "a annoncé")],
        id="que-after-parenthetical",
    ),
    pytest.param(
        # the tokenizer cuts "ouvrier-couvreur" in three, and the parser ended a sentence
        # inside the word: the content stopped at "l'ouvrier"
        "Selon la procureure, l’ouvrier-couvreur aurait fait une chute de six mètres.",
        [("l’ouvrier-couvreur aurait fait une chute de six mètres", "indirect", "Selon")],
        id="no-sentence-break-inside-a-compound",
    ),
    pytest.param(
        "Paul Martin, avocat de la famille, indique en effet que l’artisan-maçon pourrait "
        "avoir agi par « peur ».",
        [("l’artisan-maçon pourrait avoir agi par « peur", "mixed", "indique")],
        id="no-sentence-break-inside-a-compound-mixed",
    ),
    pytest.param(
        # the tokenizer cuts "avions-cargos" in three and the parser may hang the parts
        # on the verb: the content still ends at the end of the word
        "Le porte-parole de la compagnie a confirmé que les appareils étaient des avions-cargos.",
        [("les appareils étaient des avions-cargos", "indirect", "a confirmé")],
        id="que-clause-ends-after-a-hyphenated-word",
    ),
    pytest.param(
        "Le médecin Paul Roche affirme tout de même que la maladie n'a pas disparu.",
        [("la maladie n'a pas disparu", "indirect", "affirme")],
        id="que-after-tout-de-meme",
    ),
    pytest.param(
        "Le médecin Paul Roche travaille de même que son frère.",
        [],
        id="de-meme-que-is-no-content",
    ),
    pytest.param(
        "Le préfet a réagi dans un message qu'il a posté sur Twitter.",
        [],
        id="relative-que-after-a-noun-is-no-content",
    ),
    pytest.param(
        "La société explique dans un communiqué qu'elle remboursera les billets.",
        [("elle remboursera les billets", "indirect", "explique")],
        id="que-after-a-noun-whose-clause-has-its-own-object-is-content",
    ),
    pytest.param(
        "Le maire a expliqué aux habitants qu'il comptait démissionner.",
        [("il comptait démissionner", "indirect", "a expliqué")],
        id="que-after-an-addressee-is-content",
    ),
    pytest.param(
        "Le joueur a avoué dans un entretien qu'il envisageait de quitter le club.",
        [("il envisageait de quitter le club", "indirect", "a avoué")],
        id="que-after-a-noun-whose-clause-has-an-infinitive-is-content",
    ),
    pytest.param(
        "Le porte-parole du Kremlin Dmitri Peskov a annoncé vouloir reprendre les discussions.",
        [("vouloir reprendre les discussions", "indirect", "a annoncé")],
        id="infinitive-object",
    ),
    pytest.param(
        "Le ministre a nié avoir reçu des fonds étrangers.",
        [("avoir reçu des fonds étrangers", "indirect", "a nié")],
        id="compound-infinitive-object",
    ),
    pytest.param(
        "Le dernier bilan de la préfecture fait état de 12 blessés légers.",
        [("12 blessés légers", "indirect", "fait état")],
        id="faire-etat-de-reports-its-de-phrase",
    ),
    pytest.param(
        "La mairie a fait savoir que la piscine resterait fermée.",
        [("la piscine resterait fermée", "indirect", "a fait savoir")],
        id="faire-savoir-que-reports-its-clause",
    ),
    pytest.param(
        "L'entraîneur a fait part de sa déception après le match.",
        [("sa déception après le match", "indirect", "a fait part")],
        id="faire-part-de-reports-its-de-phrase",
    ),
    pytest.param(
        "Le club fait partie des favoris et fait état de ses ambitions depuis mai.",
        [("ses ambitions depuis mai", "indirect", "fait état")],
        id="faire-partie-is-no-cue",
    ),
    pytest.param(
        "Le club réclame 40 millions d'euros à la région.",
        [("40 millions d'euros", "indirect", "réclame")],
        id="noun-object-leaves-out-whom-it-is-said-to",
    ),
    pytest.param(
        "L'ancien ministre a annoncé sa candidature à l'élection présidentielle de 2017.",
        [("sa candidature à l'élection présidentielle de 2017", "indirect", "a annoncé")],
        id="noun-object-keeps-an-a-phrase-that-names-no-addressee",
    ),
    pytest.param(
        "Le club réclame 40 millions d'euros à Paul Girard.",
        [("40 millions d'euros", "indirect", "réclame")],
        id="noun-object-leaves-out-a-named-addressee",
    ),
    pytest.param(
        "Le ministre a annoncé sa démission à la presse lundi.",
        [("sa démission", "indirect", "a annoncé")],
        id="noun-object-leaves-out-the-media-it-is-said-to",
    ),
    pytest.param(
        "Le groupe a annoncé la suppression de 300 postes, surtout en Bretagne et en Normandie.",
        [
            (
                "la suppression de 300 postes, surtout en Bretagne et en Normandie",
                "indirect",
                "a annoncé",
            )
        ],
        id="noun-object-runs-over-the-verbless-rest-of-its-sentence",
    ),
    pytest.param(
        "La gérante a raconté avoir été contrainte de fermer.",
        [("avoir été contrainte de fermer", "indirect", "a raconté")],
        id="compound-infinitive-whose-participle-is-tagged-a-noun",
    ),
    pytest.param(
        "Les autorités recommandent aux voyageurs de reporter leur départ.",
        [("reporter leur départ", "indirect", "recommandent")],
        id="infinitive-hung-on-the-addressee-is-the-content",
    ),
    pytest.param(
        "Le ministère des Affaires étrangères a démenti toute implication dans l'attaque.",
        [("toute implication dans l'attaque", "indirect", "a démenti")],
        id="noun-object",
    ),
    # the speakers no list has: a collective, an agent noun, a phrase holding a name
    pytest.param(
        "Le jury a annoncé la disqualification du relais italien.",
        [("la disqualification du relais italien", "indirect", "a annoncé")],
        id="noun-object-of-a-jury",
    ),
    pytest.param(
        "Les grévistes réclament une hausse des salaires de 5 %.",
        [("une hausse des salaires de 5 %", "indirect", "réclament")],
        id="noun-object-of-an-agent-noun-with-the-vector-of-a-thing",
    ),
    pytest.param(
        "Le palais de l'Élysée a démenti toute rencontre avec les syndicats.",
        [("toute rencontre avec les syndicats", "indirect", "a démenti")],
        id="noun-object-of-a-place-named-for-its-occupant",
    ),
    pytest.param(
        # the verb's phrase right after its object qualifies what is said
        "Le club a annoncé le départ de son entraîneur pour la saison prochaine.",
        [("le départ de son entraîneur pour la saison prochaine", "indirect", "a annoncé")],
        id="noun-object-with-the-verbs-phrase-after-it",
    ),
    pytest.param(
        "La ministre de la Santé se dit prête à rouvrir les négociations avec les internes.",
        [("prête à rouvrir les négociations avec les internes", "indirect", "se dit")],
        id="se-dire-with-an-adjective",
    ),
    pytest.param(
        "Selon le ministère de l'Intérieur, trois personnes ont été interpellées dans la nuit.",
        [("trois personnes ont été interpellées dans la nuit", "indirect", "Selon")],
        id="selon-before",
    ),
    pytest.param(
        "Trois personnes ont été interpellées dans la nuit, selon la préfecture.",
        [("Trois personnes ont été interpellées dans la nuit", "indirect", "selon")],
        id="selon-after",
    ),
    pytest.param(
        # after a name, an apposition with no role noun: the content starts after it
        "Selon Marc Lebrun, l'un des conseillers du maire, la piscine rouvrira en juin.",
        [("la piscine rouvrira en juin", "indirect", "Selon")],
        id="selon-name-then-apposition-without-role-noun",
    ),
    pytest.param(
        "Selon Hélène Vasseur, du conseil régional de Bretagne, les travaux commenceront en mars.",
        [("les travaux commenceront en mars", "indirect", "Selon")],
        id="selon-name-then-prepositional-apposition",
    ),
    pytest.param(
        "D'après le syndicat, la moitié des agents sont en grève depuis lundi.",
        [("la moitié des agents sont en grève depuis lundi", "indirect", "D'après")],
        id="d-apres-before",
    ),
    pytest.param(
        "Cette visite est une provocation, d'après le ministère des Affaires étrangères.",
        [("Cette visite est une provocation", "indirect", "d'après")],
        id="d-apres-after",
    ),
    pytest.param(
        "Pour le ministère des Affaires étrangères, cette visite est une provocation.",
        [("cette visite est une provocation", "indirect", "Pour")],
        id="pour-as-according-to",
    ),
    pytest.param(
        "« C'est une trahison », a lancé Paul Girard, ajoutant que son parti quitterait "
        "la majorité.",
        [
            ("C'est une trahison", "direct", "a lancé"),
            ("son parti quitterait la majorité", "indirect", "ajoutant"),
        ],
        id="direct-then-participle-que",
    ),
    pytest.param(
        "La responsabilité de l'attentat est attribuée au Front de libération du Sud (FLS) "
        "selon l'agence Anadolu.",
        [
            (
                "La responsabilité de l'attentat est attribuée au Front de libération du Sud (FLS)",
                "indirect",
                "selon",
            )
        ],
        id="content-closes-the-bracket-it-opens",
    ),
    pytest.param(
        "Le politologue Paul Girard estime que : le risque de guerre est limité.",
        [("le risque de guerre est limité", "indirect", "estime")],
        id="content-does-not-open-on-a-colon",
    ),
]

MIXED = [
    pytest.param(
        # a fragment inside the sentence's syntax: "selon" vouches for the whole sentence
        "Le retraité a chuté dans l'escalier « sans aucune aide » selon la police municipale.",
        [("Le retraité a chuté dans l'escalier « sans aucune aide", "mixed", "selon")],
        id="selon-after-an-embedded-fragment",
    ),
    pytest.param(
        "Selon le maire, « les travaux sont terminés » depuis lundi.",
        [("les travaux sont terminés » depuis lundi", "mixed", "Selon")],
        id="selon-content-opening-with-a-fragment",
    ),
    pytest.param(
        "Le député Marc Aubert a précisé qu'il « se rendra à la convocation » des juges.",
        [("il « se rendra à la convocation » des juges", "mixed", "a précisé")],
        id="que-clause-with-fragment",
    ),
    pytest.param(
        # the closing guillemet stays out, as the open gold writes it nine times in ten
        "La ministre a assuré que le gouvernement « ne lâchera rien ».",
        [("le gouvernement « ne lâchera rien", "mixed", "a assuré")],
        id="que-clause-ending-with-fragment",
    ),
    pytest.param(
        "Le chef de l'opposition Ivan Sokolov a dénoncé un « assassinat politique ».",
        [("assassinat politique", "mixed", "a dénoncé")],
        id="fragment-object",
    ),
    pytest.param(
        "Le maire Paul Girard a jugé la proposition « totalement irréaliste ».",
        [("totalement irréaliste", "mixed", "a jugé")],
        id="fragment-attribute-of-object",
    ),
    pytest.param(
        "Le syndicat réclame « un vrai plan de recrutement » et une hausse des salaires.",
        [("un vrai plan de recrutement", "mixed", "réclame")],
        id="fragment-object-present-tense",
    ),
]

NOT_QUOTES = [
    pytest.param(
        "Le président a présenté son « plan de victoire » aux alliés.", [], id="term-plan"
    ),
    pytest.param(
        "L'armée a mis fin à l'opération « Barkhane » l'an dernier.", [], id="operation-name"
    ),
    pytest.param(
        "Les « gilets jaunes » ont de nouveau manifesté samedi à Lyon.", [], id="movement-name"
    ),
    pytest.param("Le joueur, surnommé « le Taureau », a été opéré mardi.", [], id="nickname"),
    pytest.param(
        # a capitalised text right after a common noun names it, even before a verb
        # that looks like an incise or governs the noun
        "Le maire, qui fait campagne sous le slogan « Une ville pour tous », a accusé son "
        "rival de mentir.",
        [],
        id="slogan-before-a-reporting-verb",
    ),
    pytest.param(
        "Les syndicats ont lancé l'opération « Ville morte » lundi.",
        [],
        id="operation-name-after-a-reporting-verb",
    ),
    pytest.param(
        "Le ministre n'a pas dit que la réforme serait abandonnée.", [], id="negated-ne-pas"
    ),
    pytest.param(
        "Le gouvernement n'a jamais affirmé que la réforme serait retirée.",
        [],
        id="negated-ne-jamais",
    ),
    pytest.param(
        "Le ministre pourrait annoncer que la réforme sera abandonnée.", [], id="modal-pouvoir"
    ),
    pytest.param(
        "Le ministre devrait annoncer que la réforme sera abandonnée.", [], id="modal-devoir"
    ),
    pytest.param(
        # speech still to come: the guideline's "future speech that did not happen"
        "La présidente du club annoncera sa décision lundi.",
        [],
        id="future-tense",
    ),
    pytest.param(
        "Rappelons que le club n'a plus gagné depuis trois mois.",
        [],
        id="journalist-imperative",
    ),
    pytest.param(
        "À noter que le club n'a plus gagné depuis trois mois.",
        [],
        id="journalist-aside-a-noter",
    ),
    pytest.param(
        "Il faut dire que le club n'a plus gagné depuis trois mois.",
        [],
        id="journalist-aside-il-faut-dire",
    ),
    pytest.param(
        "Tout laisse à penser que la digue a cédé dans la nuit.",
        [],
        id="journalist-aside-tout-laisse-a-penser",
    ),
    pytest.param(
        "Le service est payant, c'est-à-dire que chaque usager paie un abonnement.",
        [],
        id="journalist-gloss-c-est-a-dire",
    ),
    pytest.param(
        "La préfète Anne Rolland a indiqué la sortie aux journalistes.", [], id="non-speech"
    ),
    pytest.param(
        "Le président a répondu aux questions des élus pendant deux heures.",
        [],
        id="reporting-verb-without-content",
    ),
    pytest.param(
        "Pour l'instant, les enquêteurs ne peuvent pas confirmer la piste criminelle.",
        [],
        id="pour-a-noun-of-time",
    ),
    pytest.param(
        "Pour cette compétition, la fédération a sélectionné douze athlètes.",
        [],
        id="pour-a-noun-of-a-thing",
    ),
]

MORE = [
    pytest.param(
        "Le maire Paul Girard a réagi :\n\n« Cette décision est une erreur. »",
        [("Cette décision est une erreur.", "direct", "a réagi")],
        id="colon-ending-previous-paragraph",
    ),
    pytest.param(
        "Pour Paul Girard, le maire de la ville, « le dialogue reste ouvert ».",
        [("le dialogue reste ouvert", "direct", "Pour")],
        id="pour-name-role-then-quote",
    ),
    pytest.param(
        "La mairie a expliqué avoir été « contrainte de fermer » deux écoles.",
        [("avoir été « contrainte de fermer » deux écoles", "mixed", "a expliqué")],
        id="compound-passive-infinitive-with-fragment",
    ),
    pytest.param(
        "Le maire Paul Girard a réagi : « Nous attendons des excuses » poursuivant par un appel "
        "au calme.",
        [("Nous attendons des excuses", "direct", "a réagi")],
        id="colon-wins-over-participle-after",
    ),
    pytest.param(
        # the parse breaks the clause off after its subject ("que" read as a determiner):
        # a que-clause with no finite verb runs to the sentence end
        "Le patron avait concédé plus tard que Blink était « un pari » monté en quelques jours.",
        [("Blink était « un pari » monté en quelques jours", "mixed", "avait concédé")],
        id="que-clause-the-parse-breaks-off",
    ),
    pytest.param(
        # the first of two coordinated clauses is a direct quote of its own
        "Le ministre a précisé que « je ne suis candidat à rien » et qu'il restait "
        "fidèle au gouvernement.",
        [
            ("je ne suis candidat à rien", "mixed", "a précisé"),
            ("il restait fidèle au gouvernement", "indirect", "a précisé"),
        ],
        id="coordinated-que-clauses-after-a-direct-quote",
    ),
    pytest.param(
        # coordinated que-clauses of one verb are one reported content, as the open gold
        # annotates them eight times in ten
        "La police a affirmé qu'il ne s'agissait pas d'un accident et que les enquêteurs "
        "« travaillaient encore sur place ».",
        [
            (
                "il ne s'agissait pas d'un accident et que les enquêteurs "
                "« travaillaient encore sur place",
                "mixed",
                "a affirmé",
            ),
        ],
        id="coordinated-que-clauses",
    ),
    pytest.param(
        "« La douleur est apparue au deuxième set, a expliqué M. Lebrun. Nous avons préféré "
        "arrêter. »",
        [
            ("La douleur est apparue au deuxième set", "direct", "a expliqué"),
            ("Nous avons préféré arrêter.", "direct", "a expliqué"),
        ],
        id="incise-closed-by-full-stop",
    ),
    pytest.param(
        "La sonde a basculé selon un « mode sans échec » dans la nuit.",
        [],
        id="selon-a-term-in-guillemets",
    ),
    pytest.param(
        "Le festival s'ouvre samedi.\n\n« Les Nuits blanches », le film d'ouverture, sera projeté "
        "en plein air.",
        [],
        id="title-at-paragraph-start-without-verb",
    ),
    pytest.param(
        "« Nous avons perdu », a reconnu l'entraîneur Marc Lebrun. « Il faudra se reprendre. »",
        [
            ("Nous avons perdu", "direct", "a reconnu"),
            ("Il faudra se reprendre.", "direct", None),
        ],
        id="cue-less-sentence-with-verb-still-a-quote",
    ),
    pytest.param(
        "La courbe a chuté en mars, ce qui indique que l'épidémie recule.",
        [],
        id="thing-as-subject-not-a-source",
    ),
    # a thing as subject reports no one's words: the learned animacy decision
    pytest.param(
        "La seconde période a confirmé la domination des visiteurs.",
        [],
        id="period-as-subject-of-noun-object",
    ),
    pytest.param(
        "Les examens confirment une fracture du tibia.", [], id="tests-as-subject-of-noun-object"
    ),
    pytest.param(
        "Transporté à l'hôpital, le coureur souffre du genou : les radiographies confirment une "
        "fracture du tibia.",
        [],
        id="thing-subject-the-parse-hangs-elsewhere",
    ),
    pytest.param(
        "La finale promettait un duel serré entre les deux équipes.",
        [],
        id="event-as-subject-of-noun-object",
    ),
    pytest.param(
        "Cette observation annonce l'existence d'une nouvelle comète.",
        [],
        id="observation-as-subject-of-noun-object",
    ),
    pytest.param(
        "Notons que la saison reprendra en mars.", [], id="journalist-first-plural-untagged"
    ),
    pytest.param(
        "La Corée du Sud parle d'un « montage » grossier.",
        [("montage", "mixed", "parle")],
        id="fragment-under-parler-de",
    ),
    # verbs of opinion and wish report a que-clause, not an intention
    pytest.param(
        "La nageuse Léa Fontaine souhaite reprendre l'entraînement en septembre.",
        [],
        id="wish-with-infinitive-is-intent",
    ),
    pytest.param(
        "L'entraîneur Marc Delorme espère une médaille à Tokyo.",
        [],
        id="hope-with-noun-object-is-intent",
    ),
    pytest.param(
        "Le sprinteur Hugo Lenoir pensait avoir battu le record.",
        [],
        id="belief-with-infinitive-is-no-quote",
    ),
    pytest.param(
        "L'entraîneur Marc Delorme espère que l'équipe retrouvera la finale.",
        [("l'équipe retrouvera la finale", "indirect", "espère")],
        id="hope-with-que-clause-is-a-quote",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIRECT + INDIRECT + MIXED + NOT_QUOTES + MORE)
def test_find_quotes(nlp: Language, text: str, expected: list[Row]) -> None:
    quotes = find_quotes(nlp(text))
    got = [(q.text, q.kind, None if q.cue is None else q.cue.text) for q in quotes]
    assert got == expected
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text


def test_a_source_opening_the_text_has_no_content_before_it(nlp: Language) -> None:
    # the parser ends the sentence inside the source (at the colon of the gloss): the
    # content before the source must not wrap round to the end of the text
    text = "D'après le quotidien local ( NDLR : Le Progrès ), le maire a démissionné hier soir."
    assert all(not q.text.startswith("D'après") for q in find_quotes(nlp(text)))


def test_quotes_are_in_text_order_and_do_not_overlap(nlp: Language) -> None:
    text = (
        "« Nous irons, a-t-il dit, jusqu'au bout », a répété le syndicaliste Karim Benali. "
        "Selon lui, la direction « refuse tout dialogue ». La préfète a estimé que la "
        "situation restait calme."
    )
    quotes = find_quotes(nlp(text))
    assert len(quotes) >= 3
    assert all(a.end <= b.start for a, b in itertools.pairwise(quotes))


@pytest.mark.parametrize(
    ("words", "selon"),
    [
        (["Selon", "elle"], [True, False]),
        (["d'après", "lui"], [True, False]),
        (["d'", "après", "lui"], [True, False, False]),
        (["d’", "Amiens"], [False, False]),
        (["loin", "d'"], [False, False]),
    ],
)
def test_is_selon_reads_d_apres_in_one_or_two_tokens_and_stops_at_the_doc_end(
    words: list[str], selon: list[bool]
) -> None:
    from quotekit.cues import is_selon

    doc = Doc(spacy.blank("fr").vocab, words=words)
    assert [is_selon(t) for t in doc] == selon


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("des attentats-suicides.", 13, "des attentats-suicides"),
        ("ni qu'Al-Qaida utiliserait", 9, "ni qu'Al-Qaida"),
        ("la fin du mot.", 13, "la fin du mot"),
    ],
)
def test_a_content_never_ends_inside_a_hyphenated_word(text: str, end: int, expected: str) -> None:
    assert text[: _word_end(text, end)] == expected


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        (": le risque est limité selon X", 22, "le risque est limité"),
        ("sa volonté de renforcer sa capacité : « les", 39, "sa volonté de renforcer sa capacité"),
        ("du Kurdistan (PKK) selon", 17, "du Kurdistan (PKK)"),
        ("à Lima ( Pérou ) où", 14, "à Lima ( Pérou )"),
        ("la réunion (prévue lundi", 24, "la réunion (prévue lundi"),
    ],
)
def test_a_content_neither_opens_nor_closes_on_the_marks_around_it(
    text: str, end: int, expected: str
) -> None:
    """A content leaves out the colon that introduced it and a mark or bracket that opens
    what follows, and takes in the bracket that closes one it opened."""
    start, end = _content_bounds(text, 0, end, [])
    assert text[start:end] == expected


def test_a_que_clause_runs_over_the_words_the_parse_hung_elsewhere() -> None:
    """``que les écoles resteront fermées, sauf exceptions``: when the parser hangs the
    clause's last words on the reporting verb, the clause still runs to the end of the
    sentence, since no verb of another clause comes before it."""
    words = ["Il", "a", "dit", "que", "les", "écoles", "resteront", "fermées", ",", "sauf"]
    words += ["exceptions", "."]
    heads = [2, 2, 2, 6, 5, 6, 2, 2, 2, 10, 2, 2]
    deps = ["nsubj", "aux:tense", "ROOT", "mark", "det", "nsubj", "ccomp", "xcomp", "punct"]
    deps += ["case", "obl:mod", "punct"]
    pos = ["PRON", "AUX", "VERB", "SCONJ", "DET", "NOUN", "VERB", "ADJ", "PUNCT", "ADP", "NOUN"]
    pos += ["PUNCT"]
    morphs = ["", "VerbForm=Fin", "Tense=Past|VerbForm=Part", "", "", "", "VerbForm=Fin"]
    morphs += ["", "", "", "", ""]
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)
    start, end = _que_clause(doc[2])
    assert doc[start:end].text == "les écoles resteront fermées , sauf exceptions"

    # a verb of its own after the parse's clause ends it there
    words = ["Il", "a", "dit", "que", "les", "écoles", "resteront", "fermées", "et", "appelé"]
    words += ["au", "calme", "."]
    heads = [2, 2, 2, 6, 5, 6, 2, 2, 9, 2, 11, 9, 2]
    deps = ["nsubj", "aux:tense", "ROOT", "mark", "det", "nsubj", "ccomp", "xcomp", "cc", "conj"]
    deps += ["case", "obl:arg", "punct"]
    pos = ["PRON", "AUX", "VERB", "SCONJ", "DET", "NOUN", "VERB", "ADJ", "CCONJ", "VERB", "ADP"]
    pos += ["NOUN", "PUNCT"]
    morphs = ["", "VerbForm=Fin", "Tense=Past|VerbForm=Part", "", "", "", "VerbForm=Fin", ""]
    morphs += ["", "Tense=Past|VerbForm=Part", "", "", ""]
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)
    start, end = _que_clause(doc[2])
    assert doc[start:end].text == "les écoles resteront"

    # an infinitive opened by "pour" is a purpose of the content, not a clause of its own
    words = ["Il", "a", "dit", "que", "le", "site", "fermera", ",", "pour", "réduire", "les"]
    words += ["coûts", "."]
    heads = [2, 2, 2, 6, 5, 6, 2, 9, 9, 2, 11, 9, 2]
    deps = ["nsubj", "aux:tense", "ROOT", "mark", "det", "nsubj", "ccomp", "punct", "mark"]
    deps += ["advcl", "det", "obj", "punct"]
    pos = ["PRON", "AUX", "VERB", "SCONJ", "DET", "NOUN", "VERB", "PUNCT", "ADP", "VERB", "DET"]
    pos += ["NOUN", "PUNCT"]
    morphs = ["", "VerbForm=Fin", "Tense=Past|VerbForm=Part", "", "", "", "VerbForm=Fin", ""]
    morphs += ["", "VerbForm=Inf", "", "", ""]
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)
    start, end = _que_clause(doc[2])
    assert doc[start:end].text == "le site fermera , pour réduire les coûts"
