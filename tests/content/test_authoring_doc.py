"""docs/authoring.md cannot drift: its reference is generated, its tutorial quotes real files."""

from __future__ import annotations

import re

import pytest

from game.content.reference import END, START, embed, embedded, main, reference_text


def test_embedded_reference_equals_the_generated_one(repo_root):
    document = (repo_root / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert embedded(document) == reference_text(), (
        "docs/authoring.md is stale: run `python -m game.content.reference --write "
        "docs/authoring.md`"
    )


def test_reference_lists_every_effect_type_and_principle():
    text = reference_text()
    for effect in ("adjust", "later", "reveal", "flag", "schedule", "leave", "milestone"):
        assert f"### `{effect}`" in text
    assert "| `informed_decisions` |" in text
    assert "| `obsequious` (Eager to please) |" in text


def test_write_replaces_only_the_text_between_the_markers(tmp_path):
    doc = tmp_path / "doc.md"
    doc.write_text(f"# Title\n\nintro\n\n{START}\nold\n{END}\n\nafter\n", encoding="utf-8")
    assert main(["--write", str(doc)]) == 0
    written = doc.read_text(encoding="utf-8")
    assert written.startswith("# Title\n\nintro\n\n")
    assert written.endswith(f"{END}\n\nafter\n")
    assert embedded(written) == reference_text()


def test_document_without_markers_is_refused():
    with pytest.raises(ValueError, match="markers"):
        embed("no markers here", "text")


def _without_comments(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))


def test_tutorial_quotes_the_bundled_example_exactly(repo_root):
    document = (repo_root / "docs" / "authoring.md").read_text(encoding="utf-8")
    tutorial = document[document.index("## Step 1") : document.index("## Step 7")]
    blocks = re.findall(r"```yaml\n(.*?)```", tutorial, re.DOTALL)
    examples = [
        _without_comments(
            (repo_root / "game" / "data" / "scenarios" / name).read_text(encoding="utf-8")
        )
        for name in ("example_team.yaml", "example_release.yaml")
    ]
    assert len(blocks) == 8
    for block in blocks:
        assert any(_without_comments(block) in example for example in examples), block
