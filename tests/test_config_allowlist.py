"""The site configurations by allowlist (issue 20): what a contributor's pull request could slip into
mkdocs.yml, mkdocs.es.yml, zensical.yml, zensical.es.yml, preview.yml, preview.es.yml or a file they
INHERIT is refused before any engine reads it, with a message (file, line, Found, Expected, Fix).

Every refusal here but test_escapes_and_tags_stay_refused was accepted by the pre-flight of ce57211 (the
main this work started from): with that guide/build/preflight.py, each test of a refused input fails (checked once
by running this module against it: 7 of 153 tests pass there, the one of what editors may do and the six
of test_escapes_and_tags_stay_refused). The pre-flight's own docstring lists the rules.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from guide.build import preflight
from guide.errors import GuideError, GuideErrors
from guide.render import mdconfig
from support import BIN, BUILD_LIMIT, MAKE_PARTS, ROOT
from tools.project import BUILD_PARTS, copy_project

PARTS = ("docs", "docs-es", *preflight.CONFIGS)
PWNED = Path("/tmp/guide-pwned")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The pages and the six configurations, as the pre-flight reads them."""
    return copy_project(tmp_path / "p", PARTS)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"not in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _messages(project: Path) -> list[str]:
    """Every message of the pre-flight, each complete (Found, Expected, Fix), none a traceback."""
    with pytest.raises((GuideError, GuideErrors)) as info:
        preflight.check_config(project)
    value = info.value
    errors = value.errors if isinstance(value, GuideErrors) else [value] if isinstance(value, GuideError) else []
    assert errors
    for error in errors:
        msg = str(error)
        assert "Traceback" not in msg
        assert msg.startswith(f"{error.file}:{error.line}: " if error.line else f"{error.file}: "), msg
        for part in ("Found: ", "Expected: ", "Fix: "):
            assert part in msg, f"{part!r} missing from: {msg}"
    assert not PWNED.exists()
    return [str(e) for e in errors]


def _refused(project: Path, config: str, old: str, new: str, says: str) -> list[str]:
    _edit(project / config, old, new)
    msgs = _messages(project)
    assert any(says in m for m in msgs), "\n".join(msgs)
    return msgs


# --- the real configurations, and what editors may do ------------------------------------------------


def test_the_real_configurations_pass() -> None:
    preflight.check_config(ROOT)
    flat = {expected.flat for expected in preflight.EXPECTED.values()}  # written by make build-zensical from a configuration
    assert set(preflight.CONFIGS) == {p.name for p in ROOT.glob("*.yml")} - flat, "every configuration is pre-flighted"


def test_nav_titles_in_any_language_still_pass(project: Path) -> None:
    _edit(project / "mkdocs.yml", "  - Does it hurt?: pain.md", '  - "Does it hurt? Yes: a little, “really” & why": pain.md')
    _edit(project / "mkdocs.es.yml", "  - ¿Duele?: pain.md", "  - ¿Duele? ¡Sí, un poquito! Ñandú, acción, pingüino: pain.md")
    preflight.check_config(project)


# --- strings the theme prints: plain text, no markup, no way out of an attribute or a script ----------


