"""Pictures an editor adds to a page (issue 21): PNG, JPEG or WebP files in ``pictures/``, one folder
for both editions, shown on a page with ``{{ picture("name.webp", alt="What it shows") }}``.

Every file in the folder is judged when the project loads (both engines, both editions), by its bytes,
not its name: Pillow must read it as a PNG, JPEG or WebP that is whole (``verify``), of one frame, at
most ``MAX_BYTES`` and ``MAX_SIDE`` pixels a side, named as its format. Anything else stops the build
with the file, what was found and the fix: an SVG most of all, which can carry scripts.

The folder is never published as it is: the post-build (``guide.build.postbuild``) writes each picture into
every edition's site (``site/pictures/``, ``site/es/pictures/``) saved afresh by Pillow, with none of
the file's metadata (EXIF with its GPS position, XMP, ICC profile, comments, text chunks). A JPEG turned
by its EXIF orientation is turned in its pixels first; colours in an ICC profile are converted to sRGB.

A page's ``<img>`` (includes/partials/picture.html) has the file's width and height, so nothing moves
when it arrives, and ``loading="lazy" decoding="async"``, so it costs nothing on the first view.
"""

from __future__ import annotations

import io
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from guide.errors import GuideError, GuideErrors, did_you_mean

if TYPE_CHECKING:
    from guide.data.schema import Facts

FOLDER = "pictures"
"""The one folder of pictures, at the top of the project (beside docs/ and docs-es/)."""
README = "README.md"
"""The folder's note for editors: the one file there that is not a picture."""
FORMATS = {"PNG": ("png",), "JPEG": ("jpg", "jpeg"), "WEBP": ("webp",)}
"""What Pillow calls each format a picture may have, and the file name endings of each."""
MAX_BYTES = 300 * 1024
MAX_SIDE = 2000
MIN_SIDE = 24
"""The smallest side a picture may have: the sixth no-hints attack hid alt text in a 1×1 picture."""
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.(?:png|jpe?g|webp)")
NAME_EXPECTED = "lowercase words and digits joined by dashes, ending in .png, .jpg, .jpeg or .webp, such as pen-device.webp"
KEEP = ("transparency",)
"""What of a file's own information is written again: a palette picture's transparent colour (a colour, not metadata)."""

_MAGIC = (
    (re.compile(rb"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg\b", re.S | re.I), "an SVG drawing"),
    (re.compile(rb"\AGIF8[79]a"), "a GIF picture"),
    (re.compile(rb"\ABM"), "a BMP picture"),
    (re.compile(rb"\A(?:II\*\0|MM\0\*)"), "a TIFF picture"),
    (re.compile(rb"\A....ftyp(?:avif|avis)", re.S), "an AVIF picture"),
    (re.compile(rb"\A....ftyp(?:heic|heix|mif1|msf1)", re.S), "a HEIC picture"),
    (re.compile(rb"\A%PDF"), "a PDF document"),
    (re.compile(rb"\A\s*<", re.S), "an HTML or XML file"),
)
"""What a refused file is, by its first bytes, for the message."""
ORIENTATION = 0x0112
"""The EXIF tag of a photo's orientation (1: as stored; 5 to 8: a quarter turn)."""
SVG_WHY = "an SVG can carry scripts and links that run in the reader's browser"


@dataclass(frozen=True)
class Picture:
    """One checked picture: its file name, format, and its size as a reader sees it (turned by its EXIF orientation)."""

    name: str
    format: str
    width: int
    height: int


def _what(head: bytes) -> str:
    for pattern, what in _MAGIC:
        if pattern.match(head):
            return what
    return "not a picture Pillow can read as PNG, JPEG or WebP"


def _error(name: str, what: str, found: str, expected: str, fix: str) -> GuideError:
    return GuideError(f"{FOLDER}/{name}", what, found=found, expected=expected, fix=fix)


def _check_size(name: str, size: tuple[int, int]) -> None:
    if not MIN_SIDE <= min(size) <= max(size) <= MAX_SIDE:
        small = max(size) <= MAX_SIDE
        raise _error(name, f"a picture that is too {'small' if small else 'large'}", found=f"{size[0]}×{size[1]} pixels",
                     expected=f"{MIN_SIDE} to {MAX_SIDE} pixels a side (a page is at most about 800 pixels wide; a "
                              "picture too small to see still gives its alt text to search engines)",
                     fix=f"resize it to {MIN_SIDE} to {MAX_SIDE} pixels a side.")


