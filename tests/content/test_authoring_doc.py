"""docs/authoring.md cannot drift: its reference and tables are generated, its tutorial quotes
real files, its examples check, and every link in the documentation leads somewhere."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from game.cli import main
from game.content import models
from game.content.library import load_bundle
from game.content.reference import END, SECTIONS, START, embed, embedded, reference_text
from game.content.reference import main as reference_main
from game.content.templates import ATTRIBUTES
from game.content.validate import (
    GROUPS,
    MEMBER_FIELDS,
    SCENARIO_SINGLE,
    STAKEHOLDER_FIELDS,
)
from game.content.walk import FIELDS
from game.resources import SCENARIOS
from game.sim.acts import ACTS
from game.sim.guide_tables import MARKERS, measured, tables
from game.sim.guide_tables import main as tables_main


@pytest.fixture(scope="module")
def document(repo_root: Path) -> str:
    return (repo_root / "docs" / "authoring.md").read_text(encoding="utf-8")


def test_embedded_reference_equals_the_generated_one(document):
    assert embedded(document) == reference_text(), (
        "docs/authoring.md is stale: run `python -m game.content.reference --write "
        "docs/authoring.md`"
    )


def test_embedded_tables_equal_what_the_engine_measures(document):
    for name, text in tables().items():
        assert embedded(document, *MARKERS[name]) == text, (
            f"the {name} table in docs/authoring.md is stale: run `python -m "
            "game.sim.guide_tables --write docs/authoring.md`"
        )


def test_reference_covers_every_model_effect_and_act():
    text = reference_text()
    for tag in models.EFFECT_TYPES:
        assert f"### `{tag}`" in text
    effects = set(models.EFFECT_TYPES.values())
    for model in FIELDS:
        if model not in effects:
            assert model in SECTIONS, model.__name__
    assert "| `informed_decisions` |" in text
    assert "| `obsequious` (Eager to please) |" in text
    assert "act (see [the table of acts](#the-table-of-acts))" in text
    acts = tables()["acts"]
    for how in ACTS:
        assert acts.count(f"| `{how}` |") == 2, how


def test_reference_names_every_condition_name_and_text_variable():
    text = reference_text()
    for name in SCENARIO_SINGLE:
        assert f"| `{name}` |" in text
    for group in GROUPS:
        assert f"`{group}." in text
    for name in MEMBER_FIELDS:
        assert f"`MEMBER.{name}`" in text
    for name in STAKEHOLDER_FIELDS:
        assert f"`stakeholders.ID.{name}`" in text
    for name in ("flags.NAME", "counters.NAME", "problems.ID"):
        assert f"`{name}`" in text
    for attribute in ATTRIBUTES:
        assert f"`{{ID.{attribute}}}`" in text
    assert "[CondText](#condtext)" in text


def test_the_table_of_acts_shows_that_the_same_act_helps_one_person_and_hurts_another():
    checklist, open_brief = measured("checklist"), measured("open_brief")
    assert checklist["executive"]["morale"] > 0 > checklist["erudite"]["morale"]
    assert open_brief["erudite"]["morale"] > 0 > open_brief["executive"]["morale"]


def test_write_replaces_only_the_text_between_the_markers(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text(f"# Title\n\nintro\n\n{START}\nold\n{END}\n\nafter\n", encoding="utf-8")
    assert reference_main(["--write", str(doc)]) == 0
    written = doc.read_text(encoding="utf-8")
    assert written.startswith("# Title\n\nintro\n\n")
    assert written.endswith(f"{END}\n\nafter\n")
    assert embedded(written) == reference_text()


def test_tables_are_written_between_their_own_markers(tmp_path):
    doc = tmp_path / "doc.md"
    markers = "".join(f"{start}\nold\n{end}\nkept\n" for start, end in MARKERS.values())
    doc.write_text(f"# Title\n{markers}", encoding="utf-8")
    assert tables_main(["--write", str(doc)]) == 0
    written = doc.read_text(encoding="utf-8")
    assert written.count("kept\n") == len(MARKERS) and "old" not in written
    for name, text in tables().items():
        assert embedded(written, *MARKERS[name]) == text


def test_document_without_markers_is_refused():
    with pytest.raises(ValueError, match="markers"):
        embed("no markers here", "text")


# --- the tutorial -----------------------------------------------------------------------------


def _without_comments(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))


def _section(document: str, heading: str) -> str:
    start = document.index(f"\n## {heading}")
    end = document.find("\n## ", start + 1)
    return document[start:end]


def test_tutorial_quotes_the_bundled_example_exactly(document):
    tutorial = document[document.index("## Step 1") : document.index("## Step 7")]
    blocks = re.findall(r"```yaml\n(.*?)```", tutorial, re.DOTALL)
    examples = [
        _without_comments((SCENARIOS / name).read_text(encoding="utf-8"))
        for name in ("example_team.yaml", "example_release.yaml")
    ]
    assert len(blocks) == 8
    for block in blocks:
        assert any(_without_comments(block) in example for example in examples), block
    quoted = "".join(blocks)
    for example in examples:  # every line of both files is shown somewhere
        missing = [line for line in example.splitlines() if line and line not in quoted]
        assert missing == []


def test_the_example_is_format_2_with_an_act_a_stakeholder_and_a_conditional_debrief(capsys):
    bundle = load_bundle(SCENARIOS / "example_release.yaml")
    scenario = bundle.scenario
    assert scenario.format == 2 and scenario.languages == ["en", "ru"]
    assert [s.id for s in scenario.stakeholders] == ["client"]
    effects = [e for ev in scenario.events for c in ev.choices for e in c.effects]
    assert any(isinstance(e, models.Act) for e in effects)
    assert any(isinstance(part, models.CondText) for part in scenario.endings[0].debrief)
    paths = [str(SCENARIOS / f"example_{n}.yaml") for n in ("release", "team")]
    assert main(["check", "--deep", "--require-lang", "en,ru", *paths]) == 0
    assert "0 errors in 0 files, 0 warnings" in capsys.readouterr().out


def _consoles(section: str) -> list[tuple[str, str]]:
    """(command, output) of each console block in a part of the document."""
    return re.findall(r"```console\n\$ (.*?)\n(.*?)```", section, re.DOTALL)


def _run(command: str, capsys: pytest.CaptureFixture[str]) -> str:
    args = command.split()
    assert args[0] == "leadsim"
    main(args[1:])
    return capsys.readouterr().out


def test_step_7_shows_what_check_really_prints(document, repo_root, tmp_path, capsys, monkeypatch):
    clean, first, second = _consoles(_section(document, "Step 7: check, then playtest"))
    monkeypatch.chdir(repo_root)
    assert _run(clean[0], capsys) == clean[1]
    # the same typos in a copy of the example, at the same relative path
    folder = tmp_path / "game" / "data" / "scenarios"
    folder.mkdir(parents=True)
    shutil.copy(SCENARIOS / "example_team.yaml", folder)
    text = (SCENARIOS / "example_release.yaml").read_text(encoding="utf-8")
    fixed = text.replace("        if: oleg.revealed\n", "        if: oleg.reveald\n")
    fixed = fixed.replace("      en: Bugs {oleg} had", "      en: Bugs {olge} had")
    broken = fixed.replace("        applies: [clear_priorities, planning]", "        aplies: "
                           "[clear_priorities, planning]")  # fmt: skip
    broken = broken.replace("{type: priorities, change: 2}", "{type: priority, change: 2}")
    assert broken.count("\n") == text.count("\n") and broken != fixed != text
    monkeypatch.chdir(tmp_path)
    (folder / "example_release.yaml").write_text(broken, encoding="utf-8")
    assert _run(first[0], capsys) == first[1]
    (folder / "example_release.yaml").write_text(fixed, encoding="utf-8")
    assert _run(second[0], capsys) == second[1]


def test_the_example_of_a_good_decision_checks_clean(document, tmp_path, capsys):
    block = re.findall(r"```yaml\n(.*?)```", _section(document, "What a good decision"), re.DOTALL)
    assert len(block) == 1
    (tmp_path / "team.yaml").write_text(
        "kind: team\nid: pair_a\nname: A\nmembers:\n"
        "  - {id: dmitry, name: Dmitry, role: Analyst, archetype: executive}\n",
        encoding="utf-8",
    )
    (tmp_path / "scenario.yaml").write_text(
        "kind: scenario\nformat: 2\nid: good_decision\ntitle: T\nsummary: S\nteam: pair_a\n"
        "stakeholders: [{id: client, name: Ms Petrova}]\n"
        f"events:\n{block[0]}endings:\n  - {{id: done, title: Done, debrief: Done.}}\n",
        encoding="utf-8",
    )
    assert main(["check", "--deep", str(tmp_path)]) == 0
    assert "0 errors in 0 files, 0 warnings" in capsys.readouterr().out


# --- links ------------------------------------------------------------------------------------


def _anchor(heading: str) -> str:
    """The anchor a Markdown heading gets on the usual hosts: lower case, punctuation dropped,
    spaces as hyphens."""
    text = heading.strip().lower()
    kept = "".join(
        c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN"
    )  # fmt: skip
    return kept.replace(" ", "-")


def _anchors(markdown: str) -> set[str]:
    prose = re.sub(r"```.*?```", "", markdown, flags=re.DOTALL)
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6} (.+)$", prose, re.MULTILINE):
        base = _anchor(heading)
        name, n = base, 0
        while name in found:
            n += 1
            name = f"{base}-{n}"
        found.add(name)
    return found


def _links(markdown: str) -> list[str]:
    prose = re.sub(r"```.*?```", "", markdown, flags=re.DOTALL)
    prose = re.sub(r"`[^`\n]*`", "", prose)
    return re.findall(r"\]\(([^)\s]+)\)", prose)


def _documents(repo_root: Path) -> list[Path]:
    return [repo_root / "README.md", *sorted((repo_root / "docs").glob("*.md"))]


def test_anchors_are_made_the_usual_way():
    assert _anchor("Step 3: the first event — a person, a hidden problem, a cost") == (
        "step-3-the-first-event--a-person-a-hidden-problem-a-cost"
    )
    assert _anchor("Format 1 files and `leadsim upgrade`") == "format-1-files-and-leadsim-upgrade"
    assert _anchor("`later`") == "later"


def test_every_relative_link_and_anchor_in_the_documentation_leads_somewhere(repo_root):
    dead = []
    for doc in _documents(repo_root):
        text = doc.read_text(encoding="utf-8")
        for link in _links(text):
            if re.match(r"[a-z]+:", link):
                continue  # a web address or mailto: not checked here
            path, _, anchor = link.partition("#")
            target = (doc.parent / path).resolve() if path else doc
            if not target.exists():
                dead.append(f"{doc.name}: {link} (no such file)")
            elif (
                anchor
                and target.suffix == ".md"
                and anchor not in _anchors(target.read_text(encoding="utf-8"))
            ):
                dead.append(f"{doc.name}: {link} (no such heading)")
    assert dead == []


def test_a_dead_link_or_anchor_is_found():
    text = "# Title\n\n## Two words\n\nSee [a](#two-words), [b](#three-words) and `[c](#code)`.\n"
    assert _links(text) == ["#two-words", "#three-words"]
    assert _anchors(text) == {"title", "two-words"}
