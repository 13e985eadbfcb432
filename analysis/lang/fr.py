"""French language data: lexicon, news-tone layer, engine words, sentence and keyword rules. Data only."""

from __future__ import annotations

from pathlib import Path

CODE = "fr"

# -- sentiment --------------------------------------------------------------------
# Base lexicon: the French translation of VADER's lexicon shipped by
# vaderSentiment-fr (MIT, see data/LICENSE-vaderSentiment-fr.txt). Only its data
# is used: that package's fuzzy matching (fuzzywuzzy, GPL) scans the whole
# lexicon for every unknown word; exact lookup plus the suffix rules below
# does the same job.
BASE_LEXICON_FILE = Path(__file__).parent / "data" / "vader_fr_lexicon.txt"

CONFLICT = {
    # action en justice
    "procès": -0.6, "plainte": -1.0, "plaintes": -1.4, "poursuites": -1.2,
    "litige": -1.2, "contentieux": -1.2, "attaquer": -1.6, "attaque": -1.6,
    "attaqué": -1.6, "attaquent": -1.6, "attaques": -1.6,
    "accuser": -1.8, "accuse": -1.8, "accusé": -1.8, "accusant": -1.8, "accusent": -1.8,
    "accusation": -1.8, "accusations": -1.8, "reproche": -1.4, "reprocher": -1.4,
    "reproché": -1.4, "reproches": -1.4, "dénoncer": -1.8, "dénonce": -1.8,
    "dénoncé": -1.8, "dénonçant": -1.8, "violation": -1.8, "violé": -1.8,
    "enfreint": -1.6, "illégal": -1.8, "illégalement": -1.8, "illicite": -1.8,
    "abus": -1.8, "abusif": -1.8, "diffamation": -2.0, "calomnie": -2.2,
    "condamner": -1.6, "condamné": -1.6, "condamnation": -1.6,
    # tromperie et trahison
    "fraude": -2.6, "frauduleux": -2.6, "escroc": -2.8, "escroquerie": -2.6,
    "arnaque": -2.6, "arnaqueur": -2.6, "menteur": -2.6, "mensonge": -2.2,
    "mensonges": -2.2, "mentir": -2.2, "trahir": -2.6, "trahi": -2.6, "trahit": -2.6,
    "trahison": -2.6, "tromper": -2.2, "trompé": -2.2, "trompeur": -2.2,
    "tromperie": -2.2, "manipulation": -1.8, "manipuler": -1.8, "hypocrite": -2.2,
    "hypocrisie": -2.2, "opportuniste": -1.6, "égoïste": -1.6, "manœuvre": -1.2,
    # conflit et moquerie
    "querelle": -1.6, "conflit": -1.4, "conflits": -1.4, "rivalité": -1.0,
    "guerre": -1.8, "bataille": -1.4, "combat": -1.2, "affrontement": -1.6,
    "affronter": -1.2, "affrontent": -1.2, "clash": -1.6, "pique": -1.6,
    "piques": -1.6, "tacle": -1.6, "taclé": -1.6, "tacler": -1.6, "moquer": -1.8,
    "moque": -1.8, "moqué": -1.8, "moquerie": -1.8, "railler": -1.8, "raille": -1.8,
    "ironie": -1.0, "ironique": -1.0, "ironiquement": -1.0, "sarcastique": -1.6,
    "sarcasme": -1.6, "insulte": -2.0, "insulter": -2.0, "injure": -2.0,
    # an offer rejected is a plain report: weak, like "rejected" in English
    "rejeter": -0.6, "rejette": -0.6, "rejeté": -0.6, "rejet": -0.6, "rejettent": -0.6,
    "refuser": -0.6, "refuse": -0.6, "refusé": -0.6, "refus": -0.6,
    "décliner": -0.8, "décline": -0.8, "décliné": -0.8,
    "critiquer": -1.4, "critique": -1.4, "critiqué": -1.4, "fustiger": -1.8,
    "fustige": -1.8, "fustigé": -1.8, "étriller": -1.8, "étrille": -1.8,
    "tension": -1.2, "tensions": -1.2, "hostile": -1.8, "hostilité": -1.8,
    "acerbe": -1.6, "mordant": -1.4, "amer": -1.6, "amère": -1.6,
    "menace": -1.8, "menacer": -1.8, "menacé": -1.8, "bloquer": -1.0, "bloqué": -1.0,
    "empêcher": -0.8, "saboter": -2.2, "sabotage": -2.2, "jaloux": -1.6,
    "jalousie": -1.6, "polémique": -1.2, "controverse": -1.2, "scandale": -2.0,
    "dénigrer": -1.8, "humilier": -1.8, "humiliation": -1.8, "vindicatif": -2.0,
    # répliques, piques et mots pour les dire
    "rétorquer": -1.2, "rétorque": -1.2, "rétorqué": -1.2, "répliquer": -1.0,
    "réplique": -1.0, "répliqué": -1.0, "riposter": -1.2, "riposte": -1.2,
    "riposté": -1.2, "ultimatum": -1.4, "acharné": -1.0, "échouer": -1.2,
    "échoué": -1.2, "échec": -1.4, "faux": -1.2, "mensonger": -2.0, "tactique": -0.8,
    "rival": -0.4,
}
PHRASES = {
    "bras de fer": -1.4, "pas mâché ses mots": -1.2, "mâche pas ses mots": -1.2,
    "revers de la main": -1.0, "mauvaise foi": -2.0, "coup bas": -1.8,
    "règlement de comptes": -1.8, "passe d'armes": -1.6,
}
PROCEDURAL = frozenset({
    "juge", "juges", "jury", "jurés", "tribunal", "cour", "procès", "verdict",
    "audience", "décision", "jugement", "requête", "plaignant", "prescription",
    "appel", "débouté",
})
NEUTRAL_IN_NEWS = (
    "intelligence", "lucratif", "lucrative", "bénéfice", "bénéfices", "humanité",
    "mission", "valorisation", "valorisé", "valeur", "lancé", "lancer", "créé", "créer",
    "fondé", "fondateur", "cofondateur", "puissant", "original", "verdict", "légal",
    "juridique", "accepté", "intérêt", "intérêts", "part", "parts", "action", "actions",
    "libre", "confiance", "sécurité", "sûr", "croissance", "innovation", "promesse",
    "promesses", "crédit", "vouloir", "veut", "souhaite", "clair", "clairement",
    "soutien", "soutenir", "soutenu", "investir", "investissement", "investisseur",
    "investisseurs", "partenaire", "partenariat", "accord", "fonds", "riche", "fortune",
    "justice", "ouvert", "open", "cher", "offre", "proposition", "bien", "grand",
    "grande", "premier", "première", "nouveau", "nouvelle",
)
SENTIMENT_LEXICON = {**CONFLICT, **dict.fromkeys(NEUTRAL_IN_NEWS, 0.0)}

