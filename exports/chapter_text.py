"""Dutch wording for the findings chapter: labels, counts, attributions and trimmed quotes.

Kept apart from the Word writing so the rules a reader notices (how "intern_begeleider" reads,
when a count becomes "< 3", where a quote is cut) are plain functions that tests and the Excel
export can use without python-docx.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

# Singular and plural of the respondent types researchers use; anything else is derived.
_TYPE_FORMS: dict[str, tuple[str, str]] = {
    "ouder": ("ouder", "ouders"),
    "ouders": ("ouderpaar", "ouderparen"),
    "ouders_duo": ("ouderpaar", "ouderparen"),
    "jongere": ("jongere", "jongeren"),
    "jeugdige": ("jeugdige", "jeugdigen"),
    "kind": ("kind", "kinderen"),
    "hulpverlener": ("hulpverlener", "hulpverleners"),
    "intern_begeleider": ("intern begeleider", "intern begeleiders"),
    "jeugdconsulent": ("jeugdconsulent", "jeugdconsulenten"),
    "leerkracht": ("leerkracht", "leerkrachten"),
    "professional": ("professional", "professionals"),
    "pleegouder": ("pleegouder", "pleegouders"),
    "verzorger": ("verzorger", "verzorgers"),
    "": ("respondent", "respondenten"),
}

# Attributes whose value names a family: shown as "gezin WV-014", never as a bare id.
CASE_FIELDS = ("gezin", "gezin_id", "case", "casus", "familie")

SUPPRESSED = "< {n}"
DASH = "–"
SUPPRESSION_STYLES = ("lt", "dash")  # "< 10" or "–", as the user chooses
_STYLE: ContextVar[str] = ContextVar("duiding_suppression_style", default="lt")
ELLIPSIS = "[…]"
MAX_QUOTE_WORDS = 80
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+")
_SEPARATORS = ",;/–-"


def readable(value: str) -> str:
    """An attribute value as a reader sees it: 'intern_begeleider' -> 'intern begeleider'."""
    return " ".join(value.replace("_", " ").split())


def type_label(value: str, count: int = 1) -> str:
    """'ouder' -> 'ouder' / 'ouders'; unknown types get a regular Dutch plural."""
    key = value.strip().casefold()
    if key in _TYPE_FORMS:
        single, plural = _TYPE_FORMS[key]
    else:
        single = readable(value)
        plural = _plural(single)
    return single if count == 1 else plural


def _plural(word: str) -> str:
    if not word:
        return word
    last = word.split()[-1]
    if last.endswith(("er", "el", "em", "en", "je", "ie", "é", "or")) and len(last) > 3:
        return word + "s"
    if last.endswith("e"):
        return word + "n"
    return word + "en"


@contextmanager
def suppression_style(style: str) -> Iterator[None]:
    """While writing one chapter: small counts read '< N' (``lt``) or '–' (``dash``)."""
    if style not in SUPPRESSION_STYLES:
        raise ValueError(f"small counts read 'lt' or 'dash', not {style!r}")
    token = _STYLE.set(style)
    try:
        yield
    finally:
        _STYLE.reset(token)


def suppressed_mark(min_count: int) -> str:
    """How a count below the threshold is printed in the current chapter: '< 10' or '–'."""
    return DASH if _STYLE.get() == "dash" else SUPPRESSED.format(n=min_count)


def count_text(n: int, min_count: int = 0) -> str:
    """A count as printed: below the privacy threshold it reads '< 3' or '–' (zero stays
    '0'); every table and sentence of the chapter prints its counts through this."""
    if 0 < n < min_count:
        return suppressed_mark(min_count)
    return str(n)


def join_dutch(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def split_text(by_type: Mapping[str, int], min_count: int = 0) -> str:
    """'3 ouders, 1 jongere en < 3 hulpverleners' (types with zero left out)."""
    parts = []
    for value, n in by_type.items():
        if n <= 0:
            continue
        shown = count_text(n, min_count)
        # "< 3" is plural in Dutch ("minder dan drie ouders"); an exact 1 is singular.
        parts.append(f"{shown} {type_label(value, n if shown == str(n) else 2)}")
    return join_dutch(parts)


def case_label(value: str) -> str:
    """A family id as shown in an attribution: 'G-WV-014' -> 'gezin WV-014', '3' -> 'gezin 3'.

    The conventional 'G-' prefix says nothing next to the word 'gezin', so it is dropped.
    """
    value = value.strip()
    if not value:
        return ""
    return "gezin " + re.sub(r"^[Gg][-_ ]", "", value)


def attribution(pattern: str, attributes: Mapping[str, str], respondent_number: int,
                respondent_attribute: str = "respondent_type") -> str:
    """Fill an attribution pattern like '({respondent_type}, {gezin})' from attributes.

    Empty fields are left out with their separator; an empty family id becomes 'respondent N'
    (the respondent's stable number), so a quote is never attributed by file name or name.
    The field `{respondent}` always gives 'respondent N'. Unknown fields count as empty.
    """
    values: dict[str, str] = {}
    for _, field, _, _ in string.Formatter().parse(pattern):
        if field is None or field in values:
            continue
        raw = attributes.get(field, "")
        if field == "respondent":
            values[field] = f"respondent {respondent_number}"
        elif field == respondent_attribute:
            values[field] = type_label(raw) if raw.strip() else ""
        elif field in CASE_FIELDS:
            values[field] = case_label(raw) or f"respondent {respondent_number}"
        else:
            values[field] = readable(raw)
    try:
        text = pattern.format_map({k: v or "\x00" for k, v in values.items()})
    except (ValueError, IndexError, KeyError):  # a malformed pattern from a dialog: do not crash
        text = pattern
    sep = re.escape(_SEPARATORS)
    text = re.sub(rf"\s*[{sep}]\s*\x00", "", text)  # ", <empty>"
    text = re.sub(rf"\x00\s*[{sep}]\s*", "", text)  # "<empty>, "
    text = text.replace("\x00", "")
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)
    return " ".join(text.split())


def questionnaire_attribution(attributes: Mapping[str, str],
                              respondent_attribute: str = "respondent_type",
                              period_attribute: str = "meting") -> str:
    """A questionnaire answer's attribution: '(ouder, vragenlijst 2024)'; never the respondent's
    number in the file, which the municipality's survey tool could trace back."""
    rtype = attributes.get(respondent_attribute, "").strip()
    period = attributes.get(period_attribute, "").strip()
    parts = [type_label(rtype) if rtype else "", f"vragenlijst {period}".strip()]
    return "(" + ", ".join(p for p in parts if p) + ")"


def normalise(text: str) -> str:
    return " ".join(text.split())


def trim_quote(text: str, max_words: int = MAX_QUOTE_WORDS) -> str:
    """Whitespace-normalised quote of at most about `max_words` words, cut at sentences.

    Whole sentences are kept from the start while they fit; what is left out is marked "[…]".
    A single sentence longer than the limit is cut at a word boundary. Parts that were joined
    (e.g. two respondent turns) arrive with "[…]" between them already.
    """
    text = normalise(text)
    words = text.split(" ")
    if len(words) <= max_words:
        return text
    sentences = [s for s in _SENTENCE_END.split(text) if s]
    kept: list[str] = []
    count = 0
    for sentence in sentences:
        n = len(sentence.split(" "))
        if count + n > max_words:
            break
        kept.append(sentence)
        count += n
    if not kept:
        cut = " ".join(words[:max_words]).rstrip(",;:–- ")
        return f"{cut} {ELLIPSIS}"
    out = " ".join(kept)
    if out.endswith(ELLIPSIS):
        return out
    return f"{out} {ELLIPSIS}"


def theme_title(name: str) -> str:
    """A code name as a heading: first letter upper case, the rest as written."""
    name = readable(name)
    return name[:1].upper() + name[1:]