@pytest.mark.parametrize("config, old, new, says", [
    # Material: __md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location), hashed into the CSP
    ("mkdocs.es.yml", "  scope: /guide/", """  scope: '/guide/",alert(document.domain),"'""",
     "the extra.scope in mkdocs.es.yml is not an absolute path ending in '/'"),
    ("mkdocs.es.yml", "  scope: /guide/", "  scope: https://evil.example/", "the extra.scope in mkdocs.es.yml"),
    ("mkdocs.yml", "      name: English", "      name: <img src=x onerror=alert(1)>",
     "the extra.editions.en.name in mkdocs.yml is not plain text: it contains an angle bracket '<'"),
    ("zensical.es.yml", "  variant: classic", """  variant: classic\nextra:\n  editions:\n    es:\n      name: 'Español" onclick="alert(1)'""",
     "the extra.editions.es.name in zensical.es.yml is not plain text: it contains a straight double quote"),
    ("mkdocs.yml", "      root: ./es/", "      root: javascript:alert(1)//", "the extra.editions.es.root in mkdocs.yml"),
    ("mkdocs.yml", "      root: ./es/", "      root: ../../../", "the extra.editions.es.root in mkdocs.yml"),
    ("mkdocs.yml", "site_name: The microneedling guide", 'site_name: "The guide\\u2028alert(1)"',
     "the site_name in mkdocs.yml is not plain text: it contains a line separator (U+2028)"),
    ("mkdocs.yml", "      lang: es", "      lang: es\" onclick=\"alert(1)", "the extra.editions.es.lang in mkdocs.yml"),
    # Material: aria-label="{{ option.toggle.name }}" and title="{{ option.toggle.name }}", unescaped
    ("mkdocs.yml", "        name: Switch to dark mode", """        name: 'Dark" autofocus onfocus="alert(1)'""",
     "the theme.palette[0].toggle.name in mkdocs.yml is not plain text: it contains a straight double quote"),
    ("mkdocs.es.yml", "        name: Cambiar al modo claro", "        name: <b>Claro</b>",
     "the theme.palette[1].toggle.name in mkdocs.es.yml is not plain text"),
    ("mkdocs.yml", "        icon: material/brightness-4", "        icon: ../../../../etc/passwd",
     "the theme.palette[0].toggle.icon in mkdocs.yml is not an icon name"),
    ("mkdocs.yml", '    - media: "(prefers-color-scheme: light)"', '    - media: \'x" onclick="alert(1)\'',
     "the theme.palette[0].media in mkdocs.yml is not an allowed value"),
    # Material: <meta name="description" content="{{ config.site_description }}">, unescaped: a refresh to another site
    ("mkdocs.yml", "site_description: >-\n  A plain-English", """site_description: >-\n  0;url=https://evil.example" http-equiv="refresh" A plain-English""",
     "the site_description in mkdocs.yml is not plain text: it contains a straight double quote"),
    ("mkdocs.yml", "site_name: The microneedling guide", """site_name: 'Guide" onmouseover="alert(1)'""",
     "the site_name in mkdocs.yml is not plain text"),
    ("mkdocs.yml", '"microneedling-guide/guide"]', '"<script>alert(1)</script>"]', "the repo_name in mkdocs.yml is not plain text"),
    ("mkdocs.yml", '"https://github.com/microneedling-guide/guide"]', '"javascript:alert(1)"]',
     "the repo_url in mkdocs.yml is not an https:// address"),
    ("mkdocs.yml", "edit_uri: edit/main/docs/", "edit_uri: https://evil.example/", "the edit_uri in mkdocs.yml is not a path"),
    ("zensical.es.yml", "  variant: classic", "  variant: classic\nsite_name: Espa\u202eñol", "it contains an invisible character (U+202E)"),
])
def test_printed_strings_are_plain_text(project: Path, config: str, old: str, new: str, says: str) -> None:
    _refused(project, config, old, new, says)


# --- INHERIT: followed, read as safely as the file that names it --------------------------------------


@pytest.mark.parametrize("added, says", [
    ('\nx: !!python/object/apply:os.system ["touch /tmp/guide-pwned"]\n',
     "base.yml:{end}: the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' in base.yml"),
    ("\nhooks:\n  - evil.py\n", "base.yml:{end}: the setting 'hooks' in base.yml"),
    ("\nextra_javascript:\n  - https://evil.example/x.js\n", "base.yml:{end}: the setting 'extra_javascript' in base.yml"),
])
def test_an_inherited_file_is_checked_like_the_one_that_names_it(project: Path, added: str, says: str) -> None:
    """MkDocs loads an INHERIT file with PyYAML's unsafe loader; ce57211's pre-flight never read it."""
    base = (project / "mkdocs.yml").read_text(encoding="utf-8") + added
    (project / "base.yml").write_text(base, encoding="utf-8")
    end = base.count("\n") - added.count("\n") + 2
    msgs = _refused(project, "preview.yml", "INHERIT: mkdocs.yml", "INHERIT: base.yml", says.format(end=end))
    assert all(m.startswith("base.yml:") for m in msgs), msgs


def test_inherit_is_followed_recursively(project: Path) -> None:
    (project / "deeper.yml").write_text("INHERIT: mkdocs.yml\nhooks: [evil.py]\n", encoding="utf-8")
    (project / "middle.yml").write_text("INHERIT: deeper.yml\n", encoding="utf-8")
    _refused(project, "preview.yml", "INHERIT: mkdocs.yml", "INHERIT: middle.yml", "deeper.yml:2: the setting 'hooks' in deeper.yml")