# French function words as the VADER engine knows them: negations, "but",
# intensifiers and dampeners. "ne" and "n'" carry no meaning of their own: the
# second part of the negation does.
ENGINE_WORDS = {
    "pas": "not", "jamais": "never", "rien": "nothing", "aucun": "none",
    "aucune": "none", "sans": "without", "ni": "nor", "nullement": "not",
    "aucunement": "not", "guère": "barely", "mais": "but", "cependant": "but",
    "pourtant": "but", "très": "very", "vraiment": "really", "extrêmement": "extremely",
    "totalement": "totally", "complètement": "completely", "absolument": "absolutely",
    "particulièrement": "particularly", "tellement": "so", "trop": "very",
    "profondément": "deeply", "peu": "slightly", "légèrement": "slightly",
    "presque": "almost", "assez": "somewhat", "plutôt": "somewhat",
}
DROPPED_WORDS = frozenset({"ne", "n"})
ELISIONS = ("jusqu", "lorsqu", "puisqu", "quoiqu", "qu", "l", "d", "j", "n", "s", "c", "m", "t")

MIN_STEM = 4  # shorter stems match unrelated words ("plus" is not "plu")
# Inflected form -> lexicon form, tried in order when a word is not in the
# lexicon: plurals, feminines, participles, third person plural, gerunds.
SUFFIX_RULES = (
    ("ées", "er"), ("ée", "er"), ("és", "er"), ("é", "er"), ("ées", "é"), ("ée", "é"),
    ("és", "é"), ("aient", "er"), ("ait", "er"), ("ant", "er"), ("ent", "e"),
    ("euses", "eur"), ("euse", "eur"), ("ives", "if"), ("ive", "if"), ("aux", "al"),
    ("es", ""), ("s", ""), ("x", ""), ("e", ""),
)

