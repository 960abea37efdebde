"""`make serve`: both editions of the guide, live, on one address: ``python -m tools.serve [--port 8000]``.

Run in the project folder. English is served at http://127.0.0.1:PORT/ plus the path of ``site_url``
(``/guide/``), Spanish under ``es/`` inside it, as the published site has them, so the language switch of
every page reaches its pair. Each save rebuilds the edition or editions the saved file belongs to
(:func:`touched`) and reloads the open pages; an editor's mistake is printed in the terminal, as the
build prints it (file, line, Found, Expected, Fix), and the next good save recovers without a restart.

Why not ``mkdocs serve``: it serves one configuration. This is what ``mkdocs serve`` does
(mkdocs/commands/serve.py), for two: MkDocs' own live-reload server (``mkdocs.livereload.LiveReloadServer``)
serves one folder and calls one builder when a watched file changes, and the builder here runs the
pre-flight (``guide.build.preflight``, as ``make build`` does) and then ``mkdocs.commands.build.build`` for each
edition due. English is built into that folder, Spanish into a folder of its own that the served folder
links as ``es``: MkDocs cleans its output folder before each build, which would delete a Spanish edition
built inside the English one (the link is taken away during the English build, so its post-build steps
never see the Spanish pages, as in ``make build``). Each edition's configuration is loaded again just
before its build: Material's search plugin is one object shared by every configuration loaded in the
process (MkDocs keeps plugins that have ``on_startup``), so loading both first would index English
pages with the Spanish settings.

Pages served here carry no Content-Security-Policy (``guide.build.postbuild.serving``: ``site_url`` is the served
address and ``dev_addr`` is set): the live-reload script is injected inline into every page.

It binds 127.0.0.1 only. It lives in tools/, not guide/: guide/ and macros.py import no MkDocs
(Zensical runs them too).
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import re
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

HOST = "127.0.0.1"
EDITIONS = (("en", "English", "mkdocs.yml"), ("es", "Spanish", "mkdocs.es.yml"))
"""The editions (language code, name in messages, configuration): the first is served at the root of the
site's path, each other one in the folder its ``extra.editions.<code>.root`` gives in the first's configuration."""

log = logging.getLogger("mkdocs.guide.serve")


class _Once(logging.Filter):
    """A warning or error shown once per rebuild: a mistake in the shared data stops both editions' builds
    with the same message."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        message = record.getMessage()
        if message in self.seen:
            return False
        self.seen.add(message)
        return True


ONCE = _Once()


@dataclass
class Edition:
    lang: str
    name: str
    config: Path
    site: Path
    """Where it is built."""
    url: str
    """Its served address (``site_url`` while serving)."""
    docs: Path
    reads: frozenset[Path]
    """Its configuration and every file that configuration INHERITs."""


def inherited(config: Path) -> frozenset[Path]:
    """``config`` and the files it names with INHERIT, followed (the pre-flight has checked them)."""
    chain: list[Path] = []
    path: Path | None = config.resolve()
    while path is not None and path not in chain and path.is_file():
        chain.append(path)
        found = re.search(r"^INHERIT:\s*['\"]?([^'\"\s#]+)", path.read_text(encoding="utf-8"), re.M)
        path = (path.parent / found.group(1)).resolve() if found else None
    return frozenset(chain)


def touched(paths: Iterable[str | Path], editions: list[Edition], project: Path) -> set[str]:
    """The editions a change to ``paths`` can change: a page, its own edition; a configuration, the editions
    that read it; a file named for a language other than the first edition's (``facts.es.yml``, ``es.yml``,
    ``abbreviations.es.md``, ``languages/es.html``), that edition; anything else (data, code, partials, the
    theme, the English strings, which the Spanish build checks its own against, a picture whatever its name,
    the article), every edition."""
    from guide.content.pictures import FOLDER

    langs = {e.lang for e in editions}
    due: set[str] = set()
    for raw in paths:
        path = Path(raw).resolve()
        owners = {e.lang for e in editions if path.is_relative_to(e.docs)}
        if not owners:
            owners = {e.lang for e in editions if path in e.reads}
        if not owners:
            named = set(path.name.split(".")[:-1]) & (langs - {editions[0].lang})
            shared = path.is_relative_to(project / FOLDER)  # both editions show the pictures: "chart.es.png" too
            owners = named if path.is_relative_to(project) and named and not shared else langs
        due |= owners
    return due


