"""The .pptx as a file: metadata, language, and a zip/XML check that PowerPoint will not repair it."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from posixpath import dirname, join, normpath

from lxml import etree
from pptx import Presentation

REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def test_document_metadata_and_language(example_deck):
    props = Presentation(str(example_deck)).core_properties
    assert props.title == "Beskæftigelsesindsatsen i Hedensted"
    assert props.author == "Jobcenter Hedensted"
    assert props.language == "da-DK"
    assert props.created.date().isoformat() == "2021-12-06"  # from the deck's date: reproducible
    with zipfile.ZipFile(example_deck) as package:
        master = package.read("ppt/slideMasters/slideMaster1.xml").decode("utf-8")
        slide = package.read("ppt/slides/slide3.xml").decode("utf-8")
    assert 'lang="da-DK"' in master and 'lang="da-DK"' in slide


def test_every_relationship_points_at_a_part_and_parts_are_xml(example_deck):
    with zipfile.ZipFile(example_deck) as package:
        names = set(package.namelist())
        assert len(names) == len(package.namelist())  # no duplicate zip entries
        for name in names:
            if name.endswith(".rels"):
                base = dirname(dirname(name))
                for rel in etree.fromstring(package.read(name)).iter(f"{REL_NS}Relationship"):
                    if rel.get("TargetMode") == "External":
                        continue
                    target = rel.get("Target")
                    resolved = normpath(target.lstrip("/") if target.startswith("/") else join(base, target))
                    assert resolved in names, f"{name}: broken relationship to {target}"
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(package.read(name))  # well-formed


def test_shape_ids_are_unique_on_every_slide(example_deck):
    with zipfile.ZipFile(example_deck) as package:
        slides = [n for n in package.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
        for name in slides:
            ids = [el.get("id") for el in etree.fromstring(package.read(name)).iter()
                   if el.tag.endswith("}cNvPr")]
            duplicates = [i for i, n in Counter(ids).items() if n > 1]
            assert not duplicates, f"{name}: duplicate shape ids {duplicates}"