@pytest.mark.parametrize("target, says", [
    ("nothere.yml", "preview.yml:4: the INHERIT of preview.yml names a file that does not exist: 'nothere.yml'"),
    ("../outside.yml", "the INHERIT of preview.yml names a file outside the project"),
    ("docs/../../outside.yml", "the INHERIT of preview.yml names a file outside the project"),
    ("/etc/passwd", "the INHERIT of preview.yml is not a relative path"),
    ("docs", "the INHERIT of preview.yml names a folder, not a file"),
    ("[mkdocs.yml, mkdocs.es.yml]", "the INHERIT of preview.yml is not a file name"),
    ("!ENV [SITE_URL, mkdocs.yml]", "the INHERIT of preview.yml is not a file name"),
    ("link.yml", "the INHERIT of preview.yml goes through a symbolic link"),
    ("preview.es.yml", "INHERIT makes a loop: preview.es.yml -> preview.yml -> preview.es.yml"),
])
def test_inherit_names_a_file_of_the_project(project: Path, target: str, says: str) -> None:
    (project.parent / "outside.yml").write_text("site_name: x\nhooks: [evil.py]\n", encoding="utf-8")
    (project / "link.yml").symlink_to(project.parent / "outside.yml")
    if target == "preview.es.yml":
        _edit(project / "preview.es.yml", "INHERIT: mkdocs.es.yml", "INHERIT: preview.yml")
    _refused(project, "preview.yml", "INHERIT: mkdocs.yml", f"INHERIT: {target}", says)


def test_a_loop_through_the_main_configuration_is_a_message(project: Path) -> None:
    msgs = _refused(project, "mkdocs.yml", "site_name:", "INHERIT: preview.yml\nsite_name:",
                    "INHERIT makes a loop: mkdocs.yml -> preview.yml -> mkdocs.yml")
    assert len(msgs) == 1, msgs


# --- plugins, theme, Markdown: listed names, fixed values ---------------------------------------------


MACROS_OPTION = "      on_undefined: strict\n"


@pytest.mark.parametrize("option", ["j2_block_start_string", "j2_block_end_string", "j2_variable_start_string",
                                    "j2_variable_end_string", "j2_comment_start_string", "j2_comment_end_string",
                                    "j2_extensions", "modules", "include_dir", "include_yaml", "render_by_default",
                                    "force_render_paths", "verbose"])
def test_macros_options_are_fixed(project: Path, option: str) -> None:
    """A j2_* delimiter hides a page's Jinja from the page check; modules and includes run or read other files."""
    msgs = _refused(project, "mkdocs.yml", MACROS_OPTION, MACROS_OPTION + f"      {option}: '[['\n",
                    f"the setting 'plugins[1].macros.{option}' in mkdocs.yml")
    if option.startswith("j2_"):
        assert "other delimiters would hide Jinja from it" in msgs[0]


SEPARATOR = f"      separator: '{preflight.SEARCH_SEPARATOR}'"
"""The search plugin's separator line, as mkdocs.yml and mkdocs.es.yml write it (issue 23)."""


@pytest.mark.parametrize("config, old, new, says", [
    ("mkdocs.yml", "      module_name: macros", "      module_name: evil", "the plugins[1].macros.module_name in mkdocs.yml"),
    ("zensical.es.yml", "  variant: classic\n", "  variant: classic\nplugins:\n  - search\n  - macros:\n      module_name: docs/evil\n",
     "the plugins[1].macros.module_name in zensical.es.yml"),
    ("mkdocs.yml", "      on_error_fail: true", "      on_error_fail: false", "the plugins[1].macros.on_error_fail in mkdocs.yml"),
    ("mkdocs.yml", "      on_error_fail: true\n", "", "the macros option 'on_error_fail' is missing from mkdocs.yml"),
    ("mkdocs.yml", "      module_name: macros\n", "", "the macros option 'module_name' is missing from mkdocs.yml"),
    ("mkdocs.yml", "  - macros:\n", "  - material/privacy\n  - macros:\n", "the plugin 'material/privacy' in mkdocs.yml"),
    ("mkdocs.yml", "      separator:", "      lang: ja\n      separator:", "the plugins[0].search.lang in mkdocs.yml"),
    # The search separator is a regular expression every reader's browser runs over every page: one fixed value.
    ("mkdocs.yml", SEPARATOR, "      separator: '(a+)+$'", "the plugins[0].search.separator in mkdocs.yml is not an allowed value"),
    ("mkdocs.es.yml", SEPARATOR, "      separator: '[\\s\\-]+'", "the plugins[0].search.separator in mkdocs.es.yml is not an allowed value"),
    ("mkdocs.yml", SEPARATOR, "      separator: !ENV [SEP, ' ']", "a value from the environment (!ENV) for 'plugins[0].search.separator'"),
    ("mkdocs.yml", "      separator:", "      pipeline: [stemmer]\n      separator:", "the setting 'plugins[0].search.pipeline' in mkdocs.yml"),
    ("mkdocs.es.yml", "  - macros:\n      module_name: macros\n      on_error_fail: true\n      on_undefined: strict\n", "",
     "mkdocs.es.yml does not run the macros plugin"),
    ("mkdocs.yml", "  custom_dir: overrides", "  custom_dir: docs", "the theme.custom_dir in mkdocs.yml is not an allowed value"),
    ("mkdocs.yml", "  custom_dir: overrides\n", "", "the setting 'theme.custom_dir' is missing from mkdocs.yml"),
    ("mkdocs.yml", "  name: material", "  name: readthedocs", "the theme.name in mkdocs.yml"),
    ("mkdocs.yml", "  font: false", "  font:\n    text: Roboto", "the setting 'theme.font' in mkdocs.yml is not a single value"),
    ("mkdocs.yml", "  language: en", "  language: ../../x", "the theme.language in mkdocs.yml"),
    ("mkdocs.es.yml", "  language: es", "  language: en", "the theme.language of mkdocs.es.yml is 'en', not 'es'"),
    ("mkdocs.yml", "    - search.highlight", "    - search.highlight\n    - navigation.instant", "the theme.features[3] in mkdocs.yml"),
    ("mkdocs.yml", "  font: false", "  font: false\n  favicon: https://evil.example/x.png", "the setting 'theme.favicon' in mkdocs.yml"),
    ("mkdocs.yml", "  font: false", "  font: false\n  variant: classic", "the setting 'theme.variant' in mkdocs.yml, read by MkDocs"),
    ("zensical.yml", "  variant: classic", "  variant: modern", "the theme.variant in zensical.yml"),
])
def test_plugins_and_theme_by_allowlist(project: Path, config: str, old: str, new: str, says: str) -> None:
    _refused(project, config, old, new, says)


