"""The Dutch manual (docs/handleiding) never lies about the program it describes.

Every command line in a chapter's code blocks parses with the real `duiding` parser, every
option a chapter names in backticks exists, and every menu path written as **Menu → Item** is
made of strings the Dutch interface really shows (resources/translations/*.ts). The chapters for
questionnaires, help history and privacy are in the table of contents.
"""

from __future__ import annotations

import re
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.cli import build_parser
from app.cli.output import add_read_only

REPO = Path(__file__).resolve().parent.parent
MANUAL = REPO / "docs" / "handleiding"
CHAPTERS = sorted(MANUAL.glob("*.md"))


def _code_lines(text: str) -> list[str]:
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL):
        joined = block.replace("\\\n", " ")
        lines += [line.split("  #")[0].strip() for line in joined.splitlines()
                  if line.strip().startswith("duiding ")]
    return lines


def _all_options() -> set[str]:
    parser = build_parser()
    add_read_only(parser)
    options: set[str] = set()
    sub = next(a for a in parser._actions if a.dest == "command")  # noqa: SLF001
    for command in sub.choices.values():
        for action in command._actions:  # noqa: SLF001
            options |= {o for o in action.option_strings if o.startswith("--")}
    return options


def _dutch_strings() -> set[str]:
    shown = set()
    for ts in (REPO / "resources" / "translations").glob("*.ts"):
        for message in ET.parse(ts).getroot().iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            forms = [translation.text or ""] + [n.text or "" for n in translation.iter("numerusform")]
            shown |= {f.replace("&", "").strip() for f in forms if f}
    return shown


def test_the_new_chapters_are_in_the_table_of_contents() -> None:
    index = (MANUAL / "index.md").read_text(encoding="utf-8")
    for chapter in ("10-vragenlijsten.md", "11-hulpgeschiedenis.md", "12-privacy.md"):
        assert f"]({chapter})" in index, chapter
        text = (MANUAL / chapter).read_text(encoding="utf-8")
        for picture in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
            assert (MANUAL / picture).is_file(), (chapter, picture)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_every_command_line_in_the_manual_parses(chapter: Path) -> None:
    options = _all_options()
    for line in _code_lines(chapter.read_text(encoding="utf-8")):
        argv = shlex.split(line)[1:]
        written = {a.split("=")[0] for a in argv if a.startswith("--")}
        assert written <= options, (line, written - options)  # argparse would take a prefix
        parser = build_parser(argv[0])
        add_read_only(parser)
        try:
            args = parser.parse_args(argv)
        except SystemExit:
            pytest.fail(f"{chapter.name}: `{line}` does not parse")
        assert getattr(args, "func", None), line


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_every_option_the_manual_names_exists(chapter: Path) -> None:
    options = _all_options()
    text = chapter.read_text(encoding="utf-8")
    named = {m for span in re.findall(r"`([^`\n]+)`", text)
             for m in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", span)}
    assert named <= options, (chapter.name, sorted(named - options))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.name)
def test_every_menu_path_is_what_the_dutch_interface_shows(chapter: Path) -> None:
    shown = _dutch_strings()
    text = chapter.read_text(encoding="utf-8")
    for path in re.findall(r"\*\*([^*\n]+ → [^*\n]+)\*\*", text):
        for part in (p.strip() for p in path.split("→")):
            if part.startswith("Fragment: "):  # 'Fragment: {codes}', the codes under the cursor
                continue
            assert part in shown, (chapter.name, path, part)
