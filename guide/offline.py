"""Run the macros module's ``define_env`` outside any build engine.

Tests and the editor tools (``make facts``, ``make review``) use this to get
the loaded facts and the page scan exactly as a build would see them.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from . import pages, schema
from .engine import BuildConfig, MacrosEnv, Page
from .library import Project

DefineEnv = Callable[[MacrosEnv], None]
"""``macros.py``'s ``define_env``."""


class OfflineEnv:
    """The few parts of the macros plugin's ``env`` that ``define_env`` uses (``guide.engine.MacrosEnv``)."""

    guide_project: Project
    """Set by ``define_env``."""

    def __init__(self, project_dir: Path, conf: BuildConfig | None = None) -> None:
        self.project_dir = str(project_dir)
        self.conf = conf  # None: the English edition (macros.py reads mkdocs.yml itself); SPANISH below for the Spanish one
        self.variables: dict[str, Any] = {}
        self.macros: dict[str, Callable[..., Any]] = {}
        self.filters: dict[str, Callable[..., Any]] = {}
        self.page: Page | None = None

    def macro(self, fn: Callable[..., Any], name: str = "") -> Callable[..., Any]:
        self.macros[name or fn.__name__] = fn
        return fn


@dataclass(frozen=True)
class OfflineTheme:
    """The ``theme`` setting as ``define_env`` reads it outside an engine (``guide.engine.Theme``)."""

    language: str
    custom_dir: str | None = None


SPANISH: BuildConfig = {"theme": OfflineTheme("es"), "docs_dir": "docs-es"}
"""What mkdocs.es.yml tells define_env: the Spanish edition, its pages in docs-es/."""


def load_project(define_env: DefineEnv, root: Path,
                 conf: BuildConfig | None = None) -> tuple[schema.Facts, pages.Site, OfflineEnv]:
    """Load ``root`` as a build would (``conf=SPANISH``: the Spanish edition); return the facts, the page scan and the env."""
    env = OfflineEnv(root, conf)
    define_env(env)
    return env.guide_project.facts, env.guide_project.site, env


def project_define_env(root: Path) -> DefineEnv:
    """The ``define_env`` of ``root/macros.py``, loaded by path as a build loads it."""
    spec = importlib.util.spec_from_file_location(f"_macros_{abs(hash(str(root)))}", root / "macros.py")
    assert spec and spec.loader, root
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    define_env = getattr(module, "define_env", None)
    if not callable(define_env):
        raise AttributeError(f"{root / 'macros.py'} has no define_env(env)")
    return cast(DefineEnv, define_env)  # a module loaded by path: mypy cannot see its types
