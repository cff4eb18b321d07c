"""Memo text: what a researcher writes for a chapter, stored portably as a small Markdown subset.

Why Markdown: a theme memo becomes the opening of a chapter section, so it needs paragraphs,
bold and italic, and lists -- and it must stay readable wherever it travels: in the project file,
on the command line (`duiding memo --file memo.md`), in a REFI-QDA export (plain text only) and in
a diff. Markdown is plain text that reads as written; the GUI editor (QTextDocument) reads and
writes it natively (`setMarkdown`/`toMarkdown`), so what the editor shows is what is stored.
HTML would be unreadable outside the editor; plain text could not carry emphasis or lists.

The subset (what the chapter lays out; anything else stays literal text):

- paragraphs, separated by a blank line; a single line break inside a paragraph is soft (the
  editor wraps its output at 80 columns and writes a typed line break that way too);
- ``**bold**``, ``*italic*`` and ``_underline_`` (the Qt dialect writes underline that way);
  ``\\*`` and the like are escaped characters;
- bullet lists (``- item``, also ``*`` or ``+``) and numbered lists (``1. item``), nested by two
  spaces of indentation; ``# heading`` lines (laid out as a bold line, not a chapter heading);
- **fragment references**: ``[label](fragment:GUID)``, a Markdown link whose target names a coded
  fragment by its GUID -- the one identifier that survives merges, exports and re-imports. The
  label is only a reminder for the writer; the chapter renders the fragment itself as the
  attributed quote (`exports.chapter_memo`), so the quote is always the current, pseudonymised
  text. Other links keep their label as text.

`flatten` turns a memo into readable plain text (emphasis marks dropped, lists kept as ``-`` and
``1.`` lines, references as the quote) for REFI-QDA exports and other plain-text destinations.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

REFERENCE_SCHEME = "fragment:"


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with its emphasis."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference to a coded fragment by its GUID (lower case), with the writer's label."""

    guid: str
    label: str


Inline = Run | Reference


@dataclass(frozen=True)
class Block:
    """A paragraph, a list item ('bullet' or 'number', `level` 0 = outermost) or a heading."""

    kind: str
    inlines: tuple[Inline, ...]
    level: int = 0
    number: int = 0  # for numbered items: the number as written

    @property
    def references(self) -> list[Reference]:
        return [i for i in self.inlines if isinstance(i, Reference)]

    @property
    def is_reference_only(self) -> bool:
        """A paragraph that is nothing but one fragment reference: laid out as a block quote."""
        kept = [i for i in self.inlines if not (isinstance(i, Run) and not i.text.strip())]
        return self.kind == "paragraph" and len(kept) == 1 and isinstance(kept[0], Reference)


def normalise(text: str) -> str:
    """Memo text as stored: NFC, ``\\n`` line ends, no trailing white space, at most one blank
    line in a row."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.lstrip("\ufeff").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)  # one blank line between paragraphs is enough


def reference(guid: str, label: str) -> str:
    """The Markdown for a fragment reference (the label cleaned of link syntax)."""
    clean = " ".join(label.replace("[", "(").replace("]", ")").split()) or "fragment"
    return f"[{clean}]({REFERENCE_SCHEME}{guid.lower()})"


# -- blocks ------------------------------------------------------------------------------------

_BULLET = re.compile(r"^( *)[-*+][ \t]+(.*)$")
_NUMBER = re.compile(r"^( *)(\d{1,9})[.)][ \t]+(.*)$")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")


def parse(text: str) -> list[Block]:
    """The blocks of a memo, in order."""
    blocks: list[Block] = []
    kind, level, number = "", 0, 0
    lines: list[str] = []

    def close() -> None:
        nonlocal kind, lines
        if kind and lines:
            inlines = _inline_lines(lines)
            if inlines:
                blocks.append(Block(kind, inlines, level, number))
        kind, lines = "", []

    for raw in normalise(text).split("\n"):
        if not raw.strip() or _RULE.match(raw):
            close()
            continue
        if m := _HEADING.match(raw):
            close()
            kind, level, number, lines = "heading", len(m.group(1)), 0, [m.group(2)]
            close()
            continue
        bullet, numbered = _BULLET.match(raw), _NUMBER.match(raw)
        if bullet or numbered:
            close()
            if numbered:
                kind, number, content = "number", int(numbered.group(2)), numbered.group(3)
                indent = len(numbered.group(1))
            else:
                assert bullet is not None
                kind, number, content, indent = "bullet", 0, bullet.group(2), len(bullet.group(1))
            level = indent // 2
            lines = [content]
            continue
        if not kind:
            kind, level, number = "paragraph", 0, 0
        lines.append(raw.strip())
    close()
    return blocks


def _inline_lines(lines: list[str]) -> tuple[Inline, ...]:
    """Inline content of a block's lines, joined by spaces (line breaks are soft)."""
    inlines: list[Inline] = []
    for i, line in enumerate(lines):
        if i:
            inlines.append(Run(" "))
        inlines.extend(parse_inline(line))
    return tuple(_merge_runs(inlines))