class Site:
    """The editions, their builds, and what the watcher saw since the last build."""

    def __init__(self, project: Path, port: int, out: Path) -> None:
        from mkdocs.config import load_config

        self.project = project
        self.port = port
        self.out = out
        self.changed: set[str] = set()
        self.lock = threading.Lock()
        self.due: set[str] = set()
        first = load_config(config_file=str(project / EDITIONS[0][2]))
        self.mount = "/" + urlsplit(first.site_url or "/").path.strip("/") + "/"
        self.mount = self.mount.replace("//", "/")
        roots = {code: str(e.get("root", "")) for code, e in (first.extra.get("editions") or {}).items()}
        self.editions: list[Edition] = []
        for lang, name, config in EDITIONS:
            path = project / config
            if not path.is_file():
                continue
            folder = "" if not self.editions else roots.get(lang, f"./{lang}/").removeprefix("./")
            if self.editions and not re.fullmatch(r"([a-z]{2}/)+", folder):
                continue  # an edition the first does not place inside itself is not served here
            docs = first.docs_dir if not self.editions else load_config(config_file=str(path)).docs_dir
            site = out / ("site" if not self.editions else f"site-{lang}")
            self.editions.append(Edition(lang, name, path, site, f"http://{HOST}:{port}{self.mount}{folder}",
                                         Path(docs).resolve(), inherited(path)))
        self.due = {e.lang for e in self.editions}

    @property
    def root(self) -> Path:
        return self.editions[0].site

    def _link(self, edition: Edition) -> Path:
        """Where the first edition's folder links ``edition``'s."""
        return self.root / edition.url.removeprefix(self.editions[0].url).rstrip("/")

    def config(self, edition: Edition) -> MkDocsConfig:
        from mkdocs.config import load_config

        config = load_config(config_file=str(edition.config), site_dir=str(edition.site), dev_addr=f"{HOST}:{self.port}")
        config.site_url = edition.url
        return config

    def record(self, paths: Iterable[str]) -> None:
        with self.lock:
            self.changed.update(p for p in paths if p)

    def build(self) -> None:
        """Build what is due: the editions the changed files touch, and any whose last build failed. Raises
        (after trying every edition due) when the pre-flight or a build failed: the server then reloads no page."""
        from mkdocs.commands.build import build
        from mkdocs.exceptions import Abort

        from guide.build import files, preflight
        from guide.errors import GuideError, GuideErrors

        with self.lock:
            changed, self.changed = self.changed, set()
        ONCE.seen.clear()
        self.due |= touched(changed, self.editions, self.project) if changed else {e.lang for e in self.editions}
        try:
            preflight.check_config(self.project)
            files.check_symlinks(self.project)
        except (GuideError, GuideErrors) as exc:
            log.error(str(exc))
            raise Abort("Aborted by the pre-flight: fix the problem above and save.") from None
        failed: BaseException | None = None
        broken: list[str] = []
        for edition in self.editions:
            if edition.lang not in self.due:
                continue
            log.info(f"Building the {edition.name} edition ({edition.config.name})")
            start = time.monotonic()
            first = edition is self.editions[0]
            links = [self._link(e) for e in self.editions[1:]] if first else []
            for link in links:  # out of the way while the first edition's folder is cleaned and post-built
                if link.is_symlink():
                    link.unlink()
            try:
                build(self.config(edition), serve_url=edition.url)
            except Exception as exc:  # noqa: BLE001 - every edition due is tried; the first failure is raised
                failed = failed or exc
                broken.append(edition.name)
                continue
            finally:
                if links:  # the first edition's build: the other editions linked in again
                    self.link_all()
            self.due.discard(edition.lang)
            log.info(f"The {edition.name} edition was built in {time.monotonic() - start:.2f} s: {edition.url}")
        if isinstance(failed, Abort):  # MkDocs' own words ("Aborted with a BuildError!") name no edition
            raise Abort(f"Aborted: the {' and '.join(broken)} edition{'s' if len(broken) > 1 else ''} did not build. "
                        "Each problem is above (file, line, what was found, the fix, as `make build` gives it); "
                        "fix it and save.") from None
        if failed is not None:
            raise failed

    def link_all(self) -> None:
        for edition in self.editions[1:]:
            link = self._link(edition)
            link.parent.mkdir(parents=True, exist_ok=True)
            if not link.is_symlink():
                link.symlink_to(edition.site, target_is_directory=True)


