"""English quote attribution: reporting verbs, cues, pronouns, documents, proxies, scare quotes. Data only."""

from __future__ import annotations

# Reporting verbs, every form as written; a cue word before or after a quote.
REPORTING_VERBS = frozenset(
    [
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "telling",
        "write",
        "writes",
        "wrote",
        "writing",
        "written",
        "posted",
        "posting",
        "tweeted",
        "tweeting",
        "add",
        "adds",
        "added",
        "adding",
        "replied",
        "replying",
        "respond",
        "responds",
        "responded",
        "responding",
        "answered",
        "continue",
        "continues",
        "continued",
        "continuing",
        "argue",
        "argues",
        "argued",
        "arguing",
        "claimed",
        "claiming",
        "insist",
        "insists",
        "insisted",
        "insisting",
        "stated",
        "stating",
        "declare",
        "declares",
        "declared",
        "declaring",
        "explain",
        "explains",
        "explained",
        "explaining",
        "noted",
        "noting",
        "ask",
        "asks",
        "asked",
        "asking",
        "call",
        "called",
        "calling",
        "labeled",
        "labelled",
        "labeling",
        "labelling",
        "branded",
        "branding",
        "describe",
        "describes",
        "described",
        "describing",
        "dubbed",
        "dubbing",
        "nicknamed",
        "accuse",
        "accuses",
        "accused",
        "accusing",
        "allege",
        "alleges",
        "alleged",
        "alleging",
        "warned",
        "warning",
        "joked",
        "joking",
        "quipped",
        "retorted",
        "countered",
        "testify",
        "testified",
        "testifies",
        "captioned",
        "captioning",
        "posit",
        "posited",
        "positing",
        "dismissed",
        "dismissing",
        "admit",
        "admits",
        "admitted",
        "acknowledged",
        "recalled",
        "predicted",
        "promised",
        "vowed",
        "suggested",
        "suggesting",
        "demanded",
        "urged",
        "conceded",
        "maintained",
        "contend",
        "contended",
        "asserted",
        "asserting",
        "reiterated",
        "emphasized",
        "stressed",
        "announced",
        "confirmed",
        "denied",
        "denies",
        "complained",
        "mocked",
        "mocking",
        "quoted",
        "quoting",
        "agreed",
        "boasted",
        "lamented",
    ]
)
# Multi-word cues: verb + particle, and "according to" which names the source after it.
REPORTING_PHRASES = (
    "referred to",
    "refers to",
    "pointing to",
    "pointed to",
    "jumped in",
    "hit back",
    "fired back",
    "wrote back",
    "shot back",
    "went on",
)
ACCORDING_TO = ("according to", "per")
SUBJECT_PRONOUNS = {"he": "m", "she": "f"}
# Nouns that speak for their party: documents for the one who filed them,
# "the company" for the organisation.
DOCUMENT_NOUNS = (
    "the lawsuit",
    "the suit",
    "the filing",
    "the complaint",
    "the countersuit",
    "the statement",
    "the letter",
    "the motion",
    "the court filing",
    "the post",
    "the blog post",
    "the suit filed",
    "the counterclaim",
    "the brief",
    "the petition",
)
COMPANY_NOUNS = ("the company", "the startup", "the firm", "the organization", "the organisation")
# Verbs whose subject is the party a document speaks for ("xAI sued Apple": the lawsuit is xAI's).
SUE_WORDS = frozenset({"sued", "sues", "suing", "filed", "files", "countersued", "countersues"})
# Words an "after" cue may hold between the quote and its verb ("…," Altman quickly said).
AFTER_FILLERS = frozenset(
    {
        "has",
        "had",
        "have",
        "then",
        "later",
        "also",
        "quickly",
        "simply",
        "once",
        "again",
        "emphatically",
        "bluntly",
        "flatly",
    }
)
NOT_A_SOURCE: tuple[str, ...] = ()
PARTICIPLE_ENDINGS = ("ing",)  # "…, calling him a 'liar'": the main clause's subject speaks
INCISE = None  # English has no inverted incise with a hyphenated pronoun

