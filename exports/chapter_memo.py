"""A memo in the chapter, formatted as written: the opening of each theme section.

The memo's Markdown (`coding.memo_text`) becomes Word paragraphs in the chapter's styles:
paragraphs in Normal with bold, italic and underlined runs; bullet items in List Bullet (List
Bullet 2/3 when nested, where the template has them); numbered items in List Number, each list
restarting at its own first number; a heading line as a bold paragraph (a memo's headings must not
enter the table of contents). A fragment reference renders as the attributed quote the chapter
prints everywhere else (`exports.chapter_data.Quote`): alone in its paragraph, as a Quote-style
paragraph; inside a sentence, as the quoted words with their attribution. A reference to a
fragment that no longer exists is left out (`duiding memos` and the workspace flag it).

Everything written here is in the document when the chapter passes the pseudonymisation guard,
so a memo is checked like every other text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from coding.memo_text import Block, Reference, Run, parse
from exports import chapter_docx as w
from exports.chapter_data import Quote

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph


def add_memo(doc: DocxDocument, text: str, quotes: Mapping[str, Quote],
             real_bullets: bool) -> None:
    """Append a memo to the document (see the module docstring for the layout)."""
    numbering = _Numbering(doc)
    previous: Block | None = None
    for block in parse(text):
        in_list = block.kind in ("bullet", "number")
        if not in_list or (block.kind == "number" and block.level == 0 and previous is not None
                           and previous.kind == "bullet" and previous.level == 0):
            numbering.end_list()  # a new list counts from its own first number
        previous = block
        if block.is_reference_only:
            quote = quotes.get(block.references[0].guid)
            if quote is not None:
                w.add_quote(doc, quote.text, quote.attribution)
            continue
        if block.kind == "bullet":
            p = w.para(doc, "", _list_style(doc, "List Bullet", block.level))
            if not real_bullets:
                p.add_run("• ")
        elif block.kind == "number":
            p = numbering.item(block)
        else:
            p = w.para(doc)
        _runs(p, block, quotes, bold=block.kind == "heading")
        if block.kind == "heading":
            p.paragraph_format.keep_with_next = True


def _runs(p: Paragraph, block: Block, quotes: Mapping[str, Quote], bold: bool = False) -> None:
    for item in block.inlines:
        if isinstance(item, Run):
            run = p.add_run(item.text)
            if item.bold or bold:
                run.bold = True
            if item.italic:
                run.italic = True
            if item.underline:
                run.underline = True
        elif isinstance(item, Reference):
            quote = quotes.get(item.guid)
            if quote is not None:
                p.add_run(f"‘{quote.text}’")
                if quote.attribution:
                    p.add_run(f" {quote.attribution}")


def _list_style(doc: DocxDocument, base: str, level: int) -> str:
    for name in ([f"{base} {level + 1}"] if level else []) + [base]:
        if _has_style(doc, name):
            return name
    return "Normal"


def _has_style(doc: DocxDocument, name: str) -> bool:
    try:
        doc.styles[name]
    except KeyError:
        return False
    return True


class _Numbering:
    """Numbered items in Word's own numbering, restarting for every list in the chapter.

    All 'List Number' paragraphs share one Word list, so two memos' lists would count on from
    each other; each list therefore gets its own numbering instance (w:num) over the style's
    list definition, starting at the list's first number. A template whose List Number has no
    numbering behind it gets the number written in the text.
    """

    def __init__(self, doc: DocxDocument) -> None:
        self._doc = doc
        self._num_id: int | None = None
        self._abstract: str | None = None
        self._style = _list_style(doc, "List Number", 0)
        self._checked = False

    def end_list(self) -> None:
        self._num_id = None

    def item(self, block: Block) -> Paragraph:
        """A numbered item: the list's numbering at the item's level (nested: ilvl 1, 2...)."""
        p = w.para(self._doc, "", self._style)
        abstract = self._abstract_id()
        if abstract is None:
            p.add_run("  " * block.level + f"{block.number}. ")
            return p
        if self._num_id is None:
            self._num_id = self._new_num(abstract, block.number)
        numpr = p._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = min(block.level, 8)
        numpr.get_or_add_numId().val = self._num_id
        return p

    def _abstract_id(self) -> str | None:
        if self._checked:
            return self._abstract
        self._checked = True
        if self._style != "List Number":
            return None
        from docx.oxml.ns import qn

        style = self._doc.styles["List Number"].element
        num = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        if num is None:
            return None
        numbering = self._numbering()
        if numbering is None:
            return None
        for el in numbering.findall(qn("w:num")):
            if el.get(qn("w:numId")) == num.get(qn("w:val")):
                ref = el.find(qn("w:abstractNumId"))
                self._abstract = ref.get(qn("w:val")) if ref is not None else None
        return self._abstract

    def _numbering(self) -> Any:
        try:
            return self._doc.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return None

    def _new_num(self, abstract: str, start: int) -> int:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        numbering = self._numbering()
        used = [int(el.get(qn("w:numId"))) for el in numbering.findall(qn("w:num"))]
        num_id = max(used, default=0) + 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), abstract)
        num.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        begin = OxmlElement("w:startOverride")
        begin.set(qn("w:val"), str(start))
        override.append(begin)
        num.append(override)
        numbering.append(num)
        return num_id