SNIPPETS = "      base_path: [includes]\n      restrict_base_path: true\n      auto_append:\n        - abbreviations.md\n      check_paths: true\n"


@pytest.mark.parametrize("old, new", [
    ("base_path: [includes]", "base_path: [/etc]"),
    ("base_path: [includes]", "base_path: [includes, .]"),
    ("        - abbreviations.md", "        - /etc/passwd"),
    ("        - abbreviations.md", "        - abbreviations.md\n        - ../data/facts.yml"),
    ("restrict_base_path: true", "restrict_base_path: false"),
    ("check_paths: true", "check_paths: true\n      url_download: true"),
])
def test_snippets_read_only_the_glossary(project: Path, old: str, new: str) -> None:
    """pymdownx.snippets with base_path / auto_append pointed elsewhere published /etc/passwd on every page."""
    assert SNIPPETS in (project / "mkdocs.yml").read_text(encoding="utf-8")
    msgs = _refused(project, "mkdocs.yml", old, new, "extension 11 of mkdocs.yml is not the one in guide/render/mdconfig.py's list")
    assert "pymdownx.snippets: {base_path: ['includes']" in msgs[0]


@pytest.mark.parametrize("config, old, new, says", [
    ("mkdocs.yml", "  - pymdownx.details\n", "  - pymdownx.details\n  - pymdownx.emoji\n", "an extension mkdocs.yml adds"),
    ("mkdocs.yml", "  - md_in_html\n", "", "mkdocs.yml lacks extensions of guide/render/mdconfig.py's list for the English edition"),
    ("mkdocs.es.yml", "permalink_title: Enlace permanente", "permalink_title: Permanent link",
     "extension 7 of mkdocs.es.yml is not the one in guide/render/mdconfig.py's list for the Spanish edition"),
    ("mkdocs.yml", "      permalink: true", "      permalink: 1", "extension 7 of mkdocs.yml"),
    ("preview.yml", "site_dir: site-preview", "site_dir: site-preview\nmarkdown_extensions: [abbr]", "preview.yml lacks extensions"),
])
def test_markdown_extensions_are_exactly_mdconfigs(project: Path, config: str, old: str, new: str, says: str) -> None:
    msgs = _refused(project, config, old, new, says)
    assert len(msgs) == 1, msgs


def test_mdconfig_is_what_the_configurations_give() -> None:
    from guide.build.siteurl import load_config

    for name, expected in preflight.EXPECTED.items():
        if "INHERIT" not in (ROOT / name).read_text(encoding="utf-8"):
            assert load_config(ROOT / name)["markdown_extensions"] == mdconfig.as_config(expected.lang), name


# --- every setting listed; !ENV only where the address and the repository come from ------------------


