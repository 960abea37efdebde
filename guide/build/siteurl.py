"""The site's address, as the build sees it.

``mkdocs.yml`` reads it from the environment: ``site_url: !ENV [SITE_URL, <default>]``.
The deploy sets SITE_URL from the repository's Pages settings (actions/configure-pages),
so a fork publishes under its own address without editing a file; everywhere else
(``make build``, ``make serve``, the tests) the default applies. Both MkDocs and Zensical
read ``!ENV`` the same way: the first variable that is set, else the last item.
Tests, tools and macros.py (the sheet prints the address) ask here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


def resolve(value: object, environ: Mapping[str, str] = os.environ) -> str:
    """``site_url`` as read by ``yaml.BaseLoader`` (a string, or the ``!ENV`` list) to the address."""
    if isinstance(value, list):
        *names, default = value if len(value) > 1 else [*value, ""]
        for name in names:
            if name in environ:
                return environ[name]
        return str(default)
    return str(value)


def site_url(config: Path = ROOT / "mkdocs.yml", environ: Mapping[str, str] = os.environ) -> str:
    """The address the build in this environment gives the site, such as https://example.org/guide/."""
    raw = yaml.load(config.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return resolve(raw.get("site_url", ""), environ)


class _EnvLoader(yaml.SafeLoader):
    """SafeLoader that reads ``!ENV`` as MkDocs does."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    """``!ENV NAME`` or ``!ENV [NAME, ..., default]``, resolved from the environment."""
    if isinstance(node, yaml.SequenceNode):
        return resolve(loader.construct_sequence(node))
    if isinstance(node, yaml.ScalarNode):
        return resolve([loader.construct_scalar(node)])
    raise yaml.constructor.ConstructorError(None, None, "!ENV takes a name or a list of names and a default", node.start_mark)


_EnvLoader.add_constructor("!ENV", _env_tag)


def load_config(config: Path = ROOT / "mkdocs.yml") -> dict[Any, Any]:
    """``mkdocs.yml`` with typed values and its ``!ENV`` tags resolved from the environment."""
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_EnvLoader)
    if not isinstance(data, dict):
        raise ValueError(f"{config}: not a set of 'key: value' lines")
    return data
