"""Upgrade alarms: the guide's copies of Material internals still match the installed theme.

Some files in overrides/ copy a Material 9.8 partial with one intended change, copy a few
of its CSS rules, or rely on how its script starts. When Material (or our copy) changes,
the copy can drift without any other test noticing. Each test here rebuilds our copy from
the installed theme's own file plus the intended change, and fails naming the file to
re-diff. After a theme upgrade, `.venv/bin/python -m pytest tests/test_upgrade_alarms.py`
is the one-command check.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from support import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"

# Material files the guide replaces without keeping any of their markup: re-read them
# when they change. sha256 of the file in the Material version the replacement was made for.
REPLACED = {
    # Restores the stored colour scheme; overrides/partials/palette.html does it before the first paint.
    "partials/javascripts/palette.html": "8790389765ea6036effddba548b15093bb05bdc75624eaeaf8b13f3c24be4ab5",
}

_JINJA_COMMENT = re.compile(r"\{#-?.*?-?#\}", re.S)


def _markup(text: str) -> str:
    """A template without its Jinja comments, white space folded."""
    return " ".join(_JINJA_COMMENT.sub("", text).split())


def _theme(name: str) -> str:
    return (THEME / name).read_text(encoding="utf-8")


def _ours(name: str) -> str:
    return (OVERRIDES / name).read_text(encoding="utf-8")


def _alarm(ours: str, theirs: str) -> str:
    return (f"overrides/{ours} no longer equals Material's {theirs} plus the guide's one intended change "
            f"(installed Material {material.__version__} at {THEME}). Re-diff the two files, carry Material's "
            f"change over (or fix the copy), then update this test.")


def test_source_partial_is_materials_without_the_github_api_component() -> None:
    """partials/source.html: the repository link, minus data-md-component="source" (a call to api.github.com)."""
    theirs = _markup(_theme("partials/source.html"))
    assert ' data-md-component="source"' in theirs, _alarm("partials/source.html", "partials/source.html")
    assert _markup(_ours("partials/source.html")) == theirs.replace(' data-md-component="source"', ""), \
        _alarm("partials/source.html", "partials/source.html")


def test_palette_partial_is_materials_form_with_the_guides_script() -> None:
    """partials/palette.html: Material's form, not mounted as its component, plus our start-up script."""
    theirs = _markup(_theme("partials/palette.html"))
    ours = _markup(_ours("partials/palette.html"))
    # the language selector (issue 15) is its own partial, included first; Material's form follows
    ours = ours.removeprefix('{% include "partials/editions.html" %} ')
    form, script = ours.split("<script data-guide-inline>", 1) if "<script data-guide-inline>" in ours else (ours, "")
    assert script.rstrip().endswith("</script>"), "overrides/partials/palette.html lost its start-up script"
    assert 'data-md-component="palette"' in theirs, _alarm("partials/palette.html", "partials/palette.html")
    expected = theirs.replace('data-md-component="palette"', "data-guide-palette")
    assert form.strip() == expected, _alarm("partials/palette.html", "partials/palette.html")


MARK = " data-guide-inline"
"""The one change in the guide's copies of the theme's inline scripts (the Content-Security-Policy
approves only marked ones, guide/build/csp.py)."""


def _scripts(text: str) -> list[str]:
    return re.findall(r"<script[^>]*>.*?</script>", _markup(text))


def test_the_themes_inline_scripts_are_copied_with_only_the_mark() -> None:
    """partials/javascripts/base.html (Material's and Zensical's) and content.html: each inline script
    as the theme writes it, plus data-guide-inline."""
    import importlib.util

    ours = _scripts(_ours("partials/javascripts/base.html"))
    material_base = _scripts(_theme("partials/javascripts/base.html"))
    assert len(material_base) == 1 and ours[1] == material_base[0].replace("<script>", "<script" + MARK + ">"), \
        _alarm("partials/javascripts/base.html", "partials/javascripts/base.html")
    theirs = _scripts(_theme("partials/javascripts/content.html"))[-1]
    assert _scripts(_ours("partials/javascripts/content.html")) == [theirs.replace("<script>", "<script" + MARK + ">")], \
        _alarm("partials/javascripts/content.html", "partials/javascripts/content.html")
    content = _markup(_ours("partials/content.html")).replace(
        "<!--guide:content-->{{ page.content | replace('<abbr title=\"', '<abbr tabindex=\"0\" title=\"') | safe }}"
        "<!--/guide:content-->", "{{ page.content }}")
    assert content == _markup(_theme("partials/content.html")), _alarm("partials/content.html", "partials/content.html")
    spec = importlib.util.find_spec("zensical")
    if spec is None or spec.origin is None:  # Zensical lives in .venv-zensical: compare its file from there
        zensical = ROOT / ".venv-zensical" / "lib" / "python3.11" / "site-packages" / "zensical"
    else:
        zensical = Path(spec.origin).parent
    zbase = zensical / "templates" / "partials" / "javascripts" / "base.html"
    if zbase.exists():
        assert ours[0] == _scripts(zbase.read_text(encoding="utf-8"))[0].replace("<script>", "<script" + MARK + ">"), \
            _alarm("partials/javascripts/base.html", "Zensical's partials/javascripts/base.html")


