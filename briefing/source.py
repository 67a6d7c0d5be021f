"""Load YAML files safely while keeping the line and column of every value.

Only plain data comes out: mappings, lists, strings, numbers, booleans, dates.
Python object tags, alias bombs and deep nesting are refused with a located
Danish message; duplicate keys are errors rather than silently overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import BriefingError, Location, Problem, fail

MAX_FILE_BYTES = 5_000_000
MAX_NODES = 200_000
MAX_DEPTH = 40

PathKey = tuple[str | int, ...]


@dataclass
class SourceDoc:
    """A parsed YAML file: its data plus where each value (and key) stood."""

    path: Path
    data: Any
    marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    raw: dict[PathKey, str] = field(default_factory=dict)

    def location(self, path: PathKey = (), *, key: bool = False) -> Location:
        """Return the place of `path`, or of its nearest ancestor that exists in the file."""
        path = tuple(path)
        while True:
            table = self.key_marks if key and path in self.key_marks else self.marks
            if path in table:
                line, column = table[path]
                return Location(self.path, line, column)
            if not path:
                return Location(self.path, 1, 1)
            path = path[:-1]


def read_text(path: Path) -> str:
    """Read a user's text file as UTF-8 (BOM allowed), with a Danish message otherwise."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail("filen findes ikke", Location(path)) from None
    except OSError as exc:
        raise fail(f"filen kan ikke læses ({exc.strerror})", Location(path)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise fail(f"filen er for stor ({len(raw) // 1_000_000} MB); højst {MAX_FILE_BYTES // 1_000_000} MB er tilladt", Location(path))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(
            "filen er ikke gemt som UTF-8 (måske Latin-1/Windows-1252); "
            "gem den igen med tegnsættet UTF-8",
            Location(path, line, column),
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_yaml(path: Path) -> SourceDoc:
    """Parse one YAML file into a SourceDoc, raising BriefingError with its place on failure."""
    text = read_text(path)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(path, exc) from None
    except yaml.YAMLError:
        raise fail("filen er ikke gyldig YAML", Location(path, 1, 1)) from None
    if node is None:
        raise fail("filen er tom", Location(path, 1, 1))
    doc = SourceDoc(path, None)
    doc.data = _Converter(doc).convert(node, (), 0)
    return doc


_SYNTAX_HINTS = [
    ("'\\t'", "tabulatortegn er ikke tilladt i YAML; brug mellemrum til indrykning"),
    ("found duplicate anchor", "det samme anker (&navn) er brugt to gange"),
    ("found undefined alias", "henvisningen (*navn) peger på et anker, der ikke findes"),
    ("mapping values are not allowed", "kolon et uventet sted; sæt teksten i anførselstegn, hvis den indeholder ': ', eller ret indrykningen"),
    ("while scanning a quoted scalar", "anførselstegnet lukkes aldrig; tilføj det afsluttende anførselstegn"),
    ("found unexpected end of stream", "anførselstegnet lukkes aldrig; tilføj det afsluttende anførselstegn"),
    ("could not find expected ':'", "der mangler et kolon efter nøglen, eller indrykningen er forkert"),
    ("expected <block end>", "forkert indrykning; linjer på samme niveau skal starte i samme kolonne"),
    ("did not find expected key", "forkert indrykning; linjer på samme niveau skal starte i samme kolonne"),
    ("did not find expected '-' indicator", "forkert indrykning i listen; hvert punkt skal starte med '- ' i samme kolonne"),
    ("did not find expected ',' or ']'", "listen i [ ] er ikke lukket korrekt; tjek kommaer og ]"),
    ("did not find expected ',' or '}'", "sektionen i { } er ikke lukket korrekt; tjek kommaer og }"),
    ("found character '@'", "en værdi må ikke begynde med '@'; sæt den i anførselstegn"),
    ("found character '`'", "en værdi må ikke begynde med '`'; sæt den i anførselstegn"),
]


def _syntax_error(path: Path, exc: yaml.MarkedYAMLError) -> BriefingError:
    mark = exc.problem_mark or exc.context_mark
    location = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    text = f"{exc.context or ''} {exc.problem or ''}"
    for needle, message in _SYNTAX_HINTS:
        if needle in text:
            return fail(f"YAML-fejl: {message}", location)
    return fail("YAML-fejl: filen kan ikke læses her; tjek indrykning, kolon og anførselstegn", location)


class _Converter:
    """Turns a composed node tree into plain data, recording marks and guarding size."""

    def __init__(self, doc: SourceDoc) -> None:
        self.doc = doc
        self.visited = 0
        self.constructor = SafeConstructor()

    def convert(self, node: Node, path: PathKey, depth: int) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise fail(
                f"filen udfolder sig til mere end {MAX_NODES:,} værdier (fx via mange henvisninger *navn); "
                "det er ikke tilladt".replace(",", "."),
                self._location(node),
            )
        if depth > MAX_DEPTH:
            raise fail(f"strukturen er indlejret mere end {MAX_DEPTH} niveauer; det er ikke tilladt", self._location(node))
        self.doc.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: MappingNode, path: PathKey, depth: int) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise fail("en nøgle skal være en enkel tekst", self._location(key_node))
            key = self._scalar(key_node, None)
            if key == "<<" and key_node.tag == "tag:yaml.org,2002:merge":
                raise fail("YAML-fletning med '<<' er ikke tilladt; skriv felterne ud", self._location(key_node))
            key = str(key)
            child = path + (key,)
            if key in result:
                first = self.doc.key_marks[child]
                raise fail(
                    f"nøglen '{key}' står to gange (første gang i linje {first[0]}); slet den ene",
                    self._location(key_node),
                )
            self.doc.key_marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.convert(value_node, child, depth + 1)
        return result

    def _scalar(self, node: ScalarNode, path: PathKey | None) -> Any:
        if path is not None and node.style is None:
            self.doc.raw[path] = node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except ConstructorError:
            raise fail(
                f"YAML-mærket '{node.tag}' er ikke tilladt; kun almindelig tekst, tal, lister og sektioner",
                self._location(node),
            ) from None
        except ValueError:
            raise fail(f"værdien '{node.value}' kan ikke læses", self._location(node)) from None

    def _location(self, node: Node) -> Location:
        return Location(self.doc.path, node.start_mark.line + 1, node.start_mark.column + 1)