def check_file(path: Path) -> Picture:
    """The picture at ``path``, judged by its bytes; a ``GuideError`` naming the file if it may not be published."""
    from PIL import Image, UnidentifiedImageError

    name = path.name
    allowed = "a PNG, JPEG or WebP picture"
    if path.is_symlink() or not path.is_file():
        raise _error(name, "something that is not a file in the pictures folder", found="a folder or a link",
                     expected=f"{allowed} file", fix=f"move it out of {FOLDER}/.")
    data = path.read_bytes()
    head = data[:512]
    if name.lower().endswith(".svg") or _what(head) == "an SVG drawing":
        raise _error(name, "an SVG file in the pictures folder", found="an SVG drawing" + (
                     f" named '{name}'" if not name.lower().endswith(".svg") else ""),
                     expected=f"{allowed} (judged by the file's bytes, not its name)",
                     fix=f"remove it: {SVG_WHY}. Export the drawing as PNG or WebP, or ask a maintainer for a "
                         "drawing made by a partial (includes/partials/, like the depth scale).")
    if len(data) > MAX_BYTES:
        raise _error(name, "a picture file that is too big", found=f"{len(data) // 1024} KB ({len(data)} bytes)",
                     expected=f"at most {MAX_BYTES // 1024} KB, so a page stays quick on a phone",
                     fix=f"save it smaller: at most {MAX_SIDE} pixels a side, as WebP or JPEG at quality 80.")
    try:
        with Image.open(io.BytesIO(data), formats=list(FORMATS)) as image:
            kind, size, frames = image.format or "", image.size, getattr(image, "n_frames", 1)
            image.verify()
        with Image.open(io.BytesIO(data), formats=list(FORMATS)) as image:
            if size[0] <= MAX_SIDE and size[1] <= MAX_SIDE:
                image.load()  # every pixel decodes: a cut-off file stops here
            turned = _turned(image)
    except UnidentifiedImageError:
        found = _what(head)
        raise _error(name, f"a file in the pictures folder that is not {allowed}", found=found,
                     expected=f"{allowed}, judged by the file's bytes, not its name",
                     fix="remove it, or save the picture as PNG, JPEG or WebP." + (
                         " A GIF that moves is not allowed: save one frame as PNG." if "GIF" in found else "")) from None
    except Image.DecompressionBombError as exc:  # its header claims more pixels than Pillow will open
        raise _error(name, "a picture that is too large", found=str(exc).split(",")[0],
                     expected=f"at most {MAX_SIDE}×{MAX_SIDE} pixels (a page is at most about 800 pixels wide)",
                     fix=f"resize it to at most {MAX_SIDE} pixels a side.") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise _error(name, "a picture file that cannot be read whole", found=f"{exc}",
                     expected=f"{allowed} that opens in an image viewer",
                     fix="save the picture again from your image editor.") from None
    if frames != 1:
        raise _error(name, "a moving picture", found=f"{kind} with {frames} frames",
                     expected="a still picture of one frame", fix="save one frame of it as PNG, JPEG or WebP.")
    _check_size(name, size)
    ending = name.rsplit(".", 1)[-1].lower()
    if ending not in FORMATS[kind]:
        raise _error(name, f"a {kind} picture with a .{ending} name", found=f"a {kind} picture named '{name}'",
                     expected=f"a {kind} picture's name ending in .{FORMATS[kind][0]}",
                     fix=f"rename it to {name.rsplit('.', 1)[0]}.{FORMATS[kind][0]} (git mv), and the name on its pages.")
    if not NAME.fullmatch(name):
        raise _error(name, "a picture name the site cannot publish", found=f"'{name}'", expected=NAME_EXPECTED,
                     fix=f"rename the file (git mv {FOLDER}/{name} {FOLDER}/<new-name>), and the name on its pages.")
    width, height = turned or size
    return Picture(name, kind, width, height)


