"""What the safe reader builds: YAML 1.2 core values, anchors and merges, and positions."""

from __future__ import annotations

import pytest

from game.content.yamlbuild import MAX_MERGES
from game.content.yamlload import Mark, YamlError, load


def value(text: str) -> object:
    return load(text.encode("utf-8")).value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("12", 12),
        ("0x10", 16),
        ("0o17", 15),
        ("1.5e3", 1500.0),
        ("'12'", "12"),
        ("!!str 12", "12"),
        ("!!float 2", 2.0),
        ("2024-05-01", "2024-05-01"),
    ],
)
def test_scalars_follow_the_yaml_1_2_core_schema(text, expected):
    result = value(f"a: {text}\n")
    assert result == {"a": expected}
    assert type(result["a"]) is type(expected)  # type: ignore[index]


def test_tag_that_does_not_fit_its_value_is_refused():
    with pytest.raises(YamlError) as err:
        value("a: !!int many\n")
    assert (err.value.message, err.value.mark, err.value.path) == (
        "'many' is not a valid int",
        Mark(1, 4, False, True),
        ("a",),
    )


def test_anchors_aliases_and_merge_keys_work():
    result = value(
        "base: &base {morale: 0.5, stress: 0.2}\n"
        "anna:\n  <<: *base\n  stress: 0.4\n"
        "list: [*base, *base]\n"
    )
    assert result == {
        "base": {"morale": 0.5, "stress": 0.2},
        "anna": {"stress": 0.4, "morale": 0.5},
        "list": [{"morale": 0.5, "stress": 0.2}] * 2,
    }


def test_keys_keep_the_text_the_author_wrote():
    assert value("null: 1\ntrue: 2\n1.0: 3\n") == {"null": 1, "true": 2, "1.0": 3}


def test_every_key_value_and_item_knows_its_position():
    doc = load(b"kind: team\nmembers:\n  - id: anna\n    name: 'Anna'\n")
    root = doc.value
    assert root.key_mark("members") == Mark(2, 1, False, True)
    member = root["members"][0]
    assert root["members"].item_mark(0) == member.mark
    assert member.value_mark("name") == Mark(4, 11, True, True)


def test_text_spanning_lines_is_not_inline():
    doc = load(b'a: >-\n  two\n  lines\nb: "esc\\"aped"\nc: plain\n')
    assert not doc.value.value_mark("a").inline
    assert not doc.value.value_mark("b").inline
    assert doc.value.value_mark("c").inline


def test_recursive_alias_is_refused():
    with pytest.raises(YamlError) as err:
        value("a: &x [1, *x]\n")
    assert err.value.message == "alias *x refers to the node that contains it"


def test_key_that_is_a_mapping_is_refused():
    with pytest.raises(YamlError) as err:
        value("? {a: 1}\n: b\n")
    assert err.value.message == "a key must be plain text, not a list or a mapping"


def test_merges_up_to_the_limit_are_applied():
    text = "a: &a {k: 1}\nb:\n" + "  <<: *a\n" * MAX_MERGES + "  j: 2\n"
    assert value(text)["b"] == {"k": 1, "j": 2}  # type: ignore[index]


def test_one_merge_past_the_limit_is_refused_where_it_stands():
    text = "a: &a {k: 1}\nb:\n" + "  <<: *a\n" * (MAX_MERGES + 1)
    with pytest.raises(YamlError) as err:
        value(text)
    assert (err.value.mark.line, err.value.mark.column, err.value.path) == (
        MAX_MERGES + 3,
        3,
        ("b", "<<"),
    )
    assert err.value.message == f"more than {MAX_MERGES:,} '<<' merges in one file"
