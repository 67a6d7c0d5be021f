"""Builders for hostile inputs: a small project, a marker file outside it, and files made to hurt (templates with
macros or external links, zip bombs, huge images, odd encodings). Used by test_hostile.py and test_outputs.py."""

from __future__ import annotations

import io
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MARKER = "HEMMELIG-MARKØR-4711"
SLIDES = ("forside", "noegletal", "varighed", "formaal")

DECK = """title: Beskæftigelsesindsatsen i Hedensted
subtitle: Status på anbefalingerne
municipality: Hedensted
meeting: Udvalget for Beskæftigelse
date: 2021-12-06
start: "16.00"
minutes: 20
author: Jobcenter Hedensted
theme: default
name: lille
comparison:
  region: RAR Østjylland
  peers: [Favrskov, Skanderborg, Ringkøbing-Skjern]
  country: Hele landet
sections:
  - title: Velkomst og formål
    minutes: 20
    divider: false
    slides: [forside, noegletal, varighed, formaal]
"""


def small_project(root: Path) -> Path:
    """A five-slide project (title, key figures from a CSV, a chart with sentences, bullets) in `root`."""
    (root / "inputs" / "slides").mkdir(parents=True)
    shutil.copytree(REPO / "inputs" / "data", root / "inputs" / "data")
    shutil.copytree(REPO / "themes", root / "themes")
    for name in SLIDES:
        shutil.copy(REPO / "inputs" / "slides" / f"{name}.yaml", root / "inputs" / "slides")
    (root / "inputs" / "briefing.yaml").write_text(DECK, encoding="utf-8")
    return root


def outside_files(folder: Path) -> Path:
    """Files outside the project, each carrying the marker, in forms a spec could name."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tema.yaml").write_text(f"name: {MARKER}\nfooter: {MARKER}\n", encoding="utf-8")
    (folder / "slide.yaml").write_text(f"kind: punkter\ntitle: {MARKER}\nbullets: [{MARKER}]\n", encoding="utf-8")
    (folder / "tabel.yaml").write_text(f"title: {MARKER}\nsource: {MARKER}\nunit: antal\n"
                                       f"rows:\n  - område: {MARKER}\n    2021K3: 5\n", encoding="utf-8")
    (folder / "data.csv").write_text(f"målgruppe;tilbud;2019K3;2021K3\n{MARKER};{MARKER};1;2\n", encoding="utf-8")
    (folder / "phrasebook.yaml").write_text(f"sammenligning: {MARKER}\n", encoding="utf-8")
    (folder / "briefing.yaml").write_text(DECK.replace("Status på anbefalingerne", MARKER), encoding="utf-8")
    for name, make in (("logo.png", lambda path: png(path, text=MARKER)),
                       ("skabelon.pptx", lambda path: template(path, marker=MARKER))):
        (folder / name).write_bytes(_made_once(name, make))
    return folder


_MADE: dict[str, bytes] = {}


def _made_once(name: str, make) -> bytes:
    """The bytes of a file `make(path)` writes, made once per test process (a template takes a while)."""
    if name not in _MADE:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            make(Path(folder) / name)
            _MADE[name] = (Path(folder) / name).read_bytes()
    return _MADE[name]


def deck_line(root: Path, old: str, new: str) -> None:
    replace(root / "inputs" / "briefing.yaml", old, new)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def theme_add(root: Path, text: str) -> None:
    path = root / "themes" / "default.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def png(path: Path, size: tuple[int, int] = (300, 100), text: str = "") -> None:
    from PIL import Image, PngImagePlugin

    info = PngImagePlugin.PngInfo()
    if text:
        info.add_text("Comment", text)
    Image.new("RGB", size, "#00557F").save(path, format="PNG", pnginfo=info)


def png_header_only(path: Path, width: int, height: int) -> None:
    """A small file claiming a huge picture: a valid header and a few bytes of pixel data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
                     + chunk(b"IEND", b""))


def template(path: Path, marker: str = "") -> None:
    """A 16:9 .pptx made by python-pptx (it has the English default layouts)."""
    from pptx import Presentation
    from pptx.util import Inches

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    if marker:
        prs.core_properties.title = marker
    prs.save(str(path))


def rewrite_zip(path: Path, change) -> None:
    """Rewrite the zip at `path`: change(members: dict[name, bytes]) edits the members in place."""
    with zipfile.ZipFile(path) as source:
        members = {name: source.read(name) for name in source.namelist()}
    change(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in members.items():
            target.writestr(name, blob)
    path.write_bytes(out.getvalue())


def add_external_links(members: dict) -> None:
    rels = "ppt/slideLayouts/_rels/slideLayout1.xml.rels"
    extra = ('<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'hyperlink" Target="http://angriber.example/spor" TargetMode="External"/>'
             '<Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
             'image" Target="file:///etc/passwd" TargetMode="External"/>')
    members[rels] = members[rels].replace(b"</Relationships>", extra.encode() + b"</Relationships>")


def add_macro(members: dict) -> None:
    members["ppt/vbaProject.bin"] = b"\xd0\xcf\x11\xe0" + b"makro" * 100
    rels = "ppt/_rels/presentation.xml.rels"
    members[rels] = members[rels].replace(b"</Relationships>", (
        '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
        'Target="vbaProject.bin"/></Relationships>').encode())
    types = members["[Content_Types].xml"]
    types = types.replace(b"presentationml.presentation.main+xml", b"presentationml.presentation.main+xml")
    members["[Content_Types].xml"] = types.replace(b"</Types>", (
        '<Override PartName="/ppt/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        '</Types>').encode())


def add_activex(members: dict) -> None:
    members["ppt/activeX/activeX1.xml"] = b'<?xml version="1.0"?><ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" ax:classid="{0}"/>'
    members["ppt/embeddings/oleObject1.bin"] = b"\xd0\xcf\x11\xe0ole" * 50
    types = members["[Content_Types].xml"]
    members["[Content_Types].xml"] = types.replace(b"</Types>", (
        '<Override PartName="/ppt/activeX/activeX1.xml" ContentType="application/vnd.ms-office.activeX+xml"/>'
        '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'
        '</Types>').encode())


def bomb_zip(path: Path, base: Path | None = None, name: str = "ppt/media/bombe.bin", size: int = 300_000_000) -> None:
    """`base` (a zip) plus one member that inflates to `size` bytes of zeros; written in chunks."""
    out = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
    if base is not None:
        with zipfile.ZipFile(base) as source:
            for item in source.namelist():
                out.writestr(item, source.read(item))
    with out.open(name, "w", force_zip64=True) as stream:
        block = b"\0" * 4_000_000
        for _ in range(size // len(block)):
            stream.write(block)
    out.close()


def many_parts(path: Path, base: Path, count: int = 12_000) -> None:
    with zipfile.ZipFile(base) as source:
        members = {name: source.read(name) for name in source.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        for name, blob in members.items():
            out.writestr(name, blob)
        for i in range(count):
            out.writestr(f"ppt/ekstra/del{i}.xml", b"<x/>")


def xlsx(path: Path, rows: list[list], formulas_only: bool = False) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    if formulas_only:
        pass  # openpyxl writes formulas without cached values already
