"""Unit tests of the post-build touches (guide/postbuild.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.postbuild import MarkupChanged, finish_site, slim

PAGE = """<html><head><style>
  /* a comment for editors */
  .a { color: red; }
</style></head>
<body>
    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
    <p>one
       two</p>
    <pre><code>  keep
      this</code></pre>
    <PRE>  upper
      case</PRE>
    <script>var s = `a
        b`;</script>
    <p> 
       nbsp</p>
</body></html>
"""


def test_slim_drops_css_comments_and_indentation_only() -> None:
    out = slim(PAGE)
    assert "comment for editors" not in out and ".a { color: red; }" in out
    assert "<p>one\ntwo</p>" in out
    assert "<pre><code>  keep\n      this</code></pre>" in out
    assert "<PRE>  upper\n      case</PRE>" in out
    assert "<script>var s = `a\n        b`;</script>" in out
    assert "<p>\u00a0\nnbsp</p>" in out  # a no-break space is kept


def test_finish_site_fixes_toggles_and_slims(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    assert finish_site(tmp_path) == 1
    out = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'autocomplete' not in out
    assert 'type="checkbox" id="__drawer">' in out and 'type="checkbox" id="__search">' in out
    assert "comment for editors" not in out


def test_changed_theme_markup_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(PAGE.replace('id="__search" autocomplete="off"', 'id="__find"'), encoding="utf-8")
    with pytest.raises(MarkupChanged, match="#__search"):
        finish_site(tmp_path)
    (tmp_path / "index.html").write_text("<p>no theme</p>", encoding="utf-8")
    with pytest.raises(MarkupChanged, match="no Material page"):
        finish_site(tmp_path)
