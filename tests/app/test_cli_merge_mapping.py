"""`duiding merge --plan` and `--map` on real project files (DESIGN.md section 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coding.project import Project
from coding.types import SegmentFilter
from tests.app.test_cli_analysis import run
from tests.coding.test_analysis import build
from tests.coding.test_merge_mapping import student


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    lead = tmp_path / "lead.duiding"
    build(lead, coder="Lead").close()
    return lead, student(tmp_path / "tim.duiding")


def test_plan_prints_suggestions_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    lead, other = files
    before = lead.read_bytes()
    code, out, err = run(capsys, "merge", lead, other, "--plan", "--json")
    assert (code, err) == (0, "")
    [src] = json.loads(out)["sources"]
    rows = {u["path"]: (u["suggestion"], u["target"], u["segments"]) for u in src["unmatched"]}
    assert rows["Toegang/Wachttijden"] == ("similar_name", "toegang/wachttijd", 1)
    assert rows["Samenwérking"] == ("same_name", "samenwerking", 1)
    assert rows["nazorg/evaluatie"] == ("create", None, 1)
    code, out, _ = run(capsys, "merge", lead, other, "--plan")
    assert code == 0
    assert "Toegang/Wachttijden (1 fragmenten) -> toegang/wachttijd [vergelijkbare naam]" in out
    assert "nazorg (0 fragmenten) -> (nieuwe code) [nieuwe code]" in out
    assert lead.read_bytes() == before


def test_map_puts_codings_on_our_codes_and_twice_adds_nothing(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    lead, other = files
    maps = ["--map", "Toegang/Wachttijden=toegang/wachttijd",
            "--map", "informatie=toegang/informatie", "--map", "Samenwérking=samenwerking"]
    code, out, err = run(capsys, "merge", lead, other, *maps, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["codings_mapped"] == 3
    assert data["codes_mapped"]["informatie"] == "toegang/informatie"
    with Project.open(lead, readonly=True) as p:
        texts = {s.text: (s.codes, s.memo)
                 for s in p.segments.query(SegmentFilter(coders=("Tim",)))}
        paths = [c.path for c in p.codes.tree()]
    assert texts["wachtten heel lang"] == (["toegang/wachttijd"], "lange wachtlijst")
    assert texts["niemand legde uit"] == (["toegang/informatie"], "")
    assert "informatie" not in paths and "toegang/wachttijd/te lang" in paths
    code, out, _ = run(capsys, "merge", lead, other, *maps, "--json")
    again = json.loads(out)
    assert (again["segments_added"], again["codings_added"], again["codes_added"]) == (0, 0, [])
    code, out, _ = run(capsys, "merge", lead, other, *maps)
    assert code == 0 and "3 gekoppeld" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--map", "informatie"], "OTHER_PATH=OUR_PATH"),
        (["--map", "informatie=bestaat/niet"], "bestaat/niet"),
        (["--map", "wachten=samenwerking"], "no code 'wachten' in tim.duiding"),
    ],
)
def test_bad_map_fails_on_one_line_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], argv: list[str], message: str
) -> None:
    lead, other = files
    code, out, err = run(capsys, "merge", lead, other, *argv)
    assert code == 1 and out == ""
    assert message in err and err.count("\n") == 1
    with Project.open(lead, readonly=True) as p:
        assert p.segments.query() == [] and len(p.codes.tree()) == 4