# -- sentences --------------------------------------------------------------------
ABBREVIATIONS = frozenset({
    "m", "mm", "mme", "mmes", "mlle", "dr", "me", "st", "ste", "etc", "cf", "av",
    "janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc", "p", "vol",
})

# -- quotes ---------------------------------------------------------------------
REPORTING_VERBS = frozenset("""
dit dire disait dis déclare déclaré déclarée déclarait déclarant affirme affirmé affirmée affirmait
affirmant affirment ajoute ajouté ajoutant ajoutait répond répondu répondant répondait réplique
répliqué répliquant rétorque rétorqué rétorquant riposte riposté ripostant écrit écrivant écrivait
lance lancé lançant explique expliqué expliquant expliquait estime estimé estimant estimait souligne
souligné soulignant soulignent assure assuré assurant indique indiqué indiquant précise précisé
précisant poursuit poursuivi clame clamé clamant dénonce dénoncé dénonçant accuse accusé accusant
accusent qualifie qualifié qualifiée qualifiant qualifiait traite traité traitant traitait confie
confié martèle martelé tweeté tweete publié publie raille raillé ironise ironisé insiste insisté
prévient averti avertit juge jugé jugeant reconnaît reconnu admet admis promet promis demande
demandé demandant souhaite souhaité souhaitant évalue évaluant évalué propose proposé proposant
exprime exprimé exprimée annonce annoncé confirme confirmé nie nié commente commenté fustige fustigé
décrit décrivant évoque évoqué évoquant allègue allégué alléguant argue argué soutient soutenu
regrette regretté conclut conclu lâche lâché tonne tonné avance avancé répète répété interroge
""".split())
REPORTING_PHRASES = ("a fait savoir", "fait valoir", "a fait valoir")
ACCORDING_TO = ("selon", "d'après", "d’après")  # "selon lesquelles" is not a source: see below
NOT_A_SOURCE = ("selon lequel", "selon laquelle", "selon lesquels", "selon lesquelles")
SUBJECT_PRONOUNS = {"il": "m", "elle": "f"}
DOCUMENT_NOUNS = ("la plainte", "l'assignation", "l’assignation", "le document", "la requête",
                  "le communiqué", "la lettre", "la demande reconventionnelle")
COMPANY_NOUNS = ("l'entreprise", "l’entreprise", "la société", "la start-up", "le groupe",
                 "la firme", "l'organisation", "l’organisation")
SUE_WORDS = frozenset({"poursuit", "poursuivi", "poursuivent", "assigné", "attaque", "attaqué",
                       "attaquent"})
AFTER_FILLERS = frozenset({"a", "avait", "aurait", "ont", "rapidement", "aussitôt", "immédiatement",
                           "alors", "ensuite", "encore", "simplement", "sèchement", "mercredi", "mardi",
                           "lundi", "jeudi", "vendredi", "samedi", "dimanche"})
# Incises inside or after a quote: « …, a-t-il ajouté, … », « … », dit-elle.
PARTICIPLE_ENDINGS = ("ant",)  # « …, affirmant que… »: the main clause's subject speaks
INCISE = r"(?:a|avait|aurait)-t-(?P<p1>il|elle)\s+\w+|\w+-t-(?P<p2>il|elle)|\w+-(?P<p3>il|elle)\b"

# -- actors ---------------------------------------------------------------------
# "le milliardaire" is also written "au milliardaire", "du milliardaire".
ARTICLE_CONTRACTIONS = {"le ": ("au ", "du "), "les ": ("aux ", "des ")}

# -- language -------------------------------------------------------------------
MARKERS = frozenset({
    "le", "les", "des", "est", "une", "pour", "qui", "dans", "du", "au", "aux", "sur",
    "avec", "ce", "cette", "il", "elle", "ils", "pas", "ne", "sont", "été", "ont", "par",
    "mais", "ou", "son", "sa", "ses", "leur", "nous", "vous", "être", "avait", "fait",
    "aussi", "selon", "d'un", "d'une", "l'", "qu'il", "n'est", "c'est",
})

# -- keywords ---------------------------------------------------------------------
ACRONYMS = frozenset({"IA", "PDG", "UE", "X", "CEO", "USA"})