@pytest.mark.parametrize("name", sorted(REPLACED))
def test_replaced_material_files_are_unchanged(name: str) -> None:
    digest = hashlib.sha256((THEME / name).read_bytes()).hexdigest()
    assert digest == REPLACED[name], (
        f"Material's {name} changed (installed {material.__version__}); overrides/{name} replaces it. "
        f"Read the new file, carry over what matters, then record its sha256 here: {digest}"
    )
    assert (OVERRIDES / name).exists(), f"overrides/{name} is missing: Material's own file would run again"


def _css_rules(css: str) -> dict[str, set[str]]:
    """``selector -> {"property:value", ...}`` for plain rules (media blocks flattened), values normalised."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    out: dict[str, set[str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        decls = {re.sub(r"\b0(\.\d)", r"\1", " ".join(d.split())).replace(": ", ":")
                 for d in body.split(";") if d.strip()}
        for sel in selectors.split(","):
            sel = " ".join(sel.split())
            out.setdefault(sel, set()).update(decls)
    return out


def test_facts_table_rules_are_materials_plain_table_rules() -> None:
    """overrides/stylesheets/facts-table.css copies Material's rules for a plain table onto table.facts."""
    main_css = next((THEME / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    theirs = _css_rules(main_css)
    ours = _css_rules(_ours("stylesheets/facts-table.css"))
    copied = {sel: decls for sel, decls in ours.items() if "table.facts" in sel}
    assert copied, "no table.facts rule found in overrides/stylesheets/facts-table.css"
    for sel, decls in copied.items():
        material_sel = sel.replace("table.facts", "table:not([class])")
        assert material_sel in theirs, _alarm("stylesheets/facts-table.css", f"CSS rule '{material_sel}'")
        # Material aligns cells through "th:not([align])"; our cells never carry align.
        missing = decls - theirs[material_sel] - theirs.get(material_sel + ":not([align])", set())
        assert not missing, (_alarm("stylesheets/facts-table.css", f"CSS rule '{material_sel}'")
                             + f" Not in Material's rule: {sorted(missing)}")


def test_materials_script_wraps_plain_tables_as_the_facts_table_expects() -> None:
    """includes/partials/facts-table.html comes pre-wrapped like Material wraps a plain table."""
    bundle = next((THEME / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    wrapper = (ROOT / "includes" / "partials" / "facts-table.html").read_text(encoding="utf-8")
    for cls in ("md-typeset__scrollwrap", "md-typeset__table"):
        assert f'class:"{cls}"' in bundle, (
            f"Material's script no longer wraps tables in .{cls}: re-check includes/partials/facts-table.html "
            "and the table script in overrides/main.html")
        assert f'class="{cls}"' in wrapper
    assert 'M("table:not([class])"' in bundle or "table:not([class])" in bundle, (
        "Material's script no longer picks plain tables by table:not([class]): re-check facts-table.html")


def test_theme_script_starts_as_the_deferred_loader_expects() -> None:
    """overrides/main.html loads Material's script after the first paint and replays DOMContentLoaded."""
    base = _theme("base.html")
    block = re.search(r"\{% block scripts %\}(.*?)\{% endblock %\}", base, re.S)
    assert block, "Material's base.html has no scripts block: re-check overrides/main.html's loader"
    assert '<script src="' in block[1], (
        "Material's scripts block no longer writes <script src=\"...\">, which overrides/main.html rewrites to "
        "data-after-paint: re-check the loader there")
    bundle = next((THEME / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert "DOMContentLoaded" in bundle, (
        "Material's script no longer starts on DOMContentLoaded, which overrides/main.html sends again once the "
        "deferred script has loaded: re-check the loader there")
