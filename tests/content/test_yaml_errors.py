"""Files that are not readable YAML, or not one safe YAML mapping: each refused at its node."""

from __future__ import annotations

import time
from pathlib import Path

from game.content.yamlload import MAX_BYTES
from tests.content.checking import FILES, check, single

YAML = FILES / "yaml"


def test_syntax_error_points_at_the_quote_never_closed():
    d = single(YAML / "unclosed_quote.yaml")
    assert (d.line, d.column, d.field) == (3, 7, "name")
    assert d.message == "YAML syntax: this quoted text is never closed"
    assert d.hint == "add the closing quote"


def test_colon_inside_plain_text_suggests_quotes():
    d = single(YAML / "colon_in_text.yaml")
    assert (d.line, d.column, d.field) == (4, 18, "summary")
    assert d.message == "YAML syntax: a ': ' inside unquoted text"
    assert d.hint == "put the text in quotes, or put each key on its own line"


def test_tab_indentation_is_refused_at_the_tab():
    d = single(YAML / "tab_indent.yaml")
    assert (d.line, d.column, d.field) == (5, 1, "members")
    assert "tab" in d.message
    assert d.hint == "replace the tab with spaces"


def test_duplicate_key_is_reported_at_the_second_key():
    d = single(YAML / "duplicate_key.yaml")
    assert (d.line, d.column, d.field) == (8, 5, "members[0].name")
    assert d.message == "duplicate key 'name'"
    assert d.hint == "it is already set at line 6; remove one of them"


def test_python_tag_never_constructs_anything():
    d = single(YAML / "python_tag.yaml")
    assert (d.line, d.column, d.field) == (3, 7, "name")
    assert d.message == "tag !!python/object/apply:os.system is not allowed"


def test_unknown_tag_is_refused():
    d = single(YAML / "unknown_tag.yaml")
    assert (d.line, d.column, d.field) == (4, 10, "members")
    assert d.message == "tag !include is not allowed"


def test_alias_bomb_is_refused_fast():
    started = time.perf_counter()
    d = single(YAML / "alias_bomb.yaml")
    elapsed = time.perf_counter() - started
    assert (d.line, d.column, d.field) == (9, 22, "lol6[2]")
    assert d.message == "the document expands to more than 2,000,000 values"
    assert "alias bomb" in d.hint
    # expanding it would take gigabytes and minutes; refusing it is a count, not a build
    assert elapsed < 5


def test_nesting_too_deep_is_refused_at_the_first_level_too_many():
    d = single(YAML / "too_deep.yaml")
    assert (d.line, d.column) == (3, 70)
    assert d.field.startswith("name[0]")
    assert d.message == "nesting deeper than 64 levels"


def test_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"kind: team\n" + b"# padding\n" * (MAX_BYTES // 10 + 1))
    d = single(big)
    assert (d.line, d.column, d.field) == (1, 1, "")
    assert d.message == "the file is 16.0 MB, over the 16 MB limit"
    assert d.hint == "split it into smaller scenarios"


def test_invalid_utf8_points_at_the_bad_byte():
    d = single(YAML / "invalid_utf8.yaml")
    assert (d.line, d.column, d.field) == (3, 10, "")
    assert d.message == "the file is not valid UTF-8 (byte 0xe9)"
    assert d.hint == "save the file as UTF-8"


def test_utf16_with_bom_is_accepted():
    assert check(YAML / "utf16_bom.yaml") == []


def test_nul_byte_is_refused_where_it_is():
    d = single(YAML / "nul_byte.yaml")
    assert (d.line, d.column, d.field) == (3, 9, "")
    assert "control character (#x0000)" in d.message


def test_empty_file_is_refused():
    d = single(YAML / "empty.yaml")
    assert (d.line, d.column, d.field) == (1, 1, "")
    assert d.message == "the file is empty"


def test_file_of_comments_only_counts_as_empty():
    assert single(YAML / "only_comments.yaml").message == "the file is empty"


def test_document_that_is_not_a_mapping_is_refused():
    d = single(YAML / "not_a_mapping.yaml")
    assert (d.line, d.column, d.field) == (1, 1, "")
    assert d.message == "the document is a list, not a mapping"


def test_second_document_is_refused_at_its_separator():
    d = single(YAML / "two_documents.yaml")
    assert (d.line, d.column, d.field) == (3, 1, "")
    assert d.message == "a second YAML document starts here"
