"""A small, safe expression language for rule conditions and scenario formulas.

Expressions are parsed with Python's `ast` into a whitelist of node kinds and
evaluated by our own walker: no `eval`, no attribute access, no subscripts, no
imports, no lambdas or comprehensions. Size, depth and powers are bounded, and
values may carry units that are checked (kr. + timer is an error).
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

MAX_LENGTH = 500
_GROUPED = re.compile(r"(?<![\w.])[1-9][0-9]{0,2}(?:\.[0-9]{3})+(?![\w.])")
MAX_NODES = 200
MAX_DEPTH = 25
MAX_EXPONENT = 64
MAX_MAGNITUDE = 1e15

_WORDS = {"og": "and", "eller": "or", "ikke": "not"}


class ExpressionError(ValueError):
    """A Danish message about an expression; `column` is 1-based within the expression when known."""

    def __init__(self, message: str, column: int = 0):
        super().__init__(message)
        self.column = column


# ---------------------------------------------------------------- units

@dataclass(frozen=True)
class Unit:
    """A product of named units with integer powers, e.g. kr./time = {kr.: 1, time: -1}."""

    powers: tuple[tuple[str, int], ...] = ()

    @staticmethod
    def parse(text: str | None) -> "Unit":
        """'kr.', 'timer', 'kr./time', 'personer', '' (no unit)."""
        if not text:
            return Unit()
        top, _, bottom = text.partition("/")
        powers: dict[str, int] = {}
        for name in top.split("*"):
            if name.strip():
                key = _singular(name.strip())
                powers[key] = powers.get(key, 0) + 1
        for name in bottom.split("*") if bottom else []:
            if name.strip():
                key = _singular(name.strip())
                powers[key] = powers.get(key, 0) - 1
        return Unit(tuple(sorted((k, v) for k, v in powers.items() if v)))

    def __mul__(self, other: "Unit") -> "Unit":
        powers = dict(self.powers)
        for k, v in other.powers:
            powers[k] = powers.get(k, 0) + v
        return Unit(tuple(sorted((k, v) for k, v in powers.items() if v)))

    def inverse(self) -> "Unit":
        return Unit(tuple((k, -v) for k, v in self.powers))

    def __str__(self) -> str:
        top = "*".join(k for k, v in self.powers for _ in range(v) if v > 0)
        bottom = "*".join(k for k, v in self.powers for _ in range(-v) if v < 0)
        if not top and not bottom:
            return "uden enhed"
        return f"{top or '1'}/{bottom}" if bottom else top


# Plural and singular forms name the same unit: 'timer' and 'time', 'personer' and 'person'.
_PLURALS = {"timer": "time", "personer": "person", "uger": "uge", "sager": "sag", "borgere": "borger",
            "sanktioner": "sanktion", "forløb": "forløb", "år": "år", "måneder": "måned"}


def _singular(name: str) -> str:
    return _PLURALS.get(name, name)


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: Unit = Unit()


# ---------------------------------------------------------------- parse

_ALLOWED = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.Name, ast.Load, ast.Constant,
            ast.Call, ast.IfExp, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.USub, ast.UAdd, ast.Not, ast.And,
            ast.Or, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)
FUNCTIONS = ("abs", "min", "max", "rund")

_FORBIDDEN_NAMES = {
    ast.Attribute: "punktum efter et navn (attributter) er ikke tilladt",
    ast.Subscript: "[ ] er ikke tilladt",
    ast.Lambda: "lambda er ikke tilladt",
    ast.ListComp: "lister og løkker er ikke tilladt",
    ast.GeneratorExp: "lister og løkker er ikke tilladt",
    ast.SetComp: "lister og løkker er ikke tilladt",
    ast.DictComp: "lister og løkker er ikke tilladt",
    ast.List: "lister er ikke tilladt",
    ast.Tuple: "lister er ikke tilladt; skriv decimaltal med punktum i formler, fx 2.5",
    ast.Dict: "sektioner er ikke tilladt",
    ast.Set: "mængder er ikke tilladt",
    ast.NamedExpr: ":= er ikke tilladt",
    ast.JoinedStr: "f-strenge er ikke tilladt",
    ast.Await: "await er ikke tilladt",
    ast.Starred: "* foran et navn er ikke tilladt",
    ast.Mod: "% er ikke tilladt; skriv procent som tal, fx 0.25",
    ast.FloorDiv: "// er ikke tilladt",
    ast.BitAnd: "& er ikke tilladt", ast.BitOr: "| er ikke tilladt", ast.BitXor: "^ er ikke tilladt; brug ** til potens",
    ast.LShift: "<< er ikke tilladt", ast.RShift: ">> er ikke tilladt", ast.Invert: "~ er ikke tilladt",
    ast.MatMult: "@ er ikke tilladt", ast.In: "'in' er ikke tilladt", ast.NotIn: "'not in' er ikke tilladt",
    ast.Is: "'is' er ikke tilladt", ast.IsNot: "'is not' er ikke tilladt",
}


def parse(text: str) -> ast.Expression:
    """Parse and vet an expression; raise ExpressionError (Danish) for anything outside the language."""
    if not isinstance(text, str) or not text.strip():
        raise ExpressionError("udtrykket er tomt")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"udtrykket er for langt (højst {MAX_LENGTH} tegn)")
    if "__" in text:
        raise ExpressionError("navne med '__' er ikke tilladt", text.index("__") + 1)
    grouped = _GROUPED.search(text)
    if grouped:  # '40.000' is forty thousand to a Dane but 40.0 to Python: never read it either way silently
        number = grouped[0]
        either = f" eller {float(number)!r} (decimaltal med punktum)" if number.count(".") == 1 else ""
        raise ExpressionError(f"'{number}' kan læses på to måder; skriv {number.replace('.', '')} (uden "
                              f"tusindtalspunktum){either}", grouped.start() + 1)
    source, origin = _translate(text)
    if _paren_depth(source) > MAX_DEPTH:
        raise ExpressionError(f"udtrykket er indlejret for dybt (højst {MAX_DEPTH} niveauer)")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        column = origin[min(exc.offset - 1, len(source))] + 1 if exc.offset else 0
        raise ExpressionError("udtrykket kan ikke læses; tjek parenteser og regnetegn", column) from None
    except (RecursionError, MemoryError, ValueError):
        raise ExpressionError("udtrykket er for indviklet") from None
    _relocate(tree, source, origin)
    _vet(tree)
    return tree


def _translate(text: str) -> tuple[str, list[int]]:
    """Python source for the expression ('og' -> 'and', ...) and, per source character, its index in `text`.

    Leading blanks and line breaks become spaces, so every node stays on one line and
    columns in messages point into the text the user wrote.
    """
    parts: list[str] = []
    origin: list[int] = []
    position = 0
    for match in re.finditer(r"\b(og|eller|ikke)\b", text):
        parts.append(text[position:match.start()])
        origin.extend(range(position, match.start()))
        word = _WORDS[match.group(1)]
        parts.append(word)
        origin.extend([match.start()] * len(word))
        position = match.end()
    parts.append(text[position:])
    origin.extend(range(position, len(text) + 1))  # one past the end for errors at the end
    source = re.sub(r"\s", " ", "".join(parts))
    stripped = source.lstrip()
    return stripped, origin[len(source) - len(stripped):]


def _paren_depth(source: str) -> int:
    depth = deepest = 0
    for char in source:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    return deepest


def _relocate(tree: ast.AST, source: str, origin: list[int]) -> None:
    """Turn node offsets (UTF-8 bytes into `source`) into character offsets into the user's text."""
    encoded = source.encode("utf-8")
    for node in ast.walk(tree):
        if hasattr(node, "col_offset"):
            index = len(encoded[: node.col_offset].decode("utf-8", errors="ignore"))
            node.col_offset = origin[min(index, len(origin) - 1)]