# -- inline ------------------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_INLINE = re.compile(
    r"(?P<bold>\*\*(?=\S)(?P<b>.+?)(?<=\S)\*\*)"
    r"|(?P<link>\[(?P<label>[^\]]*)\]\((?P<url>[^)\s]*)\))"
    r"|(?P<italic>\*(?=[^\s*])(?P<i>.+?)(?<=[^\s*])\*)"
    r"|(?P<underline>(?<![\w_])_(?=[^\s_])(?P<u>.+?)(?<=[^\s_])_(?![\w_]))",
    re.S,
)
_PLACEHOLDER = 0xE000  # escaped characters wait in the Private Use Area while markup is read


def parse_inline(text: str) -> list[Inline]:
    """Runs and references of one line of Markdown (the subset above)."""
    escaped: list[str] = []

    def hide(m: re.Match[str]) -> str:
        escaped.append(m.group(1))
        return chr(_PLACEHOLDER + len(escaped) - 1)

    hidden = _ESCAPE.sub(hide, text)

    def show(s: str) -> str:
        return re.sub("[\ue000-\uf8ff]", lambda m: escaped[ord(m.group()) - _PLACEHOLDER]
                      if ord(m.group()) - _PLACEHOLDER < len(escaped) else m.group(), s)

    return _merge_runs(_inline(hidden, show, False, False, False))


def _inline(s: str, show: Callable[[str], str], bold: bool, italic: bool,
            underline: bool) -> list[Inline]:
    out: list[Inline] = []
    pos = 0
    for m in _INLINE.finditer(s):
        if m.start() > pos:
            out.append(Run(show(s[pos:m.start()]), bold, italic, underline))
        if m.group("bold"):
            out.extend(_inline(m.group("b"), show, True, italic, underline))
        elif m.group("italic"):
            out.extend(_inline(m.group("i"), show, bold, True, underline))
        elif m.group("underline"):
            out.extend(_inline(m.group("u"), show, bold, italic, True))
        else:
            label, url = show(m.group("label")), show(m.group("url"))
            if url.lower().startswith(REFERENCE_SCHEME) and len(url) > len(REFERENCE_SCHEME):
                out.append(Reference(url[len(REFERENCE_SCHEME):].lower(), label))
            else:
                out.append(Run(label, bold, italic, underline))
        pos = m.end()
    if pos < len(s):
        out.append(Run(show(s[pos:]), bold, italic, underline))
    return out


def _merge_runs(items: list[Inline]) -> list[Inline]:
    out: list[Inline] = []
    for item in items:
        last = out[-1] if out else None
        if (isinstance(item, Run) and isinstance(last, Run)
                and (last.bold, last.italic, last.underline)
                == (item.bold, item.italic, item.underline)):
            out[-1] = Run(last.text + item.text, last.bold, last.italic, last.underline)
        elif not (isinstance(item, Run) and not item.text):
            out.append(item)
    return out


def references(text: str) -> list[str]:
    """The GUIDs of the fragments a memo refers to, in order, each once."""
    return list(dict.fromkeys(r.guid for b in parse(text) for r in b.references))


# -- plain text --------------------------------------------------------------------------------

QuoteText = Callable[[Reference], str | None]


def plain_inline(block: Block, quote: QuoteText | None = None) -> str:
    """A block's text without markup; references as the quote (or the label, in quotes)."""
    parts: list[str] = []
    for item in block.inlines:
        if isinstance(item, Run):
            parts.append(item.text)
        else:
            shown = quote(item) if quote is not None else None
            parts.append(shown if shown is not None else f"“{item.label}”")
    return "".join(parts).strip()


def word_count(text: str) -> int:
    """Words a reader reads (list marks and markup not counted)."""
    return sum(len(plain_inline(block).split()) for block in parse(text))


def flatten(text: str, quote: QuoteText | None = None) -> str:
    """The memo as readable plain text: paragraphs, ``-``/``1.`` list lines, no markup.

    For REFI-QDA memos and other plain-text destinations. `quote` renders a reference (e.g. as
    the attributed quote); by default its label is shown in quotation marks.
    """
    out: list[str] = []
    previous = ""
    for block in parse(text):
        body = plain_inline(block, quote)
        if block.kind in ("bullet", "number"):
            mark = "-" if block.kind == "bullet" else f"{block.number}."
            line = "  " * block.level + f"{mark} {body}"
            if previous in ("bullet", "number"):
                out[-1] += "\n" + line
            else:
                out.append(line)
        else:
            out.append(body)
        previous = block.kind
    return "\n\n".join(out)
