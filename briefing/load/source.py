"""Load YAML files safely while keeping the line and column of every value.

Only plain data comes out: mappings, lists, strings, booleans, dates. Numbers are
never read here: an unquoted value that YAML would take for a number (`40.000`,
`2021`, `0x10`, `.inf`) comes out as the text the user wrote (an `Unquoted` str),
so the one Danish reader (briefing.danish.numbers) decides what it means where a
number is expected, and a text field gets the text as written. Python object tags,
alias bombs and deep nesting are refused with a located Danish message; duplicate
keys are errors rather than silently overwritten, and a decimal comma that split a
`{...}` or `[...]` in two is refused with the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from briefing.danish import fmt
from briefing.errors import BriefingError, Location, fail, field_name
from briefing.files import os_reason
from briefing.load.guard import value_problem

MAX_FILE_BYTES = 5_000_000
MAX_NODES = 200_000
MAX_DEPTH = 40

PathKey = tuple[str | int, ...]

_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_TEXT_TAG = "tag:yaml.org,2002:str"
_NUMBER_START = re.compile(r"[+\-]?\d[\d.]*")  # the part before a comma of a number such as 3,6 or 1.234,5
_DIGITS = re.compile(r"\d+")


class Unquoted(str):
    """The source text of an unquoted scalar that YAML itself would have read as a number."""

    __slots__ = ()


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


def read_bytes(path: Path) -> bytes:
    """The bytes of a user's file, within MAX_FILE_BYTES; a located Danish message when it cannot be read."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail("filen findes ikke", Location(path)) from None
    except OSError as exc:
        raise fail(f"filen kan ikke læses ({os_reason(exc)})", Location(path)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise fail(f"filen er for stor ({fmt.number(len(raw) / 1_000_000, 1)} MB); højst {MAX_FILE_BYTES // 1_000_000} MB er tilladt", Location(path))
    return raw


def read_text(path: Path) -> str:
    """Read a user's text file as UTF-8 (BOM allowed), with a Danish message otherwise."""
    raw = read_bytes(path)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    wide = _wide_encoding(raw)
    if wide:
        raise fail(f"filen er gemt som {wide} (fx Notesblokkens 'Unicode'); gem den igen med tegnsættet UTF-8",
                   Location(path, 1, 1))
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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:  # YAML refuses it with no useful place
        at = text.index("\0")
        raise fail("filen indeholder et NUL-tegn (U+0000), som YAML ikke tillader; slet tegnet (det er usynligt i "
                   "de fleste programmer)", Location(path, text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1))
    return text


def _wide_encoding(raw: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' for a file saved in one of them (by its byte order mark), else None."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    return None


def load_yaml(path: Path) -> SourceDoc:
    """Parse one YAML file into a SourceDoc, raising BriefingError with its place on failure."""
    text = read_text(path)
    try:
        node, may_unfold = _compose(path, text)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(path, exc, text) from None
    except yaml.YAMLError:
        raise fail("filen er ikke gyldig YAML", Location(path, 1, 1)) from None
    except RecursionError:  # thousands of nested [ or { exhaust the parser's stack
        raise fail(f"strukturen er indlejret mere end {MAX_DEPTH} niveauer; det er ikke tilladt", Location(path, 1, 1)) from None
    if node is None:
        raise fail("filen er tom", Location(path, 1, 1))
    doc = SourceDoc(path, None)
    if may_unfold:
        _check_size(doc, node)
    doc.data = _Converter(doc, text).convert(node, (), 0)
    return doc


def _compose(path: Path, text: str) -> tuple[Node | None, bool]:
    """The node tree, composed by libyaml where PyYAML has it (ten times faster). A document libyaml refuses
    is composed again by the pure-Python parser, whose error messages the Danish hints are written for.

    The depth is counted on the event stream before anything is composed, by whichever parser composes: libyaml
    composes by recursion in C, PyYAML's composer by recursion in Python, but neither event parser recurses. A
    libyaml that refuses deep nesting itself (0.2.5, bundled with PyYAML 6.0.3 and later, stops at 1.000 flow
    levels, looking ahead of the events) makes the pure-Python count the place, so the message is the same with
    any PyYAML, with or without libyaml.

    Also says whether the document may unfold past MAX_NODES values (it has aliases, or that many nodes), which
    only then is worth the size count."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            may_unfold = _refuse_deep_nesting(path, text, loader)
            return yaml.compose(text, Loader=loader), may_unfold
        except yaml.YAMLError as exc:
            _refuse_deep_nesting_before(path, text, loader, exc)
    may_unfold = _refuse_deep_nesting(path, text, yaml.SafeLoader)
    return yaml.compose(text, Loader=yaml.SafeLoader), may_unfold


def _refuse_deep_nesting(path: Path, text: str, loader) -> bool:
    """Refuse more than MAX_DEPTH nested lists and sections at the first one too deep, counted on the events.
    Returns whether the document may unfold past MAX_NODES values: each node is one event, and only an alias
    (*navn) makes one node count more than once."""
    depth = nodes = 0
    aliases = False
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
            aliases = aliases or isinstance(event, yaml.AliasEvent)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH + 1:  # the document's own section is depth 1; the converter counts it as 0
                mark = event.start_mark
                raise fail(f"strukturen er indlejret mere end {MAX_DEPTH} niveauer; det er ikke tilladt",
                           Location(path, mark.line + 1, mark.column + 1))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return aliases or nodes > MAX_NODES


def _refuse_deep_nesting_before(path: Path, text: str, loader, exc: yaml.YAMLError) -> None:
    """libyaml looks ahead of its events, so it can refuse a document (e.g. past its own 1.000 flow levels) before
    the events have reached our limit. The events of the text up to where it gave up are the document's own:
    count them with libyaml too, since the pure-Python scanner takes seconds on such a line."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return
    lines = text.split("\n")
    if mark.line >= len(lines):
        return
    prefix = "\n".join(lines[: mark.line] + [lines[mark.line][: mark.column]])
    try:
        _refuse_deep_nesting(path, prefix, loader)
    except yaml.YAMLError:
        pass  # the prefix ends mid-document; only a depth found before that counts


def _too_many_values(location: Location) -> BriefingError:
    return fail(
        f"filen udfolder sig til mere end {MAX_NODES:,} værdier (fx via mange henvisninger *navn); "
        "det er ikke tilladt".replace(",", "."),
        location,
    )


def _check_size(doc: SourceDoc, root: Node) -> None:
    """Refuse alias bombs before unfolding them: count values with each shared (aliased) node sized once."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Node, depth: int) -> int:
        if id(node) in sizes:
            return sizes[id(node)]
        if id(node) in active or depth > MAX_DEPTH:
            return 1  # a cycle or too deep: the converter reports the depth with its place
        active.add(id(node))
        total = 1
        children: list[Node] = []
        if isinstance(node, SequenceNode):
            children = node.value
        elif isinstance(node, MappingNode):
            children = [value for _, value in node.value]
        for child in children:
            total += size(child, depth + 1)
            if total > MAX_NODES:
                raise _too_many_values(Location(doc.path, node.start_mark.line + 1, node.start_mark.column + 1))
        active.discard(id(node))
        sizes[id(node)] = total
        return total

    size(root, 0)


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


_REFERENCE_FIRST = re.compile(r"^(\s*(?:-\s+)?[^\s:#][^:#]*:\s+)\{[^{}]*\|")  # lead: {ledige | Aalborg} er ...


def _syntax_error(path: Path, exc: yaml.MarkedYAMLError, source: str = "") -> BriefingError:
    mark = exc.problem_mark or exc.context_mark
    if exc.context == "while scanning a quoted scalar" and exc.context_mark:
        mark = exc.context_mark  # the opening quote, not the end of the file where the scanner gave up
    location = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    start = exc.problem_mark or mark
    lines = source.split("\n")
    line = lines[start.line] if start is not None and start.line < len(lines) else ""
    reference = _REFERENCE_FIRST.match(line)
    if reference:  # YAML reads a text that starts with '{' as a section
        column = len(reference.group(1)) + 1
        return fail("YAML-fejl: teksten begynder med en henvisning { … }, som YAML læser som en sektion; sæt hele "
                    "teksten i anførselstegn, fx \"{ledige | Hedensted} er ledige\"", Location(path, start.line + 1, column))
    text = f"{exc.context or ''} {exc.problem or ''}"
    for needle, message in _SYNTAX_HINTS:
        if needle in text:
            return fail(f"YAML-fejl: {message}", location)
    return fail("YAML-fejl: filen kan ikke læses her; tjek indrykning, kolon og anførselstegn", location)


class _Converter:
    """Turns a composed node tree into plain data, recording marks and guarding size."""

    def __init__(self, doc: SourceDoc, text: str) -> None:
        self.doc = doc
        self.text = text
        self.lines = text.split("\n")
        self.visited = 0
        self.constructor = SafeConstructor()

    def convert(self, node: Node, path: PathKey, depth: int) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise _too_many_values(self._location(node))
        if depth > MAX_DEPTH:
            raise fail(f"strukturen er indlejret mere end {MAX_DEPTH} niveauer; det er ikke tilladt", self._location(node))
        self.doc.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        plain = {MappingNode: "tag:yaml.org,2002:map", SequenceNode: "tag:yaml.org,2002:seq"}.get(type(node))
        if plain is not None and node.tag != plain:  # e.g. !!python/object/apply on a list or section
            raise self._tag_error(node)
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            if node.flow_style:
                self._check_split_items(node.value, path)
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: MappingNode, path: PathKey, depth: int) -> dict:
        result: dict = {}
        if node.flow_style:
            self._check_split_fields(node.value, path)
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise fail("en nøgle skal være en enkel tekst", self._location(key_node))
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise fail("YAML-fletning med '<<' er ikke tilladt; skriv felterne ud", self._location(key_node))
            key = str(self._scalar(key_node, None))
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
        if path is not None and not node.style:  # plain: None from PyYAML's parser, '' from libyaml's
            self.doc.raw[path] = node.value
            self._check_folded_item(node)
        if node.tag in _NUMBER_TAGS:  # plain, or quoted with a tag (!!int "017"): its text, never YAML's reading
            return Unquoted(node.value)  # read by the Danish number reader where a number is expected
        try:  # a text is its node's value (what SafeConstructor returns, without its bookkeeping)
            value = node.value if node.tag == _TEXT_TAG else self.constructor.construct_object(node, deep=True)
        except ConstructorError:
            raise self._tag_error(node) from None
        except (ValueError, OverflowError):
            if node.tag.endswith(":timestamp"):  # 2026-13-01: YAML takes it for a date that does not exist
                raise fail(f"'{node.value[:40]}' er ikke en dato, der findes; skriv fx 2026-01-14 eller 14-01-2026",
                           self._location(node), field_name(path) if path else "") from None
            raise fail(f"værdien '{node.value[:40]}' kan ikke læses", self._location(node)) from None
        problem = value_problem(value)
        if problem:
            raise fail(problem, self._location(node), field_name(path) if path else "")
        return value

    def _split_by_comma(self, before: Node, after: Node) -> str | None:
        """'3,6' when `before` and `after` are the two halves of a number that a comma in { } or [ ] split."""
        if not (isinstance(before, ScalarNode) and isinstance(after, ScalarNode)) or before.style or after.style:
            return None
        end = before.end_mark.index
        if self.text[end:end + 1] != "," or after.start_mark.index != end + 1:
            return None  # 'a: 1, 5' (a space after the comma) is a list or two fields as written
        if not (_NUMBER_START.fullmatch(before.value) and _DIGITS.fullmatch(after.value)):
            return None
        return f"{before.value},{after.value}"

    def _check_split_fields(self, pairs: list, path: PathKey) -> None:
        """{andel: 3,6}: YAML reads 'andel: 3' and a field '6' without a value."""
        for (key, value), (next_key, next_value) in zip(pairs, pairs[1:]):
            number = self._split_by_comma(value, next_key)
            if number and isinstance(next_value, ScalarNode) and next_value.tag.endswith(":null"):
                name = key.value if isinstance(key, ScalarNode) else "feltet"
                raise fail(
                    f"kommaet i {number} deler værdien i to: inde i {{ }} skiller et komma felterne, så YAML læser "
                    f"'{name}: {value.value}' og et felt '{next_key.value}' uden værdi. Sæt tallet i anførselstegn, "
                    f"{{{name}: \"{number}\"}}, eller skriv feltet på sin egen linje: {name}: {number}",
                    self._location(value), field_name(path + (name,)),
                )

    def _check_split_items(self, items: list, path: PathKey) -> None:
        """[3,6]: YAML reads two items 3 and 6."""
        for i, (item, next_item) in enumerate(zip(items, items[1:])):
            number = self._split_by_comma(item, next_item)
            if number:
                raise fail(
                    f"kommaet i {number} deler listen: inde i [ ] skiller et komma punkterne, så YAML læser "
                    f"{item.value} og {next_item.value} som to punkter. Mener du tallet {number}, så sæt det i "
                    f"anførselstegn: [\"{number}\"]; mener du to punkter, så skriv et mellemrum efter kommaet: "
                    f"[{item.value}, {next_item.value}]",
                    self._location(item), field_name(path + (i,)),
                )

    def _check_folded_item(self, node: ScalarNode) -> None:
        """Refuse a '- ' line that YAML silently joined to the text above because it was indented too far."""
        for line_no in range(node.start_mark.line + 1, min(node.end_mark.line + 1, len(self.lines))):
            line = self.lines[line_no]
            if line.lstrip().startswith("- "):
                column = len(line) - len(line.lstrip()) + 1
                raise fail(
                    "forkert indrykning i listen: punktet er rykket længere ind end punktet over og bliver læst "
                    "som en del af det; hvert punkt skal starte med '- ' i samme kolonne",
                    Location(self.doc.path, line_no + 1, column),
                )

    def _tag_error(self, node: Node) -> BriefingError:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")  # shown as the user wrote it
        return fail(f"YAML-mærket '{tag}' er ikke tilladt; kun almindelig tekst, tal, lister og sektioner", self._location(node))

    def _location(self, node: Node) -> Location:
        return Location(self.doc.path, node.start_mark.line + 1, node.start_mark.column + 1)