@pytest.mark.parametrize("config, old, new, says", [
    ("mkdocs.yml", "strict: true", "strict: true\nextra_templates:\n  - x.html", "the setting 'extra_templates' in mkdocs.yml"),
    ("mkdocs.yml", "strict: true", "strict: true\ndev_addr: 0.0.0.0:80", "the setting 'dev_addr' in mkdocs.yml"),
    ("mkdocs.yml", "extra:\n", "extra:\n  analytics:\n    provider: google\n    property: G-X\n",
     "the setting 'extra.analytics' in mkdocs.yml"),
    ("mkdocs.yml", "extra:\n", "extra:\n  homepage: https://evil.example/\n", "the setting 'extra.homepage' in mkdocs.yml"),
    ("mkdocs.yml", "strict: true", "strict: false", "the strict in mkdocs.yml"),
    ("mkdocs.yml", "    not_found: warn", "    not_found: ignore", "the validation.nav.not_found in mkdocs.yml"),
    ("mkdocs.yml", "  - macros.py\n", "  - macros.py\n  - /\n", "the watch[4] in mkdocs.yml"),
    ("mkdocs.yml", "  _*.md", "  *.md", "the exclude_docs in mkdocs.yml"),
    ("mkdocs.yml", "site_name: The microneedling guide", "site_name: !ENV [GITHUB_TOKEN, The microneedling guide]",
     "a value from the environment (!ENV) for 'site_name' in mkdocs.yml"),
    ("mkdocs.yml", 'repo_name: !ENV [REPO_NAME, "microneedling-guide/guide"]', "repo_name: !ENV [ACTIONS_RUNTIME_TOKEN, x]",
     "the !ENV of 'repo_name' in mkdocs.yml is not one the build may read"),
    ("mkdocs.yml", 'site_url: !ENV [SITE_URL, "https://microneedling-guide.github.io/guide/"]', "site_url: !ENV SITE_URL",
     "the !ENV of 'site_url' in mkdocs.yml is not one the build may read"),
    ("mkdocs.yml", '"https://microneedling-guide.github.io/guide/"]', '"javascript:alert(1)//"]',
     "the site_url in mkdocs.yml is not an https:// address ending in '/'"),
    # the published address and repository come from the deploy's environment, never from a file's literal value
    ("mkdocs.yml", 'site_url: !ENV [SITE_URL, "https://microneedling-guide.github.io/guide/"]', "site_url: https://evil.example/",
     "the site_url in mkdocs.yml does not come from the environment"),
    ("mkdocs.yml", 'repo_url: !ENV [REPO_URL, "https://github.com/microneedling-guide/guide"]', "repo_url: https://evil.example/",
     "the repo_url in mkdocs.yml does not come from the environment"),
    ("mkdocs.es.yml", "site_url: !ENV [SITE_URL_ES,", "site_url: !ENV [SITE_URL,", "the site_url of mkdocs.es.yml reads SITE_URL"),
    ("mkdocs.yml", 'url: !ENV [SITE_URL_ES, "https', 'url: !ENV [SITE_URL, "https', "the !ENV of 'extra.editions.es.url' in mkdocs.yml"),
    ("mkdocs.yml", 'url: !ENV [SITE_URL_ES, "https://microneedling-guide.github.io/guide/es/"]',
     'url: !ENV [SITE_URL_ES, "https://x.example/es/\\" onload=\\"alert(1)"]', "the extra.editions.es.url in mkdocs.yml"),
    # Zensical's --clean empties site_dir; MkDocs and Zensical read the pages from docs_dir
    ("zensical.yml", "site_dir: site-zensical", "site_dir: .", "the site_dir in zensical.yml is not an allowed value"),
    ("zensical.yml", "site_dir: site-zensical", "site_dir: site", "the site_dir of zensical.yml is 'site', not 'site-zensical'"),
    ("preview.yml", "site_dir: site-preview", "site_dir: /tmp", "the site_dir in preview.yml"),
    ("mkdocs.es.yml", "docs_dir: docs-es", "docs_dir: data", "the docs_dir in mkdocs.es.yml"),
    ("mkdocs.es.yml", "docs_dir: docs-es", "docs_dir: docs", "the docs_dir of mkdocs.es.yml is 'docs', not 'docs-es'"),
])
def test_every_setting_is_listed(project: Path, config: str, old: str, new: str, says: str) -> None:
    _refused(project, config, old, new, says)


