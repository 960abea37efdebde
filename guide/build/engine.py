"""What ``macros.py`` uses of the build engine's objects, as types mypy checks it against.

mkdocs-macros calls ``define_env(env)`` and ``on_post_build(env)`` with its plugin object;
Zensical calls ``define_env`` with a small stand-in (``zensical.extensions.macros.MacroEnv``);
tests and tools skip it and call ``guide.build.library.load_project``. None of them is imported
here (Zensical runs without MkDocs): these Protocols describe only the attributes the guide reads
or writes, so a change in how ``macros.py`` uses the engine shows in ``make lint``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypedDict


class Page(Protocol):
    """The page being rendered. MkDocs' pages name their file ``file.src_path``, Zensical's ``path``
    (``macros.py``'s ``_page_path`` reads either)."""

    @property
    def meta(self) -> Mapping[str, object]:
        """The page's front matter, as the engine read it (Zensical gives dates as text)."""


class Theme(Protocol):
    """MkDocs' ``theme`` setting."""

    @property
    def custom_dir(self) -> str | None:
        """The folder of theme overrides (``overrides``), or ``None``."""


class Address(Protocol):
    """MkDocs' ``dev_addr`` setting (where ``mkdocs serve`` listens)."""

    @property
    def host(self) -> str: ...

    @property
    def port(self) -> int: ...


class BuildConfig(TypedDict, total=False):
    """The settings of ``mkdocs.yml`` the guide reads, as the engine resolved them (``!ENV`` included).

    MkDocs' configuration has every key; Zensical's (a plain dict) has the ones the file sets.
    """

    site_dir: str
    docs_dir: str
    use_directory_urls: bool
    theme: Theme
    site_url: str | None
    repo_url: str | None
    dev_addr: Address | None
    extra: Mapping[str, Any]
    config_file_path: str


class MacrosEnv(Protocol):
    """What ``define_env`` uses of the engine's ``env``."""

    @property
    def project_dir(self) -> str:
        """The folder of ``mkdocs.yml``."""

    @property
    def conf(self) -> BuildConfig | None:
        """The engine's configuration; ``None`` outside an engine (``OfflineEnv``)."""

    @property
    def page(self) -> Page | None:
        """The page being rendered (read only while a page renders: MkDocs refuses it earlier)."""

    def macro(self, fn: Callable[..., Any], name: str = "", /) -> object:
        """Make ``fn`` callable from pages as ``{{ name(...) }}``."""

    # define_env leaves what it loaded here (a guide.build.library.Project), for a look inside from the tests;
    # named only as an object, so this module of engine types imports nothing of the guide's.
    guide_project: object


class BuildEnv(Protocol):
    """What ``on_post_build`` uses of mkdocs-macros' ``env`` (Zensical does not call it)."""

    @property
    def conf(self) -> BuildConfig: ...