def _vet(tree: ast.Expression) -> None:
    count = 0
    stack: list[tuple[ast.AST, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise ExpressionError(f"udtrykket er for langt (højst {MAX_NODES} led)")
        if depth > MAX_DEPTH * 2:
            raise ExpressionError(f"udtrykket er indlejret for dybt (højst {MAX_DEPTH} niveauer)")
        column = getattr(node, "col_offset", -1) + 1
        if not isinstance(node, _ALLOWED):
            message = _FORBIDDEN_NAMES.get(type(node), f"'{type(node).__name__}' er ikke tilladt i et udtryk")
            raise ExpressionError(message, column)
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float, str)) or isinstance(
                getattr(node, "value", None), bool) and isinstance(node, ast.Constant):
            raise ExpressionError("kun tal og tekst er tilladt som værdier", column)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not (
                abs(node.value) <= MAX_MAGNITUDE):  # also catches inf (1e400) and ints too big for a float
            raise ExpressionError("tallet er for stort", column)
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name):
                raise ExpressionError(f"kun funktionerne {', '.join(FUNCTIONS)} kan kaldes, ved navn", column)
            if node.func.id not in FUNCTIONS:
                raise ExpressionError(f"ukendt funktion '{node.func.id}' (tilladte: {', '.join(FUNCTIONS)})", column)
            if node.keywords:
                raise ExpressionError(f"{node.func.id}() tager kun tal, ikke navn=værdi", column)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def names(tree: ast.Expression) -> list[str]:
    """Variable names used by an expression (functions excluded), in order of first use."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            continue
        if isinstance(node, ast.Name) and node.id not in FUNCTIONS and node.id not in found:
            found.append(node.id)
    return found


# ---------------------------------------------------------------- evaluate

Env = Mapping[str, float | Quantity | str | bool]


def evaluate(text_or_tree: str | ast.Expression, env: Env):
    """Evaluate an expression with variables from `env`; plain numbers in, a float/bool/Quantity out."""
    tree = parse(text_or_tree) if isinstance(text_or_tree, str) else text_or_tree
    result = _eval(tree.body, env)
    if isinstance(result, Quantity) and not result.unit.powers:
        return result.value
    return result


def _q(value) -> Quantity:
    if isinstance(value, Quantity):
        return value
    if isinstance(value, bool):
        raise ExpressionError("regning med sandt/falsk (en sammenligning) er ikke tilladt")
    if not isinstance(value, (int, float)):
        raise ExpressionError("regning med tekst er ikke tilladt")
    return Quantity(float(value))


def _checked(value: float, unit: Unit) -> Quantity:
    if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
        raise ExpressionError("resultatet er for stort")
    return Quantity(value, unit)


def _eval(node: ast.AST, env: Env):
    column = getattr(node, "col_offset", -1) + 1
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else Quantity(float(node.value))
    if isinstance(node, ast.Name):
        if node.id not in env:
            known = ", ".join(sorted(env)) or "ingen"
            raise ExpressionError(f"ukendt navn '{node.id}' (kendte: {known})", column)
        value = env[node.id]
        return value if isinstance(value, (Quantity, str, bool)) else Quantity(float(value))
    if isinstance(node, ast.UnaryOp):
        operand = _eval(node.operand, env)
        if isinstance(node.op, ast.Not):
            return not _truth(operand)
        q = _q(operand)
        return Quantity(-q.value if isinstance(node.op, ast.USub) else q.value, q.unit)
    if isinstance(node, ast.BoolOp):
        values = [_truth(_eval(v, env)) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.IfExp):
        return _eval(node.body, env) if _truth(_eval(node.test, env)) else _eval(node.orelse, env)
    if isinstance(node, ast.Compare):
        return _compare(node, env)
    if isinstance(node, ast.Call):
        return _call(node, env)
    if isinstance(node, ast.BinOp):
        return _binop(node, _q(_eval(node.left, env)), _q(_eval(node.right, env)), column)
    raise ExpressionError("udtrykket indeholder noget, der ikke er tilladt", column)  # pragma: no cover


def _truth(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, Quantity):
        return value.value != 0
    return bool(value)


def _binop(node: ast.BinOp, a: Quantity, b: Quantity, column: int) -> Quantity:
    op = node.op
    if isinstance(op, (ast.Add, ast.Sub)):
        if a.unit != b.unit:
            raise ExpressionError(f"kan ikke lægge {a.unit} og {b.unit} sammen eller trække dem fra hinanden", column)
        return _checked(a.value + b.value if isinstance(op, ast.Add) else a.value - b.value, a.unit)
    if isinstance(op, ast.Mult):
        return _checked(a.value * b.value, a.unit * b.unit)
    if isinstance(op, ast.Div):
        if b.value == 0:
            raise ExpressionError("division med nul", column)
        return _checked(a.value / b.value, a.unit * b.unit.inverse())
    if isinstance(op, ast.Pow):
        if b.unit.powers or a.unit.powers:
            raise ExpressionError("potens kan kun bruges på tal uden enhed", column)
        if abs(b.value) > MAX_EXPONENT:
            raise ExpressionError(f"eksponenten er for stor (højst {MAX_EXPONENT})", column)
        if a.value == 0 and b.value < 0:
            raise ExpressionError("division med nul", column)
        try:
            result = a.value ** b.value
        except OverflowError:
            raise ExpressionError("resultatet er for stort", column) from None
        if isinstance(result, complex):
            raise ExpressionError("potensen giver ikke et reelt tal", column)
        return _checked(result, Unit())
    raise ExpressionError("regnetegnet er ikke tilladt", column)  # pragma: no cover


_COMPARE = {ast.Lt: lambda a, b: a < b, ast.LtE: lambda a, b: a <= b, ast.Gt: lambda a, b: a > b,
            ast.GtE: lambda a, b: a >= b, ast.Eq: lambda a, b: a == b, ast.NotEq: lambda a, b: a != b}


def _compare(node: ast.Compare, env: Env) -> bool:
    left = _eval(node.left, env)
    for op, right_node in zip(node.ops, node.comparators):
        right = _eval(right_node, env)
        if isinstance(left, str) or isinstance(right, str):
            if not isinstance(op, (ast.Eq, ast.NotEq)):
                raise ExpressionError("tekst kan kun sammenlignes med == og !=")
            a, b = left, right
        else:
            qa, qb = _q(left), _q(right)
            if qa.unit != qb.unit and qb.unit.powers and qa.unit.powers:
                raise ExpressionError(f"kan ikke sammenligne {qa.unit} med {qb.unit}")
            a, b = qa.value, qb.value
        if not _COMPARE[type(op)](a, b):
            return False
        left = right
    return True


def _call(node: ast.Call, env: Env) -> Quantity:
    name = node.func.id  # vetted in parse
    args = [_q(_eval(a, env)) for a in node.args]
    if name == "abs" and len(args) == 1:
        return Quantity(abs(args[0].value), args[0].unit)
    if name in ("min", "max") and args:
        units = {a.unit for a in args}
        if len(units) > 1:
            raise ExpressionError(f"{name}() kræver tal med samme enhed")
        pick = min if name == "min" else max
        return pick(args, key=lambda q: q.value)
    if name == "rund" and 1 <= len(args) <= 2:
        decimals = int(args[1].value) if len(args) == 2 else 0
        if not 0 <= decimals <= 6:
            raise ExpressionError("rund() tager 0-6 decimaler")
        from briefing.danish.fmt import round_half_up

        return Quantity(float(round_half_up(args[0].value, decimals)), args[0].unit)
    raise ExpressionError(f"forkert antal argumenter til {name}()", getattr(node, "col_offset", -1) + 1)