def _turned(image: object) -> tuple[int, int] | None:
    """The size a JPEG shows at once turned by its EXIF orientation (5 to 8: a quarter turn), or None."""
    from PIL import Image

    assert isinstance(image, Image.Image)
    orientation = image.getexif().get(ORIENTATION, 1)
    return (image.height, image.width) if orientation in (5, 6, 7, 8) else None


def load(root: Path) -> dict[str, Picture]:
    """Every picture in ``root/pictures/`` by file name, checked; ``GuideErrors`` with every file that is not."""
    folder = root / FOLDER
    if not folder.is_dir():
        return {}
    found: dict[str, Picture] = {}
    errors: list[GuideError] = []
    for path in sorted(folder.iterdir()):
        if path.name == README and path.is_file() and not path.is_symlink():
            continue
        try:
            found[path.name] = check_file(path)
        except GuideError as exc:
            errors.append(exc)
    if errors:
        raise GuideErrors(errors)
    return found


def check_call(name: object, alt: object, shown: str, line: int | None, pictures: dict[str, Picture],
               lang: str, refused: frozenset[str] = frozenset(), facts: Facts | None = None) -> list[GuideError]:
    """A page's ``picture(name, alt=...)``: a picture of the folder, with alt text of the page's edition that
    describes it and claims nothing (``facts``: the edition's, for the things they name).
    ``refused``: files of the folder that have a message of their own (not reported again as missing)."""
    from guide.content import ownvoice
    from guide.content.attribution import described_claim
    from guide.data import meaning, numbers, schema, speakers

    errors = []
    answered: str | None = None
    call = f'picture("{name}", alt="{alt}")' if alt is not None else f'picture("{name}")'
    if not isinstance(name, str) or (name not in pictures and name not in refused):
        hint = did_you_mean(str(name), pictures)
        have = ", ".join(sorted(pictures)[:10]) + (", ..." if len(pictures) > 10 else "") or f"none yet: {FOLDER}/ has no pictures"
        errors.append(GuideError(shown, f"a picture that is not in {FOLDER}/: '{name}'", line=line, found=call,
                                 expected=f"the file name of a picture in {FOLDER}/ ({have})",
                                 fix=(hint + " " if hint else "") + f"Correct the name, or add the file to {FOLDER}/."))
    words = {"en": "English", "es": "Spanish"}.get(lang, lang)
    if not isinstance(alt, str) or not alt.strip():
        errors.append(GuideError(shown, "a picture without alt text", line=line, found=call,
                                 expected=f'picture("{name}", alt="...") with a few words in {words} saying what the '
                                          "picture shows (screen readers read them; so does a reader whose picture "
                                          "does not load)",
                                 fix='add alt="..." describing the picture, such as alt="A pen-style device on a tray".'))
        return errors
    problem = schema.plain_text_problem(alt, schema.EMPHASIS) or (
        "it is the file name" if alt.strip().lower() == str(name).lower() else None)
    number = numbers.typed_number(alt, lang) or next((c.word for c in numbers.page_claims(alt, lang)), None)
    if problem or number:
        errors.append(GuideError(shown, f"the picture's alt text is not plain words: {problem or f'a figure in it ({number})'}",
                                 line=line, found=call, expected=f"a few plain words in {words} saying what the picture shows",
                                 fix="describe what the picture shows in words; a figure from the article is shown "
                                     "with its fact macro beside the picture."))
    elif (claim := meaning.advice(alt, lang, times=False) or described_claim(alt, lang, facts)) is not None \
            or meaning.REPORTS.search(speakers.skeleton(alt)) or (answered := ownvoice.said_of(alt, lang, title=True)):
        # (said_of: a description that answers of a thing a reader decides by, "sin rojez": the thirteenth attack, M5)
        said = f"'{claim.word}' ({claim.kind})" if claim is not None else f"'{answered}'" if answered else "someone's words"
        errors.append(GuideError(shown, f"the picture's alt text makes a claim: {said}", line=line, found=call,
                                 expected=f"a few plain words in {words} saying what the picture shows, with no advice, "
                                          "clinical claim or doctor's words (screen readers and search engines read it)",
                                 fix="describe what the picture shows; say what the article or a doctor says in the "
                                     "page's text, through its fact or quote macro."))
    return errors


