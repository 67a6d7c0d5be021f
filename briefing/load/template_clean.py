"""A municipality's template is cleaned before it is used, so nothing hostile in it reaches every deck:
external relationships (web addresses, file:// paths), macros (vbaProject.bin), ActiveX controls and embedded
OLE objects are removed, each named in a warning. The parts are read within the zip limits (zipsafe.py).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from briefing.load.zipsafe import read_members

PRESENTATION_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
MAIN_TYPES = (b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
              b"application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
              b"application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
              b"application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml")
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
# What is removed, by part name, with the Danish name for the warning.
REMOVED_PARTS = ((re.compile(r"(^|/)vbaProject\.bin$|(^|/)vbaData\.xml$", re.I), "makroer (VBA)"),
                 (re.compile(r"^ppt/activeX/", re.I), "ActiveX-objekter"),
                 (re.compile(r"^ppt/embeddings/", re.I), "indlejrede OLE-objekter"))
REMOVED_TYPES = ("vbaProject", "activeX", "control", "oleObject", "package", "vbaData", "keyMapCustomizations")
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def clean_template(data: bytes) -> tuple[bytes, list[str]]:
    """The template as clean .pptx bytes, and the Danish names of what was removed (for one warning each)."""
    members = read_members(data)
    removed: dict[str, int] = {}
    gone = set()
    for name in members:
        for pattern, label in REMOVED_PARTS:
            if pattern.search(name):
                gone.add(name)
                removed[label] = removed.get(label, 0) + 1
    dropped_ids: dict[str, set[str]] = {}
    for name in list(members):
        if name.endswith(".rels") and name not in gone:
            members[name], ids, external = _clean_rels(name, members[name], gone)
            if ids:
                dropped_ids[_owner(name)] = ids
            if external:
                removed["eksterne henvisninger (fx webadresser eller file://-stier)"] = \
                    removed.get("eksterne henvisninger (fx webadresser eller file://-stier)", 0) + external
    for owner, ids in dropped_ids.items():
        if owner in members and owner not in gone:
            members[owner] = _drop_references(members[owner], ids)
    members["[Content_Types].xml"] = _clean_types(members.get("[Content_Types].xml", b""), gone)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, blob in members.items():
            if name not in gone:
                target.writestr(name, blob)
    return out.getvalue(), [f"{label} ({count})" for label, count in removed.items()]


def _owner(rels_name: str) -> str:
    """'ppt/slides/_rels/slide1.xml.rels' -> 'ppt/slides/slide1.xml'."""
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _clean_rels(name: str, blob: bytes, gone: set[str]) -> tuple[bytes, set[str], int]:
    root = etree.fromstring(blob, PARSER)
    base = posixpath.dirname(_owner(name))
    dropped, external = set(), 0
    for rel in list(root):
        target = rel.get("Target", "")
        kind = rel.get("Type", "")
        inside = posixpath.normpath(posixpath.join(base, target)).lstrip("/") if not target.startswith("/") \
            else target.lstrip("/")
        is_external = rel.get("TargetMode", "") == "External"
        if is_external or inside in gone or any(t.lower() in kind.lower().rsplit("/", 1)[-1].lower()
                                                for t in REMOVED_TYPES):
            external += is_external
            dropped.add(rel.get("Id", ""))
            root.remove(rel)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), dropped, external


def _drop_references(blob: bytes, ids: set[str]) -> bytes:
    """Remove what pointed at a removed relationship: a hyperlink element, or the attribute itself."""
    try:
        root = etree.fromstring(blob, PARSER)
    except etree.XMLSyntaxError:
        return blob
    for element in list(root.iter()):
        for attr, value in list(element.attrib.items()):
            if attr.startswith(f"{{{R_NS}}}") and value in ids:
                local = etree.QName(element).localname
                parent = element.getparent()
                if local in ("hlinkClick", "hlinkHover", "control", "oleObj") and parent is not None:
                    parent.remove(element)
                    break
                del element.attrib[attr]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _clean_types(blob: bytes, gone: set[str]) -> bytes:
    for main in MAIN_TYPES:
        blob = blob.replace(main, PRESENTATION_TYPE)
    root = etree.fromstring(blob, PARSER)
    for entry in list(root):
        part = entry.get("PartName", "").lstrip("/")
        content = entry.get("ContentType", "")
        if part in gone or "vbaProject" in content or "activeX" in content or "oleObject" in content:
            root.remove(entry)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
