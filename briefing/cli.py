"""Command line: parses arguments, calls the library, prints Danish messages. No traceback reaches a user."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from briefing import __version__
from briefing.errors import BriefingError, Location, Problem

DEFAULT_INPUTS = Path("inputs")


class DanishCommand(click.Command):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[TILVALG]")
        super().__init__(*args, **kwargs)

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:  # e.g. an option without its value: click may not say which command
            if exc.ctx is None:
                exc.ctx = ctx
            raise

    def format_usage(self, ctx, formatter):
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="Brug: ")

    def format_options(self, ctx, formatter):
        rows = [p.get_help_record(ctx) for p in self.get_params(ctx) if not isinstance(p, click.Argument)]
        rows = [r for r in rows if r]
        if rows:
            with formatter.section("Tilvalg"):
                formatter.write_dl(rows)


class DanishGroup(DanishCommand, click.Group):
    command_class = DanishCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("subcommand_metavar", "KOMMANDO [ARGUMENTER]...")
        super().__init__(*args, **kwargs)

    def format_options(self, ctx, formatter):
        DanishCommand.format_options(self, ctx, formatter)
        commands = [(name, cmd.get_short_help_str(70)) for name, cmd in self.commands.items() if not cmd.hidden]
        with formatter.section("Kommandoer"):
            formatter.write_dl(commands)

    def parse_args(self, ctx, args):
        # Bare `briefing` shows the help and succeeds: click 8.1 did so itself, 8.2+ raises a usage error.
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            click.echo(ctx.get_help(), color=ctx.color)
            ctx.exit(0)
        return super().parse_args(ctx, args)

    def main(self, args=None, prog_name=None, **extra):
        from briefing.console import safe_output

        safe_output()
        try:
            return super().main(args=args, prog_name=prog_name, standalone_mode=False, **extra) or 0
        except click.exceptions.Exit as exc:
            return exc.exit_code
        except click.exceptions.Abort:
            click.echo("Afbrudt.", err=True)
            return 1
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None and exc.ctx.command_path else "briefing"
            click.echo(f"Fejl: {_usage_message(exc)}\nSe '{where} --help'.", err=True)
            return 2


def _usage_message(exc: click.UsageError) -> str:
    option = getattr(exc, "option_name", None)
    if isinstance(exc, click.NoSuchOption):
        return f"ukendt tilvalg '{exc.option_name}'"
    if isinstance(exc, click.MissingParameter):
        return f"der mangler en værdi: {exc.param.human_readable_name if exc.param else ''}"
    if isinstance(exc, click.BadParameter):
        return f"ugyldig værdi for {exc.param.human_readable_name if exc.param else 'et tilvalg'}"
    if "No such command" in exc.message:
        return f"ukendt kommando {exc.message.split('No such command', 1)[1].strip(' .')}"
    if "requires an argument" in exc.message:
        return f"tilvalget '{option}' mangler sin værdi" if option else "et tilvalg mangler sin værdi"
    if "does not take a value" in exc.message and option:
        return f"tilvalget '{option}' tager ingen værdi"
    if "unexpected extra argument" in exc.message:
        return "for mange argumenter"
    if option:
        return f"tilvalget '{option}' er ikke skrevet rigtigt"
    return "kommandoen er ikke skrevet rigtigt"


def _run(action, debug: bool, failed: str = "Præsentationen blev ikke bygget") -> None:
    """Run a library call, turning every failure into a Danish message and a non-zero exit."""
    try:
        action()
    except BriefingError as exc:
        click.echo(f"{exc.render(Path.cwd())}\n\n{failed}: ret {len(exc.problems)} fejl ovenfor og prøv igen.", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Afbrudt.", err=True)
        sys.exit(130)
    except OSError as exc:  # the system refused a file (rights, full disk, a folder in the way): said in Danish
        if debug:
            traceback.print_exc()
        click.echo(f"{_os_problem(exc).render(Path.cwd())}\n\n{failed}: ret fejlen ovenfor og prøv igen.", err=True)
        sys.exit(1)
    except Exception:
        if debug:
            traceback.print_exc()
        click.echo("Der skete en uventet fejl i briefing. Den tidligere præsentation er ikke ændret.\n"
                   "Kør kommandoen igen med --debug og send teksten til den, der vedligeholder briefing.", err=True)
        sys.exit(2)


def _os_problem(exc: OSError) -> Problem:
    from briefing.files import os_reason

    where = Location(Path(exc.filename)) if exc.filename else Location()
    return Problem(f"filen eller mappen kan ikke bruges ({os_reason(exc)})", where)


@click.group(name="briefing", cls=DanishGroup, context_settings={"help_option_names": ["-h", "--help"]},
             help="briefing bygger en dialogklar PowerPoint-præsentation om beskæftigelsesindsatsen ud fra YAML-filer.")
@click.version_option(__version__, "--version", message="briefing %(version)s", help="Vis versionen og afslut.")
@click.help_option("-h", "--help", help="Vis denne hjælp og afslut.")
def main() -> None:
    pass


_input = click.option("--input", "inputs", type=click.Path(path_type=Path), default=DEFAULT_INPUTS, metavar="MAPPE",
                      help="Mappen med briefing.yaml, slides/ og data/ (standard: inputs).")
_debug = click.option("--debug", is_flag=True, help="Vis tekniske detaljer ved uventede fejl.")


def _help(f):
    return click.help_option("-h", "--help", help="Vis denne hjælp og afslut.")(f)


@main.command(help="Byg præsentationen til output/.")
@_input
@click.option("--output", type=click.Path(path_type=Path), default=None, metavar="FIL", help="Filen, der skrives (standard: output/<navn>.pptx).")
@click.option("--strict", is_flag=True, help="Stop ved advarsler, ikke kun ved fejl.")
@click.option("--kommune", "municipality", metavar="NAVN", default=None,
              help="Byg præsentationen for en anden kommune ud fra de samme filer.")
@click.option("--alle", "every", is_flag=True, help="Byg én præsentation pr. kommune i 'municipalities' i briefing.yaml.")
@click.option("--forfra", "fresh", is_flag=True, help="Byg alt forfra uden at genbruge tidligere diagrammer.")
@click.option("--pdf", is_flag=True, help="Lav også en PDF ved siden af præsentationen (kræver LibreOffice).")
@_debug
@_help
def build(inputs: Path, output: Path | None, strict: bool, municipality: str | None, every: bool, fresh: bool,
          pdf: bool, debug: bool) -> None:
    from briefing.charts.workers import start_workers

    # Forked before the rest of briefing is imported: matplotlib loads in the worker meanwhile.
    workers = None if every else start_workers()
    try:
        _build_command(inputs, output, strict, municipality, every, fresh, pdf, debug, workers)
    finally:  # also when Ctrl-C comes before the build could take the workers over
        if workers is not None:
            workers.close()


def _build_command(inputs, output, strict, municipality, every, fresh, pdf, debug, workers) -> None:
    try:
        from briefing.build import build as run_build
    except KeyboardInterrupt:
        click.echo("Afbrudt.", err=True)
        sys.exit(130)

    def action():
        if every:
            _build_every(inputs, strict, not fresh, pdf)
            return
        result = run_build(inputs, output, strict=strict, municipality=municipality, cache=not fresh, pdf=pdf,
                           workers=workers)
        _print_warnings(result.warnings)
        shown = _shown(result.path)
        if result.unchanged:
            click.echo(f"Ingen ændringer siden sidste bygning: {shown} er allerede opdateret.")
        else:
            click.echo(f"Færdig: {result.slides} slides bygget på {_seconds(result.seconds)}.\n"
                       f"Præsentationen ligger i {shown}")
        if result.pdf is not None:
            click.echo(f"PDF'en ligger i {_shown(result.pdf)}")

    _run(action, debug)


@main.command(help="Kontrollér filerne og tilgængeligheden uden at bygge noget.")
@_input
@click.option("--strict", is_flag=True, help="Stop ved advarsler og tilgængelighedsfund, ikke kun ved fejl.")
@_debug
@_help
def check(inputs: Path, strict: bool, debug: bool) -> None:
    from briefing.danish import fmt
    from briefing.build import check as run_check

    def action():
        result = run_check(inputs, strict=strict)
        _print_warnings(result.warnings + result.findings)
        if result.findings:
            found = fmt.count(len(result.findings), "tilgængelighedsfund", "tilgængelighedsfund")
            click.echo(f"{found} ovenfor (WCAG 2.1 AA); ret dem, før præsentationen lægges på hjemmesiden.\n"
                       f"{result.slides} slides kan bygges.")
        else:
            click.echo(f"Alt er i orden: {result.slides} slides kan bygges.")

    _run(action, debug, failed="Kontrollen fandt fejl")


@main.command(help="Opret et nyt briefing-projekt i MAPPE: tomt (standard) eller ud fra eksemplet (--eksempel).")
@click.argument("folder", metavar="MAPPE", type=click.Path(path_type=Path))
@click.option("--kommune", "municipality", metavar="NAVN", help="Kommunens navn i det nye projekt, fx Vejle.")
@click.option("--tom/--eksempel", "blank", default=True,
              help="Start med én slide af hver slags (standard) eller med hele Hedensted-eksemplet.")
@_debug
@_help
def init(folder: Path, municipality: str | None, blank: bool, debug: bool) -> None:
    from briefing.load.scaffold import create_project

    def action():
        from briefing.console import command_hint, quoted

        if municipality is not None:
            from briefing.errors import BriefingError, Problem
            from briefing.load.names import default_names, municipality_problem

            problem = municipality_problem(municipality, default_names())
            if problem:
                raise BriefingError(Problem(problem, field="--kommune"))
        if blank:
            from briefing.kinds import KINDS
            from briefing.load.blank import create_blank
            from briefing.publish.schema import write_schemas

            create_blank(folder, municipality or "")
            write_schemas(folder / "schemas", KINDS)
            click.echo(f"Nyt projekt for {municipality} oprettet i {folder}.\nLæs {folder / 'README.md'}, ret filerne i "
                       f"{folder / 'inputs'} og byg med:\n  cd {quoted(str(folder))}\n  {command_hint()} build")
            return
        create_project(folder)
        click.echo(f"Nyt projekt oprettet i {folder}.\nRet tallene i {folder / 'inputs'} og byg med:\n"
                   f"  cd {quoted(str(folder))}\n  {command_hint()} build")

    _run(action, debug, failed="Projektet blev ikke oprettet")


@main.command(help="Skriv JSON Schema for YAML-filerne, så editoren kan hjælpe med felterne.")
@click.option("--output", "folder", type=click.Path(path_type=Path), default=Path("schemas"), metavar="MAPPE",
              help="Mappen, som skemaerne skrives til (standard: schemas).")
@_debug
@_help
def schema(folder: Path, debug: bool) -> None:
    from briefing.kinds import KINDS
    from briefing.publish.schema import write_schemas

    def action():
        written = write_schemas(folder, KINDS)
        click.echo(f"Skrev {len(written)} skemaer til {folder}.")

    _run(action, debug, failed="Skemaerne blev ikke skrevet")


@main.command(name="import", help="Importér et udtræk fra Jobindsats.dk som datatabel i inputs/data/. FIL er den hentede "
              "XLSX- eller CSV-fil.")
@click.argument("file", metavar="FIL", type=click.Path(path_type=Path))
@_input
@click.option("--name", default=None, metavar="NAVN", help="Tabellens navn i inputs/data/ (standard: ud fra filnavnet).")
@click.option("--overwrite", is_flag=True, help="Erstat en tabel, der allerede har det navn.")
@_debug
@_help
def import_(file: Path, inputs: Path, name: str | None, overwrite: bool, debug: bool) -> None:
    from briefing.danish import fmt
    from briefing.load.importer import import_export

    def action():
        result = import_export(file, inputs, name, overwrite=overwrite)
        table = result.table
        period = f", {table.period_text}" if table.period_text else ""
        click.echo(f"Importerede '{result.name}': {fmt.count(len(table.rows), 'række', 'rækker')} og "
                   f"{fmt.count(len(table.value_columns), 'talkolonne', 'talkolonner')} (enhed: {table.unit}{period}).")
        click.echo(f"Tabellen ligger i {_shown(result.table_path)}, tallene i {_shown(result.data_path)}.")
        if result.missing:
            click.echo(f"{fmt.number(result.missing)} tal er under diskretionsgrænsen eller mangler og vises som –.")
        if result.extracted is None:
            click.echo(f"Udtræksdatoen står ikke i filen; skriv den øverst i {_shown(result.table_path)}.")
        click.echo(f"Brug tabellen på en slide med 'table: {result.name}'.")

    _run(action, debug, failed="Tabellen blev ikke importeret")


@main.command(help="Vis, hvad der er ændret mellem to byggede præsentationer.")
@click.argument("old", metavar="GAMMEL.pptx", type=click.Path(path_type=Path))
@click.argument("new", metavar="NY.pptx", type=click.Path(path_type=Path))
@_debug
@_help
def diff(old: Path, new: Path, debug: bool) -> None:
    from briefing.publish.diff import diff_text

    def action():
        click.echo(diff_text(old, new))

    _run(action, debug, failed="Præsentationerne kunne ikke sammenlignes")


def _build_every(inputs: Path, strict: bool, cache: bool, pdf: bool) -> None:
    import time

    from briefing.batch import build_every

    started = time.perf_counter()
    with click.progressbar(length=1, label="Bygger", file=sys.stderr, show_pos=True) as bar:
        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        results = build_every(inputs, strict=strict, cache=cache, progress=progress)
    pdfs = _pdfs_for(results) if pdf and results else 0
    for result in results:
        _print_warnings(result.warnings)
    folder = _shown(results[0].path.parent) if results else ""
    made = f" og {pdfs} PDF'er" if pdf and pdfs else ""
    click.echo(f"Færdig: {len(results)} præsentationer{made} bygget på {_seconds(time.perf_counter() - started)}.\n"
               f"De ligger i {folder}/")


def _pdfs_for(results) -> int:
    """A PDF next to every deck of a batch; without LibreOffice one warning instead of one per deck."""
    from briefing.build import add_pdf
    from briefing.publish.pdf import MISSING, find_libreoffice

    if find_libreoffice() is None:
        folder = results[0].path.parent
        results[0].warnings.append(Problem(MISSING.replace("PDF'en er", "PDF'erne er").replace(
            "Præsentationen er bygget", "Præsentationerne er bygget"), Location(folder), severity="advarsel"))
        return 0
    with click.progressbar(results, label="Laver PDF'er", file=sys.stderr, show_pos=True) as bar:
        for result in bar:
            add_pdf(result)
    return sum(1 for result in results if result.pdf is not None)


def _print_warnings(warnings) -> None:
    for problem in warnings:
        click.echo(problem.render(Path.cwd()), err=True)


def _shown(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _seconds(seconds: float) -> str:
    from briefing.danish import fmt

    return f"{fmt.number(seconds, 1)} sekunder"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
