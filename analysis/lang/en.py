"""English language data: news-tone lexicon layer, sentence rules, keyword rules. Data only."""

from __future__ import annotations

CODE = "en"

# -- sentiment --------------------------------------------------------------------
# The news-tone layer over VADER's lexicon (valence on VADER's -4..+4 scale).
# News tone lives in conflict and legal vocabulary that a social-media lexicon
# under-weights or lacks.
CONFLICT = {
    # legal action
    "sue": -1.6, "sues": -1.6, "sued": -1.6, "suing": -1.6,
    "lawsuit": -1.6, "lawsuits": -1.6, "countersue": -1.6, "countersued": -1.6,
    "countersuit": -1.6, "counterclaim": -1.4, "counterclaims": -1.4,
    "complaint": -1.2, "complaints": -1.2, "litigation": -1.2, "injunction": -0.8,
    "accuse": -1.8, "accuses": -1.8, "accused": -1.8, "accusing": -1.8,
    "accusation": -1.8, "accusations": -1.8,
    # alleging is what filings do: procedural unless the words say more
    "allege": -0.8, "alleges": -0.8, "alleged": -0.8, "alleging": -0.8,
    "allegation": -0.8, "allegations": -0.8, "claims": -0.3,
    "breach": -1.6, "breached": -1.6, "breaches": -1.6, "violate": -1.8,
    "violates": -1.8, "violation": -1.8, "violations": -1.8,
    "illegal": -1.8, "illegally": -1.8, "unlawful": -1.8, "unlawfully": -1.8,
    "wrongdoing": -2.0, "collusion": -2.0, "collude": -2.0, "colluded": -2.0,
    "antitrust": -0.8, "anticompetitive": -1.8, "monopoly": -1.0,
    "baseless": -1.8, "meritless": -1.8, "frivolous": -1.6, "sham": -2.2,
    # deceit and betrayal
    "fraud": -2.6, "fraudulent": -2.6, "swindler": -2.8, "swindle": -2.6,
    "swindled": -2.6, "scam": -2.6, "scammer": -2.6, "con": -1.0, "liar": -2.6,
    "lied": -2.2, "lying": -2.2, "lies": -1.8, "betray": -2.6, "betrays": -2.6,
    "betrayed": -2.6, "betraying": -2.6, "betrayal": -2.6, "deceive": -2.2,
    "deceived": -2.2, "deception": -2.2, "deceptive": -2.2, "mislead": -2.0,
    "misled": -2.0, "misleading": -2.0, "manipulate": -1.8, "manipulated": -1.8,
    "manipulation": -1.8, "hypocrite": -2.2, "hypocrisy": -2.2, "hypocritical": -2.2,
    "ploy": -1.4, "stunt": -1.2, "grift": -2.2, "grifter": -2.4,
    # conflict and mockery
    "feud": -1.8, "feuding": -1.8, "feuds": -1.8, "rivalry": -1.0, "spat": -1.4,
    "clash": -1.6, "clashed": -1.6, "clashes": -1.6, "quarrel": -1.6,
    "jab": -1.6, "jabs": -1.6, "jabbed": -1.6, "barb": -1.6, "barbs": -1.6,
    "taunt": -1.8, "taunted": -1.8, "taunts": -1.8, "taunting": -1.8,
    "mock": -1.8, "mocked": -1.8, "mocking": -1.8, "mocks": -1.8, "mockery": -1.8,
    "ridicule": -1.8, "ridiculed": -1.8, "sneered": -1.8, "derided": -1.8,
    "insult": -2.0, "insulted": -2.0, "insults": -2.0, "insulting": -2.0,
    "slam": -1.6, "slammed": -1.6, "slams": -1.6, "lashed": -1.6, "blasted": -1.4,
    "attack": -1.6, "attacked": -1.6, "attacks": -1.6, "attacking": -1.6,
    "fight": -1.4, "fights": -1.4, "fighting": -1.4, "fought": -1.4,
    "battle": -1.4, "battles": -1.4, "battling": -1.4, "war": -1.8,
    "dispute": -1.4, "disputes": -1.4, "disputed": -1.4, "hostile": -1.8,
    "acrimonious": -2.2, "bitter": -1.8, "bitterly": -1.8, "rift": -1.6,
    "reject": -0.6, "rejects": -0.6, "rejected": -0.6, "rejecting": -0.6, "rejection": -0.6,
    "rebuff": -1.6, "rebuffed": -1.6, "spurn": -1.6, "spurned": -1.6,
    "snub": -1.6, "snubbed": -1.6, "denounce": -1.8, "denounced": -1.8,
    "criticize": -1.4, "criticized": -1.4, "criticizes": -1.4, "criticise": -1.4,
    "criticised": -1.4, "critic": -1.0, "critics": -1.0,
    "threat": -1.8, "threats": -1.8, "threaten": -1.8, "threatened": -1.8,
    "sabotage": -2.2, "vindictive": -2.2, "jealous": -1.6, "petty": -1.6,
    "block": -1.0, "blocked": -1.0, "blocking": -1.0, "halt": -0.6,
    "oust": -1.6, "ousted": -1.6, "ouster": -1.6,
    # retorts, jabs and the words for them
    "retort": -1.2, "retorted": -1.2, "quipped": -1.0, "scoffed": -1.6,
    "tactics": -1.0, "antics": -1.4, "bluster": -1.2, "hardball": -1.0,
    "hoodwink": -2.2, "hoodwinked": -2.2, "hijack": -2.0, "hijacked": -2.0,
    "fractured": -1.4, "antagonist": -1.4, "technicality": -1.0, "false": -1.2,
    "challenge": -0.6, "ultimatum": -1.4, "rival": -0.4,
}
# Multi-word expressions, matched in lower case before scoring.
PHRASES = {
    "hit back": -1.4, "hits back": -1.4, "fired back": -1.4, "fires back": -1.4,
    "pushed back": -1.0, "lashed out": -1.8, "lashes out": -1.8, "took a swipe": -1.6,
    "taking a swipe": -1.6, "slow us down": -1.4, "slow down a competitor": -1.4,
    "bad faith": -2.0, "smear campaign": -2.2,
}
# A sentence about court procedure reports it: its negative words count less
# ("the jury rejected the claims" is a plain report, not conflict).
PROCEDURAL = frozenset({
    "judge", "jury", "jurors", "court", "courts", "trial", "verdict", "ruling", "ruled",
    "motion", "filing", "filed", "plaintiff", "defendant", "statute", "hearing",
    "appeal", "dismissed", "dismiss",
})
# Words that read as praise to a general lexicon but are plain description in
# business, technology and court reporting ("artificial intelligence",
# "for-profit", "valued at", "a verdict was reached").
NEUTRAL_IN_NEWS = (
    "profit", "profits", "nonprofit", "intelligence", "valued", "value", "valuable",
    "valuation", "launched", "launch", "created", "create", "creating", "founded",
    "original", "powerful", "verdict", "legal", "reached", "reach", "gain", "gains",
    "accepted", "interest", "interests", "share", "shares", "shared", "sharing",
    "free", "charity", "charitable", "commitment", "commitments", "safety",
    "safe", "secure", "secured", "growth", "growing", "innovation", "promise",
    "promises", "promised", "credit", "credited", "like", "want", "wants", "wish",
    "kind", "clear", "clearly", "matter", "matters", "backing", "support", "supported",
    "benefit", "benefits", "humanity", "mission", "prominent", "landmark", "huge",
    "exclusive", "chance", "determined", "focused", "progress", "better", "best",
    "granting", "grant", "granted", "prevent", "prevents", "restore", "plays",
    "playing", "play", "treat", "motivation", "assurance", "united", "justice",
    "party", "parties", "top", "leading", "rich", "richest", "wealth", "wealthiest",
    "worth", "fund", "funding", "invest", "investment", "partner", "partnership",
    "agreement", "ok", "okay", "yes", "well", "please", "respect", "fair",
)
SENTIMENT_LEXICON = {**CONFLICT, **dict.fromkeys(NEUTRAL_IN_NEWS, 0.0), "trust": 1.0}

