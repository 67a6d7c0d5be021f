"""Load stage, the theme: themes/<name>.yaml, its logo and the municipality's template, each path checked to lie
inside the theme's folder before it is opened (paths.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BriefingError, Location, Problems, known_list, suggest
from briefing.load.paths import SYMLINK_OUT, outside_reason, plain_name_problem, within
from briefing.load.resources import resource_root
from briefing.load.source import SourceDoc, load_yaml
from briefing.load.validate import validate
from briefing.spec.models import ThemeSpec

PACKAGE_ROOT = resource_root()  # the shipped inputs/, narratives/, themes/ and schemas/ (see load/resources.py)


@dataclass
class Theme:
    spec: ThemeSpec
    path: Path | None
    logo: Path | None = None
    template: bytes | None = None
    layouts: dict[str, str] = field(default_factory=dict)


def load_collecting(path: Path, problems: Problems) -> SourceDoc | None:
    """The parsed file, or None with its problems added to `problems`."""
    try:
        return load_yaml(path)
    except BriefingError as exc:
        problems.extend(exc.problems)
        return None


def yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file())



def theme_folders(root: Path) -> list[Path]:
    """Where themes are looked up: the project's own themes/, then the ones shipped with briefing."""
    folders = [root / "themes", PACKAGE_ROOT / "themes"]
    return [f for i, f in enumerate(folders) if f.is_dir() and f.resolve() not in [g.resolve() for g in folders[:i]]]


def load_theme(root: Path, name: str, deck_doc: SourceDoc | None, problems: Problems) -> Theme | None:
    folders = theme_folders(root)
    wrong = plain_name_problem(name, "themes/")
    if wrong:
        problems.add(f"ukendt tema '{name}': {wrong}", deck_doc.location(("theme",)) if deck_doc else Location(),
                     "theme")
        return None
    for folder in folders:
        path = folder / f"{name}.yaml"
        if path.is_file() and not within(folder, path):
            problems.add(SYMLINK_OUT, Location(path))
            return None
        if path.is_file():
            doc = load_collecting(path, problems)
            if doc is None:
                return None
            spec, found = validate(ThemeSpec, doc)
            problems.extend(found)
            if spec is None:
                return None
            theme = Theme(spec, path, _logo(spec, folder, doc, problems))
            from briefing.spec.colors import theme_contrast_problems

            for field_name, message in theme_contrast_problems(spec.colors):
                problems.add(message, doc.location(tuple(field_name.split("."))), field_name)
            _template(theme, folder, doc, problems)
            return theme
    if name == "default":
        return Theme(ThemeSpec(), None)
    known = sorted({p.stem for f in folders for p in yaml_files(f)})
    where = deck_doc.location(("theme",)) if deck_doc else Location()
    problems.add(f"ukendt tema '{name}'{suggest(name, known)} (findes: {known_list(known) or 'ingen'})", where, "theme")
    return None


def _inside(folder: Path, name: str) -> tuple[Path | None, str]:
    """`name` resolved inside `folder`, or None and the reason when it points out of it (../, absolute, symlinks)."""
    reason = outside_reason(folder, name)
    return (None, reason) if reason else ((folder / name).resolve(), "")


def _template(theme: Theme, folder: Path, doc: SourceDoc, problems: Problems) -> None:
    """Read the municipality's template and pick its layouts; problems name what the template offers."""
    spec = theme.spec
    if spec.template is None:
        return
    from briefing.load.template import choose_layouts, open_presentation, read_template

    where = doc.location(("template",))
    path, reason = _inside(folder, spec.template)
    if path is None:
        problems.add(f"skabelonen skal ligge i themes/-mappen ({reason})", where, "template")
        return
    if path.suffix.lower() in (".pptm", ".potm", ".ppsm"):
        problems.add(f"skabelonen '{spec.template}' er gemt med makroer ({path.suffix.lower()}), og makroer kommer "
                     "aldrig med i præsentationen; gem den i PowerPoint som .pptx eller .potx uden makroer",
                     where, "template")
        return
    if path.suffix.lower() not in (".pptx", ".potx") or not path.is_file():
        present = sorted(p.name for p in folder.iterdir() if p.suffix.lower() in (".pptx", ".potx"))
        problems.add(f"skabelonen '{spec.template}' findes ikke (skabeloner i themes/: {', '.join(present) or 'ingen'})",
                     where, "template")
        return
    from briefing.load.zipsafe import ZipLimitError

    try:
        data, removed = read_template(path)
        prs = open_presentation(data)
    except ZipLimitError as exc:
        problems.add(f"skabelonen kan ikke bruges: {exc}", where, "template")
        return
    except Exception:  # a damaged file can fail deep inside python-pptx or zipfile
        problems.add("skabelonen kan ikke åbnes som PowerPoint-fil (.pptx eller .potx)", where, "template")
        return
    for what in removed:
        problems.add(f"fjernet fra skabelonen, så det ikke kommer med i præsentationen: {what}", where, "template",
                     warning=True)
    chosen, found = choose_layouts(prs, spec.layouts.model_dump())
    for name, message in found:
        problems.add(message, doc.location(tuple(name.split("."))), name)
    ratio = prs.slide_width / prs.slide_height
    if abs(ratio - 16 / 9) > 0.02:
        problems.add("skabelonen er ikke i 16:9-format; vælg en bredformat-skabelon", where, "template", warning=True)
    theme.template, theme.layouts = data, chosen


def _logo(spec: ThemeSpec, folder: Path, doc: SourceDoc, problems: Problems) -> Path | None:
    if spec.logo is None:
        return None
    path, reason = _inside(folder, spec.logo)
    if path is None:
        problems.add(f"logoet skal ligge i themes/-mappen ({reason})", doc.location(("logo",)), "logo")
        return None
    if not path.is_file() or path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        problems.add(f"logoet '{spec.logo}' findes ikke eller er ikke PNG/JPG", doc.location(("logo",)), "logo")
        return None
    from briefing.load.images import image_problem

    wrong = image_problem(path)
    if wrong:
        problems.add(f"logoet kan ikke bruges: {wrong}", doc.location(("logo",)), "logo")
        return None
    return path
