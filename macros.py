"""The guide's macros, for mkdocs-macros and Zensical (``module_name: macros`` in every site configuration).

A thin adapter. The macros are declared in guide/render/macrospecs.py and written in guide/build/library.py, with the
project they draw on (the facts, strings, glossary and partials of one edition, every page checked);
this file hands them to the engine, and runs the post-build steps after a MkDocs build. Nothing here
needs MkDocs (Zensical has none) but the one exception type MkDocs prints without a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from guide.build import library, postbuild
from guide.build.engine import BuildEnv, MacrosEnv
from guide.errors import GuideError, GuideErrors
from guide.render import macrospecs


def define_env(env: MacrosEnv) -> None:
    """Load and check this edition of the guide (every problem at once), then register its macros."""
    try:
        project = library.load_project(Path(env.project_dir), getattr(env, "conf", None), page=lambda: env.page, handed=True)
    except GuideErrors as exc:
        raise stop(exc) from None
    for name in macrospecs.MACROS:
        env.macro(_stopping(project.macro(name)), name)
    env.guide_project = project
    for warning in library.overdue_warnings(project):
        print(f"WARNING  -  {warning}", file=sys.stderr)


def on_post_build(env: BuildEnv) -> None:
    """After a MkDocs build: guide/build/postbuild.py (the Content-Security-Policy last)."""
    try:
        postbuild.after_mkdocs(env.conf)
    except (GuideError, GuideErrors, postbuild.MarkupChanged) as exc:
        raise stop(exc) from None


def stop(exc: Exception) -> Exception:
    """The exception that stops the build with the editor's message. MkDocs prints a PluginError as a
    clean error line with no traceback; Zensical (no MkDocs) reports any exception's message."""
    try:
        from mkdocs.exceptions import PluginError
    except ImportError:
        return exc
    return PluginError(str(exc))


def _stopping(macro: Callable[..., Markup]) -> Callable[..., Markup]:
    """``macro``, whose editor's messages (a problem found while a page renders) stop the build cleanly."""
    def run(*args: object, **kwargs: object) -> Markup:
        try:
            return macro(*args, **kwargs)
        except (GuideError, GuideErrors) as exc:
            raise stop(exc) from None
    run.__name__, run.__doc__ = macro.__name__, macro.__doc__
    return run