def src(name: str, page_url: str | None, page_path: str) -> str:
    """The ``<img src>`` of picture ``name`` on a page. MkDocs (``page_url``, such as ``pain/``) publishes raw
    HTML as written, so the address is relative to the page's address; Zensical (no ``page_url``) reads every
    relative address as relative to the page's Markdown file, and rewrites it for the page's address."""
    base = posixpath.dirname(page_url) if page_url is not None else posixpath.dirname(page_path)
    return posixpath.relpath(f"{FOLDER}/{name}", base or ".")


def clean_copy(path: Path, dest: Path) -> None:
    """Write the picture at ``path`` to ``dest`` with its pixels and nothing else (no EXIF, XMP, ICC, comment
    or text). A JPEG or WebP loses its metadata blocks and keeps its picture data byte for byte (no second
    lossy compression, nothing grows); a PNG is saved afresh (lossless). A picture whose EXIF orientation
    turns it, or that has an ICC profile, is turned or converted to sRGB in its pixels first, then saved
    afresh (JPEG and WebP at quality 90): the reader sees what the original showed."""
    from PIL import Image, ImageCms, ImageOps

    data = path.read_bytes()
    dest.parent.mkdir(parents=True, exist_ok=True)
    with Image.open(io.BytesIO(data), formats=list(FORMATS)) as original:
        kind = original.format or ""
        turned = original.getexif().get(ORIENTATION, 1) != 1
        profile = original.info.get("icc_profile")
        if kind in ("JPEG", "WEBP") and not turned and not profile:
            stripped = _strip_jpeg(data) if kind == "JPEG" else _strip_webp(data)
            if stripped is not None and not metadata(stripped):
                dest.write_bytes(stripped)
                return
        original.load()
        image: Image.Image = ImageOps.exif_transpose(original) if turned else original
        if profile and image.mode in ("RGB", "RGBA"):
            try:
                image = ImageCms.profileToProfile(image, ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                                                  ImageCms.createProfile("sRGB"), outputMode=image.mode) or image
            except (ImageCms.PyCMSError, OSError):
                pass  # a profile that cannot be read is dropped with the rest
        keep = {key: value for key, value in image.info.items() if key in KEEP}
        image.info.clear()
        options: dict[str, object] = {"exif": b"", "xmp": b"", **keep}
        if kind == "JPEG":
            options.update(comment=b"", quality=90)
        elif kind == "WEBP":
            options.update(quality=90)
        else:
            options.update(optimize=True)
        image.save(dest, format=kind, **options)


def metadata(data: bytes) -> list[str]:
    """What of a picture's metadata Pillow finds in ``data`` (EXIF, XMP, ICC, comment, text), by name."""
    from PIL import Image

    with Image.open(io.BytesIO(data), formats=list(FORMATS)) as image:
        found = [key for key in image.info if key not in KEEP and key in ("exif", "xmp", "icc_profile", "comment",
                                                                            "XML:com.adobe.xmp")]
        found += [key for key in getattr(image, "text", {})]  # PNG text chunks
        if dict(image.getexif()):
            found.append("EXIF")
    return found


_JPEG_DROP = frozenset({*range(0xE1, 0xEE), 0xEF, 0xFE})
"""The JPEG segments that go: APP1 to APP13 and APP15 (EXIF, XMP, ICC, Photoshop and IPTC, maker notes) and COM
(comments). APP0 (JFIF) stays, and APP14 (Adobe), which says how the colours are stored."""


def _strip_jpeg(data: bytes) -> bytes | None:
    """``data`` without its metadata segments, up to the first scan (the picture data, copied as it is);
    None when the file is not laid out as expected (the caller saves it afresh instead)."""
    if data[:2] != b"\xff\xd8":
        return None
    out, at = bytearray(data[:2]), 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        length = int.from_bytes(data[at + 2:at + 4], "big")
        if marker == 0xDA:  # start of scan: the rest is picture data
            out += data[at:]
            return bytes(out)
        if length < 2 or at + 2 + length > len(data):
            return None
        if marker not in _JPEG_DROP:
            out += data[at:at + 2 + length]
        at += 2 + length
    return None


_WEBP_DROP = (b"EXIF", b"XMP ", b"ICCP")
_VP8X_METADATA = 0x20 | 0x08 | 0x04  # the ICC, EXIF and XMP flags of the VP8X header