def test_the_environment_is_checked_too(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What !ENV reads: the default in the file, and the variable when the environment sets it."""
    monkeypatch.setenv("SITE_URL", 'https://x.example/"><script>alert(1)</script>/')
    monkeypatch.setenv("REPO_NAME", "<b>fork</b>")
    msgs = _messages(project)
    assert any("the site_url in mkdocs.yml (from the environment variable SITE_URL) is not an https:// address" in m for m in msgs)
    assert any("the repo_name in mkdocs.yml (from the environment variable REPO_NAME) is not plain text" in m for m in msgs)
    monkeypatch.setenv("SITE_URL", "https://fork.github.io/guide/")
    monkeypatch.setenv("REPO_NAME", "fork/guide")
    preflight.check_config(project)


# --- preview.yml, preview.es.yml and zensical.yml: pre-flighted, merged as their engine merges ---------


@pytest.mark.parametrize("config, added, says", [
    ("preview.yml", "hooks:\n  - evil.py\n", "the setting 'hooks' in preview.yml"),
    ("preview.es.yml", "extra_javascript:\n  - https://evil.example/x.js\n", "the setting 'extra_javascript' in preview.es.yml"),
    ("preview.yml", "copyright: <script>alert(1)</script>\n", "the copyright in preview.yml is not plain text"),
    ("preview.es.yml", 'x: !!python/object/apply:os.system ["touch /tmp/guide-pwned"]\n', "the YAML tag"),
    ("preview.yml", "theme:\n  custom_dir: /etc\n", "the theme.custom_dir in preview.yml"),
])
def test_the_preview_configurations_are_checked(project: Path, config: str, added: str, says: str) -> None:
    msgs = _refused(project, config, "site_dir:", added + "site_dir:", says)
    assert all(m.startswith(f"{config}:") for m in msgs), msgs


@pytest.mark.parametrize("added, says", [
    # a nav anywhere but mkdocs.yml and mkdocs.es.yml is refused as such (tests/test_nav.py)
    ("nav:\n  - Our partner: https://evil.example/\n", "zensical.yml:{key}: a nav in zensical.yml"),
    ("nav:\n  - Home again: index.md\n", "zensical.yml:{key}: a nav in zensical.yml"),
    ("markdown_extensions:\n  - pymdownx.snippets:\n      base_path: [/etc]\n      auto_append: [passwd]\n",
     "zensical.yml:{n}: an extension zensical.yml adds to guide/render/mdconfig.py's list"),
    ("plugins:\n  - macros:\n      module_name: macros\n      on_error_fail: true\n      on_undefined: strict\n",
     "zensical.yml:{n}: the plugin 'macros' is listed twice in zensical.yml"),
    ("theme:\n  palette:\n    - media: \"(prefers-color-scheme: light)\"\n", "'theme.palette' lists"),
])
def test_zensical_appends_inherited_lists(project: Path, added: str, says: str) -> None:
    """Zensical's INHERIT appends lists (nav, plugins, markdown_extensions, palette) where MkDocs replaces them."""
    path = project / "zensical.yml"
    n = path.read_text(encoding="utf-8").count("\n") + 2
    path.write_text(path.read_text(encoding="utf-8") + added, encoding="utf-8")
    msgs = _messages(project)
    assert any(says.format(n=n, key=n - 1) in m for m in msgs), msgs
    if "Zensical" in "".join(msgs):
        assert any("Zensical's INHERIT appends" in m for m in msgs), msgs


def test_mkdocs_replaces_inherited_lists(project: Path) -> None:
    """The same nav line under preview.yml (MkDocs) would replace mkdocs.yml's nav: refused, as any nav outside
    mkdocs.yml and mkdocs.es.yml, and not taken for a second listing of index.md."""
    _edit(project / "preview.yml", "site_dir:", "nav:\n  - Home: index.md\nsite_dir:")
    msgs = _messages(project)
    line = (project / "preview.yml").read_text(encoding="utf-8").splitlines().index("nav:") + 1
    assert any(m.startswith(f"preview.yml:{line}: a nav in preview.yml") for m in msgs), msgs
    assert not any("twice" in m for m in msgs), msgs


# --- reading: safe YAML only -------------------------------------------------------------------------


def test_data_files_refuse_directives_too() -> None:
    """yamlsrc.hazards, shared by the data loader and the pre-flight: a %TAG directive could give !! another meaning."""
    from guide.data.yamlsrc import load_text

    with pytest.raises(GuideError, match="a directive '%TAG', which this file may not use"):
        load_text("%TAG !e! tag:yaml.org,2002:python/\n---\na: 1\n", "data/facts.yml")


@pytest.mark.parametrize("config, old, new, says", [
    ("mkdocs.yml", "site_name: The", "site_name: &n The", "an anchor '&n' in mkdocs.yml"),
    ("mkdocs.yml", "copyright: >-", "site_author: *n\ncopyright: >-", "an alias '*n' in mkdocs.yml"),
    ("mkdocs.yml", "# The microneedling guide: site configuration.", "%TAG !e! tag:yaml.org,2002:python/\n---",
     "a directive '%TAG' in mkdocs.yml"),
    ("mkdocs.yml", "theme:\n", "theme:\n  <<: {custom_dir: docs}\n", "a merge key '<<' in mkdocs.yml"),
    ("mkdocs.yml", "  - macros:\n", "  - materialx.emoji\n  - macros:\n", "the word 'materialx' in mkdocs.yml"),
    ("zensical.es.yml", "  variant: classic\n", "  variant: classic\n  # material.extensions.emoji\n",
     "the word 'material.extensions' in zensical.es.yml"),
    ("mkdocs.yml", "strict: true", "strict: true\nstrict: false", "the setting 'strict' is given twice in mkdocs.yml"),
    ("mkdocs.yml", "strict: true", "strict: true\nyes: 1", "the key 'yes' is not read as a name"),
])
def test_yaml_that_could_hide_a_setting_is_refused(project: Path, config: str, old: str, new: str, says: str) -> None:
    _refused(project, config, old, new, says)


@pytest.mark.parametrize("config, old, new, says", [
    ("mkdocs.yml", "site_name: The microneedling guide", 'site_name: "\\u003cscript\\u003e"',
     "the site_name in mkdocs.yml is not plain text: it contains an angle bracket '<'"),
    ("mkdocs.yml", "strict: true", 'strict: true\n"hook\\x73": [evil.py]', "the setting 'hooks' in mkdocs.yml"),
    ("mkdocs.yml", "strict: true", "strict: true\n!!str hooks: [evil.py]", "the setting 'hooks' in mkdocs.yml"),
    ("mkdocs.yml", "strict: true", "strict: true\nx: !<tag:yaml.org,2002:python/object/apply:os.system> [id]",
     "the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' in mkdocs.yml"),
    ("mkdocs.yml", "strict: true", "strict: true\nx: !relative $config_dir", "the YAML tag '!relative' in mkdocs.yml"),
    ("mkdocs.yml", "strict: true", "strict: true\n---\nhooks: [evil.py]", "mkdocs.yml is not valid YAML"),
])
def test_escapes_and_tags_stay_refused(project: Path, config: str, old: str, new: str, says: str) -> None:
    """Self-review attempts that ce57211's pre-flight already refused (it read the parsed key and value, and
    every node's tag): kept so the allowlist keeps refusing them. Every other refusal here is new."""
    _refused(project, config, old, new, says)


@pytest.mark.parametrize("content", [
    b"", b"- a\n- b\n", b"just words\n", b"\xff\xfes\x00i\x00", b"site_name: x\x00y\n", b"site_name: [unclosed\n",
    b"INHERIT: [a, b]\n", b"site_name: x\nplugins: 5\n", b"site_name: x\nplugins: {macros: {}}\n", b"site_name: x\nnav: {a: b}\n",
    b"site_name: x\ntheme: material\n", b"site_name: x\ntheme:\n  palette: x\n", b"site_name: x\nextra: []\n",
    b"site_name: x\nextra:\n  editions:\n    en: x\n", b"site_name: x\nnav:\n  - A: [1, {b: c}]\n  - {}\n  - null\n",
    b"site_name: x\nmarkdown_extensions: {abbr: {}}\n", b"site_name: x\nplugins:\n  - {search: 1, macros: 2}\n  - [x]\n",
    b"site_name: 2026-13-01\nsite_author: 1\n", b"- " * 40 + b"x\n", b"site_name: !ENV {a: b}\n",
])
def test_every_bad_input_is_a_message_not_a_traceback(project: Path, content: bytes) -> None:
    (project / "preview.yml").write_bytes(content)
    msgs = _messages(project)
    assert msgs and all(m.startswith("preview.yml") for m in msgs), msgs


@pytest.mark.parametrize("content, says", [
    ("x: " + "[" * 200_000, "preview.yml:1: nesting deeper than 12 levels"),
    ("x: " + "{a: " * 100_000, "preview.yml:1: nesting deeper than 12 levels"),
    ("site_name: " + "a" * 900_000, "preview.yml:1: a value of 900000 characters"),
    ("".join(f"k{i}: 1\n" for i in range(5_000)), "the setting 'k4999' in preview.yml"),
])
def test_a_huge_file_is_refused_quickly_and_briefly(project: Path, content: str, says: str) -> None:
    """Self-review: scanning on after too deep nesting took 8 minutes for 400,000 brackets, a message quoted
    a megabyte-long line, and 5,000 problems were compared with each other one by one."""
    (project / "preview.yml").write_text(content, encoding="utf-8")
    msgs = _messages(project)
    assert any(says in m for m in msgs), msgs[:3]
    assert max(len(m) for m in msgs) < 1000


@pytest.mark.build
def test_the_command_prints_the_messages_and_fails(project: Path) -> None:
    """`python -m guide.build.preflight`, as make runs it: every message, no traceback, exit 1."""
    (project / "preview.yml").write_bytes(b"\xff\xfes\x00i\x00")
    _edit(project / "mkdocs.yml", "strict: true", "strict: true\nhooks: [evil.py]")
    proc = subprocess.run([sys.executable, "-m", "guide.build.preflight", str(project)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stderr.startswith("ERROR    -  2 problems found:\n  - mkdocs.yml:"), proc.stderr
    assert "preview.yml: the file is not saved as UTF-8 text" in proc.stderr


def test_every_problem_at_once_sorted_by_file_and_line(project: Path) -> None:
    _edit(project / "mkdocs.yml", "strict: true", "strict: true\nhooks: [evil.py]")
    _edit(project / "mkdocs.yml", "site_name: The", "site_name: <b>The</b>")
    _edit(project / "mkdocs.yml", "  - Sources: sources.md", "  - Sources: sources.md\n  - Evil: https://evil.example/")
    _edit(project / "mkdocs.es.yml", "  scope: /guide/", "  scope: x")
    with pytest.raises(GuideErrors) as info:
        preflight.check_config(project)
    errors = info.value.errors
    assert [(e.file, e.line) for e in errors] == sorted((e.file, e.line or 0) for e in errors)
    assert [e.file for e in errors] == ["mkdocs.es.yml", "mkdocs.yml", "mkdocs.yml", "mkdocs.yml"], [str(e) for e in errors]
    assert str(info.value).startswith("4 problems found:")


# --- make preview: pre-flight first, atomic -----------------------------------------------------------


def _make_preview(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "-s", "-o", ".venv/.site", f"BIN={BIN}", "preview"], cwd=project, capture_output=True,
                          text=True, timeout=BUILD_LIMIT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.mark.build
def test_make_preview_runs_the_preflight_and_keeps_the_previous_preview(tmp_path: Path) -> None:
    """ce57211's make preview ran neither the pre-flight nor an atomic build: a failed build left a half-written site-preview/."""
    project = copy_project(tmp_path / "p", (*BUILD_PARTS, *MAKE_PARTS, "preview.yml", "preview.es.yml"))
    first = _make_preview(project)
    assert first.returncode == 0, first.stdout + first.stderr
    preview = project / "site-preview"
    assert (preview / "pain.html").is_file() and (preview / "es" / "pain.html").is_file()
    before = {p.relative_to(preview): p.read_bytes() for p in preview.rglob("*") if p.is_file()}
    # a page the Spanish build refuses (the English one has already been written by then)
    _edit(project / "docs-es" / "pain.md", "\n# ", "\n{{ config }}\n\n# ")
    failed = _make_preview(project)
    assert failed.returncode != 0 and "the variable 'config' in the page" in failed.stdout + failed.stderr
    # a configuration the pre-flight refuses: the build never starts
    _edit(project / "docs-es" / "pain.md", "\n{{ config }}\n\n# ", "\n# ")
    _edit(project / "preview.yml", "site_dir:", "hooks: [evil.py]\nsite_dir:")
    refused = _make_preview(project)
    assert refused.returncode != 0 and "the setting 'hooks' in preview.yml" in refused.stderr
    assert "Building documentation" not in refused.stdout + refused.stderr
    after = {p.relative_to(preview): p.read_bytes() for p in preview.rglob("*") if p.is_file()}
    assert after == before, "the previous preview is left as it was"
    assert not (project / ".site-preview-new").exists()


@pytest.mark.build
def test_the_empty_snippets_folder_is_removed_when_the_process_ends() -> None:
    """The page reader points snippets at an empty folder of its own; each run used to leave one in /tmp."""
    code = ("from guide.content import reading; reading.to_html('x'); import os; "
            "folder = reading._empty_folder(); assert os.path.isdir(folder); print(folder)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    folder = done.stdout.strip()
    assert folder and not os.path.exists(folder), folder