# Reporting verbs by lemma: every regular form ("remark" -> remarks, remarked, remarking)
# counts as a cue, so a form the articles we read never used is still found.
# fmt: off
REPORTING_LEMMAS = (
    "accuse", "acknowledge", "add", "allege", "announce", "answer", "argue", "ask", "assert", "assure",
    "blast", "boast", "brand", "caption", "characterize", "characterise", "charge", "claim", "comment",
    "complain", "concede", "condemn", "confirm", "contend", "continue", "counter", "criticize",
    "criticise", "declare", "decry", "demand", "deny", "deride", "describe", "dismiss", "emphasize",
    "emphasise", "explain", "insist", "joke", "label", "lament", "liken", "maintain", "mock", "muse",
    "nickname", "note", "observe", "post", "posit", "predict", "promise", "question", "quote",
    "reassure", "recall", "recount", "reiterate", "remark", "reply", "respond", "retort", "reveal",
    "ridicule", "slam", "state", "stress", "suggest", "taunt", "term", "testify", "threaten", "tweet",
    "urge", "vow", "warn", "wonder",
)
# fmt: on
# How a regular lemma inflects: (ending of the lemma, ending replaced, endings added).
VERB_INFLECTIONS = (
    ("ie", "ie", ("ies", "ied", "ying")),
    ("y", "y", ("ies", "ied", "ying")),
    ("e", "e", ("es", "ed", "ing", "e")),
    ("", "", ("s", "es", "ed", "ing", "")),
)
# A name right after one of these is a complement ("the CEO of Microsoft", "told Musk"),
# not the subject of the verb that follows.
COMPLEMENT_WORDS = frozenset(
    {
        "of",
        "for",
        "to",
        "with",
        "at",
        "from",
        "against",
        "about",
        "on",
        "in",
        "into",
        "than",
        "over",
        "between",
        "like",
        "toward",
        "towards",
        "versus",
        "vs",
        "told",
        "tell",
        "tells",
        "asked",
    }
)
# "filed by S", "qualifiée par S": the agent of a passive or of a document.
AGENT_WORDS = ("by",)
# Words that open a sentence or stand before a name without being part of it.
NAME_PREFIX_WORDS = frozenset(
    {
        "the",
        "but",
        "and",
        "in",
        "on",
        "at",
        "as",
        "when",
        "after",
        "before",
        "while",
        "if",
        "with",
        "for",
        "from",
        "by",
        "to",
        "of",
        "per",
        "mr",
        "mrs",
        "ms",
        "dr",
        "judge",
        "president",
        "senator",
        "chief",
        "ceo",
        "executive",
        "lawyer",
        "attorney",
        "founder",
        "billionaire",
        "rival",
        "justice",
    }
)
# "his post read: …", "its statement said": a possessive and a message noun stand for the
# possessor (gender from the determiner where it has one).
POSSESSIVE_DETERMINERS = {"his": "m", "her": "f", "its": None, "their": None}
MESSAGE_NOUNS = frozenset(
    {
        "post",
        "message",
        "reply",
        "response",
        "tweet",
        "statement",
        "answer",
        "letter",
        "email",
        "e-mail",
        "comment",
        "comments",
        "note",
        "remarks",
        "words",
        "testimony",
        "blog",
    }
)
# Documents and spokespeople named with their owner ("Musk's lawsuit", "OpenAI's blog post",
# "Musk's lawyers"): they speak for the owner.
PROXY_NOUNS = frozenset(
    {
        "lawsuit",
        "suit",
        "complaint",
        "filing",
        "filings",
        "countersuit",
        "counterclaim",
        "motion",
        "statement",
        "letter",
        "post",
        "blog",
        "tweet",
        "lawyer",
        "lawyers",
        "attorney",
        "attorneys",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "camp",
        "team",
        "representative",
        "representatives",
        "account",
        "brief",
        "response",
        "legal",
    }
)
# "according to him": the pronoun after a source phrase, with its gender.
OBJECT_PRONOUNS = {"him": "m", "her": "f"}


# Short quotes: after a naming verb ("called him a “liar”", « qualifié d'« escroc » ») a short
# quote is speech; right after a determiner without one ("an ‘open’ counterweight") it is a
# scare quote.
NAMING_LEMMAS = (
    "call",
    "brand",
    "dub",
    "label",
    "nickname",
    "term",
    "liken",
    "describe",
    "characterize",
    "characterise",
    "refer",
)
SCARE_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "his", "her", "their", "so-called"})
# Stems whose last letter changes before some endings (French « c » -> « ç »); none in English.
SOFT_STEMS: dict[str, str] = {}
# A short quote right after one of these prepositions names a kind or a mode, not speech.
# None in English: "labelled him as “insecure”" is speech after a naming verb.
TERM_PREPOSITIONS: frozenset[str] = frozenset()
# Participles that give a thing the name that follows ("a venture dubbed “Stargate”").
NAMING_PARTICIPLES = frozenset({"dubbed", "nicknamed", "so-called", "titled", "named", "branded"})