def _strip_webp(data: bytes) -> bytes | None:
    """``data`` without its EXIF, XMP and ICC chunks, the picture chunks as they are; None if not a plain RIFF WebP."""
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return None
    chunks, at = [], 12
    while at + 8 <= len(data):
        kind, size = data[at:at + 4], int.from_bytes(data[at + 4:at + 8], "little")
        end = at + 8 + size + (size & 1)
        if end > len(data) + (size & 1):
            return None
        chunk = bytearray(data[at:min(end, len(data))])
        if kind == b"VP8X" and size >= 1:
            chunk[8] &= ~_VP8X_METADATA & 0xFF
        if kind not in _WEBP_DROP:
            chunks.append(bytes(chunk))
        at = end
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + len(body).to_bytes(4, "little") + body


def publish(root: Path, site_dir: Path) -> list[Path]:
    """Every picture of ``root/pictures/``, checked, written without metadata into ``site_dir/pictures/``
    (the folder emptied first: a picture removed from the project leaves the site too)."""
    pictures = load(root)
    out = site_dir / FOLDER
    if out.is_dir():
        for old in out.iterdir():
            if old.is_file():
                old.unlink()
    written = []
    for name in pictures:
        clean_copy(root / FOLDER / name, out / name)
        written.append(out / name)
    return written


def _arguments(source: str) -> dict[str, object] | None:
    """The values of a ``{{ picture(...) }}`` call by name, or None when the page check has its own message for it."""
    import jinja2
    from jinja2 import nodes

    from guide.render.macrospecs import MACROS

    try:
        tree = jinja2.Environment().parse(source)
    except jinja2.TemplateSyntaxError:
        return None
    call = next(iter(tree.find_all(nodes.Call)), None)
    if call is None or not all(isinstance(a, nodes.Const) for a in [*call.args, *(k.value for k in call.kwargs)]):
        return None
    try:
        bound = MACROS["picture"].signature.bind(*(a.value for a in call.args if isinstance(a, nodes.Const)),
                                                 **{k.key: k.value.value for k in call.kwargs if isinstance(k.value, nodes.Const)})
    except TypeError:
        return None
    bound.apply_defaults()
    return dict(bound.arguments)


def calls(path: Path) -> list[tuple[int, dict[str, object]]]:
    """Each ``picture(...)`` on the page at ``path``: its line and its values."""
    import jinja2

    from guide.content import pages, reading

    try:
        body = pages.read_page(path, path.name)
        found = reading.substitute(body)[2] if "picture" in body else []
    except (GuideError, jinja2.TemplateSyntaxError):
        return []  # the page check says why
    out = []
    for call in found:
        values = _arguments(call.source) if call.name == "picture" else None
        if values is not None:
            out.append((call.line, values))
    return out


def check_pages(root: Path, docs: Path, docs_shown: str, pictures: dict[str, Picture], lang: str,
                facts: Facts | None = None) -> list[GuideError]:
    """Every ``picture(...)`` of an edition's pages: a picture of the folder, with alt text; on a page of
    another edition than English, not the English page's alt text word for word (a reader of the edition
    hears the alt text read aloud in the page's language)."""
    from guide.content.pages import EDITION_FOLDERS

    errors = []
    folder = root / FOLDER
    refused = frozenset(p.name for p in folder.iterdir()) - set(pictures) if folder.is_dir() else frozenset()
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if rel.startswith(("_", ".")) or "/_" in rel or not path.is_file():  # a folder named like a page: the scan says so
            continue
        found = calls(path)
        english = {}
        if lang != "en" and found and (root / EDITION_FOLDERS["en"] / rel).is_file():
            english = {v["name"]: v["alt"] for _, v in calls(root / EDITION_FOLDERS["en"] / rel)}
        for line, values in found:
            name, alt = values["name"], values["alt"]
            problems = check_call(name, alt, f"{docs_shown}/{rel}", line, pictures, lang, refused, facts)
            if not problems and isinstance(alt, str) and english.get(name) == alt:
                problems.append(GuideError(
                    f"{docs_shown}/{rel}", "the picture's alt text is the English page's, word for word", line=line,
                    found=f'alt="{alt}"', expected="alt text in this edition's language",
                    fix=f"translate the alt text (the English is on {EDITION_FOLDERS['en']}/{rel})."))
            errors.extend(problems)
    return errors