def also_read(project: Path) -> list[Path]:
    """What every build reads that no configuration's ``watch:`` names (it gives data, guide, includes and
    macros.py; the configurations and the theme are watched as ``mkdocs serve`` watches them): the pictures
    of both editions, and the article every fact's passage is checked against."""
    from guide.content import pictures
    from guide.data import passages

    return [folder for folder in (project / pictures.FOLDER, (project / passages.ARTICLE).parent) if folder.is_dir()]


def _server(site: Site) -> LiveReloadServer:
    import watchdog.events
    from mkdocs.livereload import LiveReloadServer

    class Server(LiveReloadServer):
        """MkDocs' server, told which files changed: each watched path also gets a handler that notes them."""

        def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
            path = os.path.abspath(path)
            new = path not in self._watched_paths
            super().watch(path, func, recursive=recursive)
            if new:
                self.observer.schedule(noter, path, recursive=recursive)

    class Noter(watchdog.events.FileSystemEventHandler):
        def on_any_event(self, event: watchdog.events.FileSystemEvent) -> None:
            if not event.is_directory:
                site.record([str(event.src_path), str(getattr(event, "dest_path", "") or "")])

    noter = Noter()
    server = Server(builder=site.build, host=HOST, port=site.port, root=str(site.root), mount_path=site.mount)

    def error_page(code: int) -> bytes | None:
        page = site.root / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    return server


def _in_use(port: int) -> str:
    return f"Port {port} is in use by another program. Run make serve PORT={port + 1} and open that port instead."


class _Serving(Protocol):
    def serve(self, *, open_in_browser: bool = False) -> None: ...


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _log_as_mkdocs() -> None:
    """The log set up as the mkdocs command sets it up: "ERROR    -  ..." lines, each warning once per rebuild."""
    from mkdocs.__main__ import ColorFormatter

    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.setLevel(logging.INFO)
    mkdocs_log.propagate = False
    handler = logging.StreamHandler()
    plain = not sys.stderr.isatty() or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb"
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s") if plain else ColorFormatter())
    handler.addFilter(ONCE)
    mkdocs_log.addHandler(handler)


def _port_free(port: int) -> bool:
    """Whether the port can be bound, told now, not after the first build; a port in use is logged."""
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            log.error(_in_use(port))
            return False
    return True


def _first_build(site: Site) -> None:
    """Both editions built once; a mistake is printed and the server starts all the same."""
    from mkdocs.exceptions import Abort

    try:
        site.build()
    except (Exception, Abort) as exc:  # noqa: BLE001 - the editor fixes what the message names and saves: the server stays
        if str(exc):
            print(exc, file=sys.stderr)
        log.warning("The preview keeps running: fix the problem above and save, and the page comes back "
                    "(an edition shows 'Not Found' until it builds).")


def _watch_all(site: Site, server: LiveReloadServer, project: Path, configs: list[MkDocsConfig]) -> LiveReloadServer:
    """The server watching what each edition's build reads, as ``mkdocs serve`` does for its one configuration,
    with each edition's plugins started (their configurations are added to ``configs``, to be shut down)."""
    for edition in site.editions:
        config = site.config(edition)
        config.plugins.on_startup(command="serve", dirty=False)
        configs.append(config)
        server.watch(str(edition.docs))
        for path in sorted(edition.reads):
            server.watch(str(path))
        for watched in config.watch:
            server.watch(watched)
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        server = config.plugins.on_serve(server, config=config, builder=site.build)
    for folder in also_read(project):
        server.watch(str(folder))
    return server


def _run(server: LiveReloadServer, port: int) -> int:
    """Serve until Ctrl-C or SIGTERM (0), or 1 if the port was taken after all."""
    running: _Serving = server  # (MkDocs leaves serve() untyped)
    try:
        running.serve()
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        log.error(_in_use(port))
        return 1
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Preview both editions on http://127.0.0.1:PORT/, rebuilt on every save.")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    project = Path.cwd().resolve()
    _log_as_mkdocs()
    signal.signal(signal.SIGTERM, _stop)
    if not _port_free(args.port):
        return 1
    out = Path(tempfile.mkdtemp(prefix="guide-serve-"))
    configs: list[MkDocsConfig] = []
    try:
        site = Site(project, args.port, out)
        _first_build(site)
        site.link_all()
        server = _watch_all(site, _server(site), project, configs)
        for edition in site.editions[1:]:
            log.info(f"The {edition.name} edition: {edition.url}")
        return _run(server, args.port)
    finally:
        for config in configs:
            config.plugins.on_shutdown()
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
