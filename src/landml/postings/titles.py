"""A job title to a role family and a seniority, with the evidence that decided each.

Rules come first: hand-written patterns for the titles ML job seekers meet ("Machine
Learning Engineer", "Applied Scientist", "Sr.", "Staff", "L5"...). When no rule names a
family, the title is looked up among O*NET alternate and reported titles (shipped in
`data/onet_titles.json`, built by scripts/build_title_lexicon.py) and the family follows
from the occupation's SOC code. Anything else is `other`.

How a title is read:

1. It is normalised (lower case, "Sr." -> senior, "ML" -> machine learning, "&" -> and)
   and cut into segments at commas, slashes, brackets, " - " and " at ". The first
   segment is usually the role ("Software Engineer, Machine Learning"); later ones
   qualify it (team, product, location).
2. Segments are read in order; the first one where a family rule matches decides. Inside a
   segment the match that ends last wins, because an English job title ends with its head
   noun: "Data Science Project Manager" is a project manager, "Data Science Manager" a data
   scientist who manages.
3. A software engineering title qualified by an ML field anywhere in the title
   ("Software Engineer, Machine Learning", "Engineer - AI") is an ML engineer.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple


class RoleFamily(StrEnum):
    mle = "mle"
    ds = "ds"
    rs = "rs"
    applied_scientist = "as"  # `as` is a Python keyword
    data_eng = "data_eng"
    analyst = "analyst"
    swe = "swe"
    other = "other"


# How each family reads on a page; `family_phrase` gives the in-sentence form.
ROLE_FAMILY_LABELS: dict[str, str] = {
    "mle": "ML engineer",
    "ds": "Data scientist",
    "rs": "Research scientist",
    "as": "Applied scientist",
    "data_eng": "Data engineer",
    "analyst": "Analyst",
    "swe": "Software engineer",
    "other": "Other",
}


def family_phrase(family: str) -> str:
    """The family as written mid-sentence: "data scientist", but "ML engineer"."""
    text = ROLE_FAMILY_LABELS.get(family, family)
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


class Seniority(StrEnum):
    intern = "intern"
    junior = "junior"
    mid = "mid"
    senior = "senior"
    staff_plus = "staff_plus"
    lead_manager = "lead_manager"


@dataclass(frozen=True, slots=True)
class TitleClass:
    """What a title says, and why: each evidence string names the rule or O*NET title."""

    role_family: RoleFamily
    seniority: Seniority
    family_evidence: str
    seniority_evidence: str
    seniority_stated: bool
    onet_code: str | None = None

    @property
    def evidence(self) -> tuple[str, str]:
        return (self.family_evidence, self.seniority_evidence)


class Occupation(NamedTuple):
    name: str
    family: RoleFamily


# SOC occupations whose O*NET titles are shipped, in the order that settles a title listed
# under several of them: narrower occupations first, 15-2051 Data Scientists last because
# O*NET files many loosely related titles there ("Data Engineer", "Tableau Developer").
SOC_OCCUPATIONS: dict[str, Occupation] = {
    "13-2099.01": Occupation("Financial Quantitative Analysts", RoleFamily.analyst),
    "15-2051.01": Occupation("Business Intelligence Analysts", RoleFamily.analyst),
    "15-2031.00": Occupation("Operations Research Analysts", RoleFamily.analyst),
    "13-1161.00": Occupation(
        "Market Research Analysts and Marketing Specialists", RoleFamily.analyst
    ),
    "15-1243.01": Occupation("Data Warehousing Specialists", RoleFamily.data_eng),
    "15-1243.00": Occupation("Database Architects", RoleFamily.data_eng),
    "15-1242.00": Occupation("Database Administrators", RoleFamily.data_eng),
    "15-2041.01": Occupation("Biostatisticians", RoleFamily.ds),
    "15-2041.00": Occupation("Statisticians", RoleFamily.ds),
    "15-1221.00": Occupation("Computer and Information Research Scientists", RoleFamily.rs),
    "15-1252.00": Occupation("Software Developers", RoleFamily.swe),
    "15-1251.00": Occupation("Computer Programmers", RoleFamily.swe),
    "15-1253.00": Occupation("Software Quality Assurance Analysts and Testers", RoleFamily.swe),
    "15-1254.00": Occupation("Web Developers", RoleFamily.swe),
    "15-1299.08": Occupation("Computer Systems Engineers/Architects", RoleFamily.swe),
    "15-2051.00": Occupation("Data Scientists", RoleFamily.ds),
}

# --- normalisation ----------------------------------------------------------------

# Whole-word rewrites applied after lower-casing; multi-word keys are matched first.
_ABBREVIATIONS: dict[str, str] = {
    "ml ops": "mlops",
    "ml-ops": "mlops",
    "co-op": "coop",
    "co op": "coop",
    "new-grad": "new grad",
    "entry-level": "entry level",
    "mid-level": "mid level",
    "artificial intelligence": "ai",
    "natural language processing": "nlp",
    "natural language": "nlp",
    "human language technologies": "nlp",
    "large language models": "llm",
    "large language model": "llm",
    "gen ai": "genai",
    "generative ai": "genai",
    "vice president": "vp",
    "r&d": "r and d",
    "mle": "machine learning engineer",
    "mles": "machine learning engineer",
    "ml": "machine learning",
    "swe": "software engineer",
    "sde": "software development engineer",
    "bi": "business intelligence",
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jnr": "junior",
    "mgr": "manager",
    "eng": "engineer",
    "engr": "engineer",
    "dir": "director",
    "assoc": "associate",
    "quant": "quantitative",
    "principle": "principal",
    "pricipal": "principal",
    "prinicipal": "principal",
    "llms": "llm",
}
_ABBREVIATION_RE = re.compile(
    r"(?<![\w+#])("
    + "|".join(re.escape(k) for k in sorted(_ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w+#])"
)
# "(ML)", "(AI)", "(DA)": an acronym restating the words before it; removed so that
# "Machine Learning (ML) Engineer" stays one segment.
_BRACKETED_ACRONYM = re.compile(r"\(\s*[a-z]{1,5}\s*\)")
_SEGMENT_BREAK = re.compile(r"\s*(?:[,/|;:()\[\]{}]|\s[-–—]+|[-–—]+\s|\s(?:at|@)\s)\s*")
_WORD = re.compile(r"[a-z0-9+#]+")


def normalise_title(title: str) -> str:
    """Lower case, spelled-out abbreviations, single spaces; punctuation kept for segments."""
    text = unicodedata.normalize("NFKC", title).lower()
    return _normalise_lowered(text)


def _normalise_lowered(text: str) -> str:
    text = text.replace("&", " and ").replace("’", "'")
    text = re.sub(r"\b([a-z]{1,4})\.(?=\s|$|[,/)-])", r"\1", text)  # "sr." -> "sr"
    text = _ABBREVIATION_RE.sub(lambda m: _ABBREVIATIONS[m.group(1)], text)
    return " ".join(text.split())


def title_segments(title: str) -> list[str]:
    """The normalised title cut into its role part and its qualifiers, words only."""
    lowered = unicodedata.normalize("NFKC", title).lower()
    text = _normalise_lowered(_BRACKETED_ACRONYM.sub(" ", lowered))
    segments = (" ".join(_WORD.findall(part)) for part in _SEGMENT_BREAK.split(text))
    return [s for s in segments if s]


# --- role family rules ------------------------------------------------------------

_ML_FIELD = (
    r"(?:machine learning|ai|deep learning|computer vision|nlp|llm|genai|speech|"
    r"reinforcement learning|perception|robot learning|mlops)"
)
# Words that put a "research scientist" or "research engineer" outside computing.
_NON_COMPUTING = re.compile(
    r"\b(?:bio\w*|chemi\w*|chemist|immun\w*|oncolog\w*|clinical|cells?|protein\w*|medic\w*|"
    r"pharma\w*|toxic\w*|neurosci\w*|neurobio\w*|molecular|genom\w*|assays?|laborator\w*|"
    r"food|environmental|cancer|drugs?|formulation\w*|vaccines?|hematolog\w*|wildlife|"
    r"geolog\w*|agricultur\w*|polymers?|materials?|antibod\w*|bacteriolog\w*|pathology|"
    r"physiolog\w*)\b"
)


@dataclass(frozen=True, slots=True)
class _Rule:
    family: RoleFamily
    label: str
    pattern: re.Pattern[str]
    computing_only: bool = False


def _rule(family: RoleFamily, label: str, pattern: str, computing_only: bool = False) -> _Rule:
    return _Rule(family, label, re.compile(rf"\b(?:{pattern})\b"), computing_only)


_F = RoleFamily
FAMILY_RULES: tuple[_Rule, ...] = (
    _rule(
        _F.mle,
        "Machine Learning Engineer",
        r"machine learning (?:software |platform |infrastructure |systems |research )?"
        r"engineer(?:ing)?",
    ),
    _rule(
        _F.mle,
        "ML specialist title",
        r"machine learning (?:developer|specialist|expert|architect|lead|practitioner)",
    ),
    _rule(_F.mle, "MLOps", r"mlops(?: \w+)?(?: engineer)?"),
    _rule(
        _F.mle,
        "AI / NLP / CV Engineer",
        r"(?:ai|deep learning|computer vision|nlp|llm|genai|speech|perception|"
        r"applied machine learning) (?:engineer(?:ing)?|developer)",
    ),
    _rule(_F.mle, "Research Engineer", r"research engineer", computing_only=True),
    _rule(_F.mle, "Head of an ML field", rf"(?:head|director|vp|manager|lead) of {_ML_FIELD}"),
    _rule(
        _F.applied_scientist, "Applied Scientist", rf"applied (?:research |{_ML_FIELD} )?scientist"
    ),
    _rule(
        _F.rs,
        "Research Scientist",
        rf"(?:{_ML_FIELD} )?research (?:computer )?scientist|research (?:intern|fellow)",
        computing_only=True,
    ),
    _rule(_F.rs, "ML-field Scientist", rf"{_ML_FIELD} scientist"),
    _rule(_F.rs, "Computer Scientist", r"computer scientist"),
    _rule(
        _F.rs,
        "Postdoctoral researcher",
        r"post ?doc(?:toral)?(?: research(?:er)?| fellow| scientist| associate)?",
        computing_only=True,
    ),
    _rule(
        _F.ds,
        "Data Scientist",
        rf"data scien(?:tist|ce)s?|data and {_ML_FIELD} scientist|decision scientist",
    ),
    _rule(_F.ds, "Statistician", r"(?:bio)?statistician"),
    # Quant research is statistical modelling with a probability-heavy loop, as in DS.
    _rule(
        _F.ds,
        "Quantitative researcher",
        r"quantitative (?:researcher|research scientist|scientist)",
    ),
    _rule(
        _F.data_eng,
        "Data Engineer",
        r"(?:big )?data (?:platform |pipeline |infrastructure |warehouse |integration |"
        r"ops |solutions? |software )?engineer(?:ing)?",
    ),
    _rule(_F.data_eng, "Analytics Engineer", r"analytics engineer(?:ing)?"),
    _rule(
        _F.data_eng,
        "Data architecture title",
        r"data (?:architect|modeler|modeller)|data warehouse \w+|etl (?:developer|engineer)|"
        r"database (?:administrator|architect|developer|engineer)|dba|"
        r"(?:spark|hadoop|kafka) (?:engineer|developer)",
    ),
    _rule(
        _F.analyst,
        "Analyst",
        r"(?:data|business|business intelligence|analytics|insights?|product|marketing|"
        r"market|financial|finance|quantitative|statistical|reporting|research|operations|"
        r"risk|pricing|revenue|growth|decision|strategy|web|digital|commerce|sales|"
        r"supply chain|survey|performance|healthcare|health|people|customer|fraud|sql|"
        r"tableau|crm|credit|investment)(?: \w+)?? analyst",
    ),
    _rule(
        _F.analyst,
        "Analytics role",
        r"analytics (?:manager|consultant|lead|director|specialist|associate|partner)|"
        r"business intelligence (?:developer|engineer|consultant|specialist|manager|lead|"
        r"architect)|(?:tableau|power business intelligence|reporting) (?:developer|"
        r"specialist)|data visuali[sz]ation (?:developer|specialist|engineer)",
    ),
    _rule(
        _F.swe,
        "Software Engineer",
        r"software (?:development )?(?:engineer(?:ing)?|developer)|programmer|"
        r"(?:backend|back end|frontend|front end|full ?stack|web|mobile|ios|android|"
        r"platform|infrastructure|devops|site reliability|cloud|python|java|golang|scala|"
        r"rust|c\+\+) (?:engineer|developer|developers)",
    ),
    _rule(
        _F.other,
        "Non-engineering role",
        r"account (?:executive|exec|manager|director)|sales (?:executive|representative|"
        r"director)|business development|recruiter|talent acquisition|"
        r"(?:product|project|program) manager|evangelist|chief data officer|"
        r"chief analytics officer",
    ),
)

_ML_QUALIFIER = re.compile(rf"\b{_ML_FIELD}\b")
_BARE_ENGINEER = re.compile(r"\b(?:engineer|engineering|developer)\b")


class _Match(NamedTuple):
    rule: _Rule
    start: int
    end: int


def _segment_match(segment: str, title_text: str) -> _Match | None:
    """The rule match that ends last in a segment (the head noun), longest on a tie."""
    best: _Match | None = None
    for rule in FAMILY_RULES:
        if rule.computing_only and _NON_COMPUTING.search(title_text):
            continue
        for m in rule.pattern.finditer(segment):
            cand = _Match(rule, m.start(), m.end())
            if best is None or (cand.end, cand.end - cand.start) > (
                best.end,
                best.end - best.start,
            ):
                best = cand
    return best


def _family_from_rules(segments: list[str]) -> tuple[RoleFamily, str] | None:
    title_text = " ".join(segments)
    has_ml_field = _ML_QUALIFIER.search(title_text) is not None
    for i, segment in enumerate(segments):
        match = _segment_match(segment, title_text)
        if match is not None:
            words = segment[match.start : match.end]
            if match.rule.family is RoleFamily.swe and has_ml_field:
                return RoleFamily.mle, (
                    f"rule 'Software Engineer' matched {words!r} and the title names an ML "
                    "field -> mle"
                )
            return match.rule.family, (
                f"rule {match.rule.label!r} matched {words!r} -> {match.rule.family.value}"
            )
        later = " ".join(segments[i + 1 :])
        if _BARE_ENGINEER.search(segment) and _ML_QUALIFIER.search(later):
            return RoleFamily.mle, (
                f"an engineering title {segment!r} qualified by an ML field -> mle"
            )
    return None


# --- O*NET fallback ---------------------------------------------------------------


@lru_cache(maxsize=1)
def onet_lexicon() -> dict[str, tuple[str, str]]:
    """Normalised O*NET title -> (SOC code, title as O*NET spells it), from the package."""
    raw = files("landml.postings").joinpath("data/onet_titles.json").read_text("utf-8")
    payload = json.loads(raw)
    lexicon: dict[str, tuple[str, str]] = {}
    # Codes in SOC_OCCUPATIONS order, so a title shared by two codes keeps the first.
    for code in SOC_OCCUPATIONS:
        for title in payload["titles"].get(code, []):
            for segment in title_segments(title):
                if " " in segment:  # one-word titles ("Scientist") decide nothing
                    lexicon.setdefault(segment, (code, title))
    return lexicon


_MAX_ONET_WORDS = 8


def _family_from_onet(segments: list[str]) -> tuple[RoleFamily, str, str] | None:
    if _NON_COMPUTING.search(" ".join(segments)):
        # "Research Scientist, Immunology": O*NET's generic titles would call it computing.
        return None
    lexicon = onet_lexicon()
    for segment in segments:
        words = segment.split()
        for size in range(min(len(words), _MAX_ONET_WORDS), 1, -1):
            for start in range(len(words) - size, -1, -1):
                hit = lexicon.get(" ".join(words[start : start + size]))
                if hit is not None:
                    code, onet_title = hit
                    occupation = SOC_OCCUPATIONS[code]
                    return (
                        occupation.family,
                        code,
                        (
                            f"O*NET title {onet_title!r} ({code} {occupation.name}) -> "
                            f"{occupation.family.value}"
                        ),
                    )
    return None


# --- seniority --------------------------------------------------------------------

_S = Seniority
# Checked in this order; the first that matches decides ("Senior Manager" is a manager,
# "Associate Director" a director, "Sr. Data Scientist II" senior).
SENIORITY_RULES: tuple[tuple[Seniority, str, re.Pattern[str]], ...] = (
    (
        _S.intern,
        "intern",
        re.compile(
            r"\b(?:intern|interns|internship|coop|summer student|"
            r"working student|werkstudent)\b"
        ),
    ),
    (
        _S.lead_manager,
        "lead or manager",
        re.compile(
            r"\b(?:lead|leader|(?<!product )(?<!project )(?<!program )manager|managing|director|"
            r"head|vp|svp|evp|avp|chief|cto|cdo|supervisor)\b"
        ),
    ),
    (
        _S.staff_plus,
        "staff or principal",
        re.compile(r"\b(?:staff|principal|distinguished|(?:technical|senior) fellow)\b"),
    ),
    (_S.senior, "senior", re.compile(r"\b(?:senior|experienced)\b")),
    (
        _S.junior,
        "junior or entry level",
        re.compile(
            r"\b(?:junior|entry level|new grad|new graduate|graduate (?:program|development "
            r"program|scheme|hire)|recent graduate|college hire|university grad|undergrad|"
            r"early career|associate|apprentice|post ?doc\w*|trainee)\b"
        ),
    ),
    (_S.mid, "mid level", re.compile(r"\b(?:mid level|intermediate)\b")),
)

_LEVEL_NOUNS = (
    r"engineer|scientist|analyst|developer|specialist|researcher|architect|level|programmer|"
    r"associate|consultant|modeler|sde|statistician"
)
_NUMBERED_LEVEL = re.compile(rf"\b(?:{_LEVEL_NOUNS}) (i{{1,3}}|iv|v|vi|[1-6])\b")
_LADDER_LEVEL = re.compile(r"\b(?:l|e|ic)([1-9])\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


def _seniority_from_number(n: int) -> Seniority:
    # Numbered ladders ("Data Scientist II"): I entry, II mid, III senior, IV+ staff.
    if n <= 1:
        return Seniority.junior
    if n == 2:
        return Seniority.mid
    if n == 3:
        return Seniority.senior
    return Seniority.staff_plus


def _seniority_from_ladder(prefix: str, n: int) -> Seniority:
    # Google/Meta ladder: L3/E3 entry, L4 mid, L5 senior, L6+ staff; IC levels are one lower.
    level = n + 1 if prefix == "ic" else n
    if level <= 3:
        return Seniority.junior
    if level == 4:
        return Seniority.mid
    if level == 5:
        return Seniority.senior
    return Seniority.staff_plus


def classify_seniority(title: str) -> tuple[Seniority, str, bool]:
    """Seniority, the evidence, and whether the title stated it (else mid by default)."""
    text = " ".join(_WORD.findall(normalise_title(title)))
    for seniority, label, pattern in SENIORITY_RULES:
        if m := pattern.search(text):
            return seniority, f"{label} cue {m.group(0)!r} -> {seniority.value}", True
    if m := _NUMBERED_LEVEL.search(text):
        token = m.group(1)
        n = int(token) if token.isdigit() else _ROMAN[token]
        seniority = _seniority_from_number(n)
        return seniority, f"level {m.group(0)!r} -> {seniority.value}", True
    if m := _LADDER_LEVEL.search(text):
        prefix = m.group(0)[:-1]
        seniority = _seniority_from_ladder(prefix, int(m.group(1)))
        return seniority, f"ladder level {m.group(0)!r} -> {seniority.value}", True
    return Seniority.mid, "no seniority cue in the title -> mid by default", False


# --- entry point ------------------------------------------------------------------


def classify_title(title: str) -> TitleClass:
    """Role family and seniority of a job title, each with the rule or O*NET title used."""
    segments = title_segments(title)
    seniority, seniority_evidence, stated = classify_seniority(title)
    from_rules = _family_from_rules(segments)
    if from_rules is not None:
        family, evidence = from_rules
        return TitleClass(family, seniority, evidence, seniority_evidence, stated)
    from_onet = _family_from_onet(segments)
    if from_onet is not None:
        family, code, evidence = from_onet
        return TitleClass(family, seniority, evidence, seniority_evidence, stated, code)
    return TitleClass(
        RoleFamily.other,
        seniority,
        "no rule and no O*NET title matched -> other",
        seniority_evidence,
        stated,
    )