# Engine words: English is what the VADER engine reads already.
ENGINE_WORDS: dict[str, str] = {}
DROPPED_WORDS: frozenset[str] = frozenset()
ELISIONS: tuple[str, ...] = ()
SUFFIX_RULES: tuple[tuple[str, str], ...] = ()  # VADER's lexicon lists inflected forms itself
MIN_STEM = 4

# -- sentences --------------------------------------------------------------------
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "st", "jr", "sr",
    "inc", "corp", "co", "ltd", "llc", "vs", "v", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e",
})

# -- quotes ---------------------------------------------------------------------
# Reporting verbs, every form as written; a cue word before or after a quote.
REPORTING_VERBS = frozenset("""
say says said saying tell tells told telling write writes wrote writing written posted posting
tweeted tweeting add adds added adding replied replying respond responds responded responding
answered continue continues continued continuing argue argues argued arguing claimed claiming
insist insists insisted insisting stated stating declare declares declared declaring explain
explains explained explaining noted noting ask asks asked asking call called calling labeled
labelled labeling labelling branded branding describe describes described describing dubbed
dubbing nicknamed accuse accuses accused accusing allege alleges alleged alleging warned warning
joked joking quipped retorted countered testify testified testifies captioned captioning posit
posited positing dismissed dismissing admit admits admitted acknowledged recalled predicted
promised vowed suggested suggesting demanded urged conceded maintained contend contended asserted
asserting reiterated emphasized stressed announced confirmed denied denies complained mocked
mocking quoted quoting agreed boasted lamented
""".split())
# Multi-word cues: verb + particle, and "according to" which names the source after it.
REPORTING_PHRASES = ("referred to", "refers to", "pointing to", "pointed to", "jumped in", "hit back",
                     "fired back", "wrote back", "shot back", "went on")
