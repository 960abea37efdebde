"""Pictures (issue 21, item 5): a PNG, JPEG or WebP in pictures/, shown with {{ picture("name", alt="...") }}.

Every picture here is made by the test (Pillow) in a copy of the project: the real pages have none. The file's
bytes decide its type, not its name; size, dimensions, alt text in both editions and the pairs are checked with
the page and line; the site gets the picture without its metadata, lazy-loaded with its width and height.
"""

from __future__ import annotations

import io
import random
import re
import shutil
import struct
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image, ImageCms, PngImagePlugin

from browser import csp_violations, open_page, run_axe, serving
from guide.build.library import SPANISH, load_project
from guide.content import pictures
from guide.errors import GuideError, GuideErrors
from support import MAKE_PARTS, ROOT, make_build
from tools.project import BUILD_PARTS, copy_project

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from guide.data.schema import Facts

EN_ALT = "A pen-style device on a tray"
ES_ALT = "Un dispositivo en forma de bolígrafo sobre una bandeja"
PEN = pictures.Picture("pen-device.webp", "WEBP", 640, 480)
ANCHOR = {"docs": "## The tool\n", "docs-es": "## El aparato\n"}
GPS = {1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)}
CAMERA = "Camera Maker Inc"


def photo(size: tuple[int, int] = (120, 80), orientation: int = 1) -> Image.Image:
    image = Image.new("RGB", size, (200, 120, 60))
    image.paste((40, 90, 160), (0, 0, size[0] // 2, size[1] // 2))  # not one colour: a turn shows
    return image


def exif(orientation: int = 1) -> bytes:
    data = Image.Exif()
    data[0x010F] = CAMERA
    data[0x0112] = orientation
    data[0x8825] = GPS
    return data.tobytes()


def save(path: Path, kind: str, size: tuple[int, int] = (120, 80), orientation: int = 1) -> Path:
    """A picture with metadata to strip: EXIF with a GPS position (JPEG, WebP), a text chunk and XMP (PNG), a comment."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = photo(size)
    if kind == "JPEG":
        image.save(path, "JPEG", exif=exif(orientation), comment=b"taken at home")
    elif kind == "WEBP":
        image.save(path, "WEBP", exif=exif(orientation), xmp=b"<x:xmpmeta>secret place</x:xmpmeta>")
    else:
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", "taken at home")
        info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>secret place</x:xmpmeta>")
        image.save(path, kind, pnginfo=info, exif=exif(orientation))
    return path


def problem(path: Path) -> str:
    with pytest.raises(GuideError) as caught:
        pictures.check_file(path)
    return str(caught.value)


# --- the file, judged by its bytes ------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind"), [("chart.png", "PNG"), ("photo.jpg", "JPEG"), ("photo.jpeg", "JPEG"),
                                            ("leaf.webp", "WEBP")])
def test_a_good_picture_passes_with_its_size(tmp_path: Path, name: str, kind: str) -> None:
    found = pictures.check_file(save(tmp_path / name, kind, (300, 200)))
    assert (found.format, found.width, found.height) == (kind, 300, 200)


def test_a_turned_photo_has_its_turned_size(tmp_path: Path) -> None:
    """EXIF orientation 6 (a quarter turn): the reader sees it 80 wide, 120 high, and so does the <img>."""
    found = pictures.check_file(save(tmp_path / "photo.jpg", "JPEG", (120, 80), orientation=6))
    assert (found.width, found.height) == (80, 120)


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize("name", ["drawing.svg", "drawing.png"])
def test_an_svg_is_refused_by_name_or_bytes_saying_why(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(SVG)
    message = problem(tmp_path / name)
    assert f"pictures/{name}: an SVG file in the pictures folder" in message
    assert "can carry scripts" in message and "Expected: a PNG, JPEG or WebP picture" in message
    assert "Fix: Remove it" in message


def test_a_gif_named_png_is_refused_as_a_gif(tmp_path: Path) -> None:
    photo().save(tmp_path / "moving.png", "GIF")
    message = problem(tmp_path / "moving.png")
    assert "pictures/moving.png: a file in the pictures folder that is not a PNG, JPEG or WebP picture" in message
    assert "Found: a GIF picture." in message and "judged by the file's bytes, not its name" in message


def test_a_text_file_named_png_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.png").write_text("not a picture at all", encoding="utf-8")
    message = problem(tmp_path / "notes.png")
    assert "not a PNG, JPEG or WebP picture" in message and "Found: not a picture" in message


def test_a_png_named_jpg_must_be_renamed(tmp_path: Path) -> None:
    save(tmp_path / "chart.jpg", "PNG")
    message = problem(tmp_path / "chart.jpg")
    assert "a PNG picture with a .jpg name" in message and "Fix: Rename it to chart.png" in message


def test_a_cut_off_file_is_refused(tmp_path: Path) -> None:
    data = save(tmp_path / "x.png", "PNG", (400, 300)).read_bytes()
    (tmp_path / "cut.png").write_bytes(data[: len(data) // 2])
    assert "cannot be read whole" in problem(tmp_path / "cut.png")


def test_a_picture_over_the_size_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    noise = Image.frombytes("RGB", (400, 400), random.Random(21).randbytes(400 * 400 * 3))  # does not compress
    noise.save(tmp_path / "big.png", "PNG")
    size = (tmp_path / "big.png").stat().st_size
    assert size > pictures.MAX_BYTES
    message = problem(tmp_path / "big.png")
    assert "a picture file that is too big" in message
    assert f"Found: {size // 1024} KB ({size} bytes)." in message and "Expected: at most 300 KB" in message


def test_a_picture_over_the_dimension_limit_is_refused_with_its_dimensions(tmp_path: Path) -> None:
    Image.new("L", (2100, 10)).save(tmp_path / "wide.png", "PNG")
    message = problem(tmp_path / "wide.png")
    assert "a picture that is too large" in message
    assert "Found: 2100×10 pixels." in message and f"{pictures.MIN_SIDE} to {pictures.MAX_SIDE} pixels a side" in message


def test_a_picture_too_small_to_see_is_refused(tmp_path: Path) -> None:
    """The sixth no-hints attack hid a claim in the alt text of a 1×1 picture: no reader sees it, search engines do."""
    Image.new("RGB", (1, 1)).save(tmp_path / "dot.png", "PNG")
    message = problem(tmp_path / "dot.png")
    assert "a picture that is too small" in message and "Found: 1×1 pixels." in message, message
    assert pictures.check_file(save(tmp_path / "small.png", "PNG", (pictures.MIN_SIDE, pictures.MIN_SIDE)))


def test_a_header_that_claims_too_many_pixels_gets_a_message(tmp_path: Path) -> None:
    """The no-hints attack (finding 10): 53 bytes whose PNG header claims 20000×20000 pixels stopped the build
    with Pillow's DecompressionBombError traceback."""
    ihdr = struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    end = struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
    (tmp_path / "big-chart.png").write_bytes(b"\x89PNG\r\n\x1a\n" + chunk + end)
    message = problem(tmp_path / "big-chart.png")
    assert "pictures/big-chart.png: a picture that is too large" in message, message
    assert "400000000 pixels" in message and "at most 2000×2000 pixels" in message, message


def test_a_moving_webp_is_refused(tmp_path: Path) -> None:
    frames = [photo(), photo().rotate(180)]
    frames[0].save(tmp_path / "moving.webp", "WEBP", save_all=True, append_images=frames[1:])
    assert "a moving picture" in problem(tmp_path / "moving.webp")


def test_a_name_the_site_cannot_publish_is_refused(tmp_path: Path) -> None:
    save(tmp_path / "My Photo.png", "PNG")
    assert "a picture name the site cannot publish" in problem(tmp_path / "My Photo.png")


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_the_copy_has_no_metadata_and_the_same_picture(tmp_path: Path, kind: str) -> None:
    source = save(tmp_path / f"p.{pictures.FORMATS[kind][0]}", kind, (120, 80), orientation=6)
    raw = source.read_bytes()
    assert CAMERA.encode() in raw  # the test's own file has what must go
    pictures.clean_copy(source, tmp_path / "out" / source.name)
    written = (tmp_path / "out" / source.name).read_bytes()
    for secret in (CAMERA.encode(), b"secret place", b"taken at home", b"Exif", b"xmpmeta"):
        assert secret not in written, secret
    with Image.open(io.BytesIO(written)) as out:
        assert out.format == kind and out.size == (80, 120)  # turned as the reader saw it, its orientation gone
        assert not dict(out.getexif()) and not {"icc_profile", "xmp", "comment", "exif", "Author"} & set(out.info)
        corner = out.convert("RGB").getpixel((70, 5))  # the blue quarter is now at the top right
    assert isinstance(corner, tuple) and corner[2] > 120 and corner[0] < 100


@pytest.mark.parametrize("kind", ["JPEG", "WEBP"])
def test_an_upright_jpeg_or_webp_loses_its_metadata_and_keeps_its_picture_data(tmp_path: Path, kind: str) -> None:
    """No second lossy compression: the same pixels, decoded, and a smaller file; no EXIF, GPS, XMP or comment."""
    source = save(tmp_path / f"p.{pictures.FORMATS[kind][0]}", kind, (120, 80))
    assert pictures.metadata(source.read_bytes())
    pictures.clean_copy(source, tmp_path / "out" / source.name)
    written = (tmp_path / "out" / source.name).read_bytes()
    assert pictures.metadata(written) == [] and CAMERA.encode() not in written and b"taken at home" not in written
    assert len(written) < source.stat().st_size
    with Image.open(source) as before, Image.open(io.BytesIO(written)) as after:
        assert after.format == kind and before.tobytes() == after.tobytes()


def test_a_colour_profile_is_applied_then_dropped(tmp_path: Path) -> None:
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    photo().save(tmp_path / "p.jpg", "JPEG", icc_profile=profile)
    with Image.open(tmp_path / "p.jpg") as before:
        assert before.info.get("icc_profile")
    pictures.clean_copy(tmp_path / "p.jpg", tmp_path / "out.jpg")
    with Image.open(tmp_path / "out.jpg") as after:
        assert "icc_profile" not in after.info and after.size == (120, 80)


# --- the pages (the same load the engines run: guide.build.library.load_project) ------------------------


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project (both editions) with three pictures in pictures/ and none on the pages."""
    root = copy_project(tmp_path_factory.mktemp("pictures") / "project", (*BUILD_PARTS, *MAKE_PARTS))
    save(root / "pictures" / "pen-device.webp", "WEBP", (640, 480))
    save(root / "pictures" / "photo.jpg", "JPEG", (300, 200), orientation=6)
    save(root / "pictures" / "chart.png", "PNG", (200, 100))
    return root


def with_pictures(base: Path, dest: Path, en: str | None = None, es: str | None = None) -> Path:
    """A copy of ``base`` with ``en`` and ``es`` (lines) after the tool's heading of procedure.md in each edition."""
    root = Path(shutil.copytree(base, dest, symlinks=True))
    for folder, lines in (("docs", en), ("docs-es", es)):
        if lines is not None:
            page = root / folder / "procedure.md"
            text = page.read_text(encoding="utf-8")
            page.write_text(text.replace(ANCHOR[folder], ANCHOR[folder] + "\n" + lines + "\n\n", 1), encoding="utf-8")
    return root


def line_of(root: Path, folder: str, needle: str) -> int:
    rows = (root / folder / "procedure.md").read_text(encoding="utf-8").splitlines()
    return next(i for i, row in enumerate(rows, 1) if needle in row)


def problems(root: Path, spanish: bool = False) -> str:
    with pytest.raises(GuideErrors) as caught:
        load_project(root, SPANISH if spanish else None)
    return str(caught.value)


def call(name: str, alt: str | None) -> str:
    return f'{{{{ picture("{name}", alt="{alt}") }}}}' if alt is not None else f'{{{{ picture("{name}") }}}}'


@pytest.mark.parametrize("spanish", [False, True], ids=["en", "es"])
def test_a_picture_without_alt_text_is_refused_in_each_edition(base: Path, tmp_path: Path, spanish: bool) -> None:
    en, es = call("pen-device.webp", None if not spanish else EN_ALT), call("pen-device.webp", ES_ALT if not spanish else None)
    root = with_pictures(base, tmp_path / "p", en, es)
    folder = "docs-es" if spanish else "docs"
    message = problems(root, spanish)
    line = line_of(root, folder, "pen-device.webp")
    assert f"{folder}/procedure.md:{line}: a picture without alt text" in message
    assert ("in Spanish" if spanish else "in English") in message


def test_an_empty_alt_text_is_refused(base: Path, tmp_path: Path) -> None:
    root = with_pictures(base, tmp_path / "p", call("pen-device.webp", " "), call("pen-device.webp", ES_ALT))
    assert "docs/procedure.md:" in problems(root) and "a picture without alt text" in problems(root)


def test_a_spanish_alt_text_copied_from_english_is_refused(base: Path, tmp_path: Path) -> None:
    root = with_pictures(base, tmp_path / "p", call("pen-device.webp", EN_ALT), call("pen-device.webp", EN_ALT))
    message = problems(root, spanish=True)
    assert f"docs-es/procedure.md:{line_of(root, 'docs-es', 'pen-device')}: the picture's alt text is the English page's" in message
    assert "Fix: Translate the alt text" in message


ALT_CLAIMS = [  # the fourth no-hints attack: alt text is read aloud and indexed, but no reader sees it on screen
    (False, "A pen that is safe during pregnancy", "'safe' (safety or risk)"),
    (False, "Dr. Nazarian says rollers work as well as the pen", "someone's words"),
    (False, "Skin that clears up for good", "'clears up'"),
    (True, "Una pluma que es segura en el embarazo", "'segura' (safety or risk)"),
    (True, "La Dra. Jaliman dice que sirve cualquier spa", "someone's words"),
]


@pytest.mark.parametrize("spanish, alt, says", ALT_CLAIMS)
def test_a_claim_in_alt_text_is_refused(base: Path, tmp_path: Path, spanish: bool, alt: str, says: str) -> None:
    en, es = (call("pen-device.webp", EN_ALT), call("pen-device.webp", alt)) if spanish else \
        (call("pen-device.webp", alt), call("pen-device.webp", ES_ALT))
    root = with_pictures(base, tmp_path / "p", en, es)
    folder = "docs-es" if spanish else "docs"
    message = problems(root, spanish)
    line = line_of(root, folder, "pen-device.webp")
    assert f"{folder}/procedure.md:{line}: the picture's alt text makes a claim: {says}" in message, message


ALT_TIMES = [  # the eighth no-hints attack (H-E1): a description that says how the skin is at a time after the visit
    ("en", "Skin the morning after microneedling, with the pinkness already gone and no scabs"),
    ("en", "Skin the next morning, not pink at all"),
    ("en", "The same cheek right after the session, calm and clear"),
    ("en", "A smooth face with no redness, the morning after microneedling"),  # the ninth no-hints attack (H10)
    ("en", "A front desk where the staff make sure you heal fast"),  # the tenth new-editor trial
    ("es", "Un mostrador donde se aseguran de que sane rápido"),
    ("es", "La piel a la mañana siguiente, ya sin nada rosado y sin costras"),
    ("es", "La misma mejilla justo después de la sesión, sin rojeces"),
    ("es", "Piel lisa y limpia la mañana después de una sesión"),  # the eleventh no-hints attack (M3)
    ("es", "Piel lisa tras una sesión"),
    ("es", "Una mejilla tratada, tranquila y pareja, sin rojez"),  # the thirteenth no-hints attack (M5)
    ("en", "A treated cheek, calm and even, with no redness"),
]
ALT_DESCRIPTIONS = [  # what a picture shows, as an editor describes it: these stay allowed
    ("en", EN_ALT), ("en", "A close-up of the tip of a microneedling pen"), ("en", "A dermaroller on a white towel"),
    ("en", "A person at a clinic reception desk"), ("en", "A tube of sunscreen and a mild cleanser on a shelf"),
    ("es", ES_ALT), ("es", "La punta de una pluma de microagujas, de cerca"), ("es", "Un rodillo sobre una toalla blanca"),
    ("es", "Un tubo de protector solar en una estantería"),
    # the twelfth new-editor trial: a unit of time that describes the picture
    ("en", "A simple drawing of a calendar page with a few days marked"),
    ("es", "Un dibujo sencillo de la hoja de un calendario con algunos días marcados"),
]
ALT_LENGTHS = [  # beside them, a length of time beside the treatment stays a figure
    ("en", "Skin that heals in a few days"), ("en", "A calendar of the weeks of healing after a session"),
    ("es", "Piel que sana en unos días"),
]


@pytest.fixture(scope="module")
def edition_facts() -> dict[str, Facts]:
    from guide.data import lang as langs
    from guide.data.loader import load_facts
    english = load_facts(ROOT / "data/facts.yml", "data/facts.yml")
    return {"en": english, "es": langs.load_wording(ROOT / "data/facts.es.yml", "data/facts.es.yml", english)}


@pytest.mark.parametrize("lang, alt", ALT_TIMES)
def test_alt_text_that_says_how_skin_is_after_the_visit_is_refused(edition_facts: dict[str, Facts], lang: str,
                                                                   alt: str) -> None:
    found = pictures.check_call("pen-device.webp", alt, "docs/p.md", 3, {"pen-device.webp": PEN}, lang,
                                facts=edition_facts[lang])
    assert [e.what for e in found] and found[0].what.startswith("the picture's alt text makes a claim"), found


@pytest.mark.parametrize("lang, alt", ALT_LENGTHS)
def test_alt_text_with_a_length_of_time_beside_the_treatment_is_refused(edition_facts: dict[str, Facts], lang: str,
                                                                        alt: str) -> None:
    found = pictures.check_call("pen-device.webp", alt, "docs/p.md", 3, {"pen-device.webp": PEN}, lang,
                                facts=edition_facts[lang])
    assert [e.what for e in found] and found[0].what.startswith(("the picture's alt text makes a claim",
                                                                 "the picture's alt text is not plain words")), found


@pytest.mark.parametrize("lang, alt", ALT_DESCRIPTIONS)
def test_alt_text_that_describes_the_picture_is_allowed(edition_facts: dict[str, Facts], lang: str, alt: str) -> None:
    assert pictures.check_call("pen-device.webp", alt, "docs/p.md", 3, {"pen-device.webp": PEN}, lang,
                               facts=edition_facts[lang]) == []


def test_a_missing_picture_gets_a_did_you_mean(base: Path, tmp_path: Path) -> None:
    root = with_pictures(base, tmp_path / "p", call("pen-devise.webp", EN_ALT), call("pen-devise.webp", ES_ALT))
    message = problems(root)
    line = line_of(root, "docs", "pen-devise")
    assert f"docs/procedure.md:{line}: a picture that is not in pictures/: 'pen-devise.webp'" in message
    assert "Did you mean 'pen-device.webp'?" in message


def test_a_picture_on_one_edition_only_is_refused_in_both_builds(base: Path, tmp_path: Path) -> None:
    root = with_pictures(base, tmp_path / "p", call("pen-device.webp", EN_ALT), None)
    line = line_of(root, "docs", "pen-device")
    expected = (f'docs/procedure.md:{line}: this page shows picture("pen-device.webp"), and its pair '
                "docs-es/procedure.md does not")
    assert expected in problems(root)
    assert expected in problems(root, spanish=True)


def test_a_bad_file_in_the_folder_stops_both_editions(base: Path, tmp_path: Path) -> None:
    root = with_pictures(base, tmp_path / "p")
    (root / "pictures" / "logo.png").write_bytes(SVG)
    for spanish in (False, True):
        assert "pictures/logo.png: an SVG file in the pictures folder" in problems(root, spanish)


def test_a_markdown_picture_is_refused_for_the_macro(base: Path, tmp_path: Path) -> None:
    root = with_pictures(base, tmp_path / "p", f"![{EN_ALT}](../pictures/pen-device.webp)",
                         f"![{ES_ALT}](../pictures/pen-device.webp)")
    message = problems(root)
    assert f"docs/procedure.md:{line_of(root, 'docs', 'pen-device')}: a picture written in Markdown" in message
    assert '{{ picture("name.webp", alt="...") }}' in message


# --- the built site, both engines -----------------------------------------------------------------

IMG = re.compile(r"<img\b[^>]*>")


@pytest.fixture(scope="module", params=["mkdocs", pytest.param("zensical", marks=pytest.mark.zensical)])
def pictured(request: pytest.FixtureRequest, base: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """`make build` (or `make build-zensical`) of a copy with a WebP, a JPEG and a PNG on procedure.md of both editions."""
    engine = request.param
    names = ("pen-device.webp", "photo.jpg", "chart.png")
    en = "\n\n".join(call(n, f"{EN_ALT}, view {w}" if i else EN_ALT) for i, (n, w) in enumerate(zip(names, ("one", "two", "three"))))
    es = "\n\n".join(call(n, f"{ES_ALT}, vista {w}" if i else ES_ALT) for i, (n, w) in enumerate(zip(names, ("uno", "dos", "tres"))))
    root = with_pictures(base, tmp_path_factory.mktemp(engine) / "p", en, es)
    build = make_build(root, engine)
    assert build.ok, build.output[-3000:]
    return engine, build.site


@pytest.mark.build
@pytest.mark.parametrize("edition", ["", "es/"])
def test_every_picture_is_shown_lazily_with_its_size_in_both_editions(pictured: tuple[str, Path], edition: str) -> None:
    engine, site = pictured
    html = (site / edition / "procedure" / "index.html").read_text(encoding="utf-8")
    imgs = {re.search(r'src="([^"]+)"', tag)[1]: tag for tag in IMG.findall(html)  # type: ignore[index]
            if "pictures/" in tag}
    assert set(imgs) == {"../pictures/pen-device.webp", "../pictures/photo.jpg", "../pictures/chart.png"}, engine
    sizes = {"pen-device.webp": (640, 480), "photo.jpg": (200, 300), "chart.png": (200, 100)}
    for src, tag in imgs.items():
        width, height = sizes[src.rsplit("/", 1)[1]]
        assert f'width="{width}" height="{height}"' in tag and 'loading="lazy" decoding="async"' in tag, tag
        assert re.search(r'alt="[^"]{10,}"', tag), tag
        assert (site / edition / "pictures" / src.rsplit("/", 1)[1]).is_file()  # the address resolves in the site
    assert (ES_ALT if edition else EN_ALT) in html
    assert "img-src 'self'" in html  # the policy the pictures pass: from the site itself


@pytest.mark.build
@pytest.mark.parametrize("edition", ["", "es/"])
def test_the_site_has_no_metadata_of_the_pictures(base: Path, pictured: tuple[str, Path], edition: str) -> None:
    _, site = pictured
    out = sorted((site / edition / "pictures").iterdir())
    folder = sorted(p.name for p in (base / "pictures").iterdir() if p.name != "README.md")  # the project's own too
    assert [p.name for p in out] == folder and {"chart.png", "pen-device.webp", "photo.jpg"} <= set(folder), out
    for path in out:
        data = path.read_bytes()
        assert CAMERA.encode() not in data and b"secret place" not in data and b"taken at home" not in data, path
        with Image.open(path) as image:
            assert not dict(image.getexif()), path
            assert image.getexif().get_ifd(0x8825) == {}, path  # no GPS position


@pytest.mark.build
def test_a_bad_picture_stops_make_build_and_publishes_nothing(base: Path, tmp_path: Path) -> None:
    root = with_pictures(base, tmp_path / "p", call("chart.png", EN_ALT), call("chart.png", ES_ALT))
    Image.new("L", (2100, 10)).save(root / "pictures" / "chart.png", "PNG")
    build = make_build(root)
    assert not build.ok and not build.site.exists()
    assert "pictures/chart.png: a picture that is too large" in build.output and "Found: 2100×10 pixels." in build.output


def test_the_messages_contributing_shows_are_the_builds_own(base: Path, tmp_path: Path) -> None:
    """CONTRIBUTING.md's "Add a picture" quotes two messages: each is what the build says, word for word."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## Add a picture\n", 1)[1].split("\n## ", 1)[0]
    quoted = section.split("```\n", 2)[1].splitlines()
    assert len(quoted) == 2
    root = with_pictures(base, tmp_path / "p", call("pen-device.webp", None), call("pen-device.webp", ES_ALT))
    assert quoted[0] in problems(root).splitlines()
    Image.new("L", (2400, 1600)).save(root / "pictures" / "pen-device.webp", "WEBP")
    found = [row.removeprefix("  - ") for row in problems(root).splitlines()]
    assert found == ["2 problems found:", *quoted]  # the page's call of the refused file is not reported again


@pytest.mark.browser
def test_a_phone_shows_the_picture_whole_and_axe_passes(pictured: tuple[str, Path], browser: Browser) -> None:
    """At phone width: scrolled to, the lazy picture loads from the site (no policy violation), fits the
    screen at its own proportions, and axe-core finds nothing on the page, alt text included."""
    engine, site = pictured
    with serving(site) as server:
        context, page, log = open_page(browser, server, "es/procedure/", width=375)
        try:
            picture = page.locator('img[src$="pictures/pen-device.webp"]')
            assert picture.get_attribute("loading") == "lazy"
            picture.scroll_into_view_if_needed()
            page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=picture.element_handle(),
                                   timeout=15_000)
            box = picture.bounding_box()
            assert box and 0 < box["width"] <= 375 and abs(box["height"] / box["width"] - 480 / 640) < 0.02, (engine, box)
            assert picture.get_attribute("alt") == ES_ALT
            assert not csp_violations(page, log), engine
            assert not run_axe(page), (engine, run_axe(page))
        finally:
            context.close()