ACCORDING_TO = ("according to", "per")
SUBJECT_PRONOUNS = {"he": "m", "she": "f"}
# Nouns that speak for their party: documents for the one who filed them,
# "the company" for the organisation.
DOCUMENT_NOUNS = ("the lawsuit", "the suit", "the filing", "the complaint", "the countersuit",
                  "the statement", "the letter", "the motion", "the court filing")
COMPANY_NOUNS = ("the company", "the startup", "the firm", "the organization", "the organisation")
# Verbs whose subject is the party a document speaks for ("xAI sued Apple": the lawsuit is xAI's).
SUE_WORDS = frozenset({"sued", "sues", "suing", "filed", "files", "countersued", "countersues"})
# Words an "after" cue may hold between the quote and its verb ("…," Altman quickly said).
AFTER_FILLERS = frozenset({"has", "had", "have", "then", "later", "also", "quickly", "simply", "once",
                           "again", "emphatically", "bluntly", "flatly"})
NOT_A_SOURCE: tuple[str, ...] = ()
PARTICIPLE_ENDINGS = ("ing",)  # "…, calling him a 'liar'": the main clause's subject speaks
INCISE = None  # English has no inverted incise with a hyphenated pronoun

# -- actors ---------------------------------------------------------------------
ARTICLE_CONTRACTIONS: dict[str, tuple[str, ...]] = {}

# -- language -------------------------------------------------------------------
# Function words frequent in English and rare in the other languages of the
# press ("a", "in", "de" are left out: they are words elsewhere too). A
# paragraph full of them is English without asking the language model.
MARKERS = frozenset({
    "the", "of", "and", "to", "is", "that", "for", "with", "was", "on", "as", "by", "he",
    "his", "it", "are", "were", "this", "from", "have", "has", "had", "said", "which",
    "an", "at", "be", "not", "but", "they", "their", "would", "will", "its", "who", "been",
})

# -- keywords ---------------------------------------------------------------------
# Written in capitals these are terms, not stop words ("US" is not "us").
ACRONYMS = frozenset({"AI", "US", "UK", "EU", "X", "CEO", "SEC", "FTC"})
