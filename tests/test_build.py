"""End to end: the example project through the CLI to a .pptx, read back with python-pptx."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.util import Inches

from briefing.cli import main
from briefing.danish.fmt import keep_together

from .deckdump import dump

REPO = Path(__file__).resolve().parent.parent

EXPECTED_TITLES = [
    "Beskæftigelsesindsatsen i Hedensted",
    "Dagsorden",
    "Formålet er at afdække udvalgets handlemuligheder",
    "Flere aktivitetsparate i tilbud, men færre jobparate og længere forløb for unge",
    "Økonomi og effekt af tilbuddene",
    "Flere aktivitetsparate er i tilbud end før covid-19",
    "Virksomhedspraktik er næsten tilbage på niveauet før covid-19",
    "Aktiveringen af aktivitetsparate er steget mere i Hedensted end i regionen",
    "Færre modtagere af de fleste ydelser end før covid-19",
    "Færre passive borgere på kontanthjælp og uddannelseshjælp",
    "Flere unge har ordinære løntimer ved siden af ydelsen",
    "Flere aktivitetsparate går i job efter et forløb end i regionen",
    "Efter et forløb går jobparate oftest i job, ressourceforløb oftest på førtidspension",
    "Unge på uddannelseshjælp er længere tid i forløb end før",
    "Jobafklaringsforløb koster mere end i regionen uden at give flere i job",
    "Fire håndtag kan sænke udgiften til tilbud med 5,8 mio. kr.",
    "Flere virksomhedspraktikker giver flere i job for færre penge",
    "Til drøftelse – økonomi og effekt",
    "Sanktionspraksis",
    "Hedensted sanktionerer sjældnere end sammenlignelige kommuner",
    "Strammere praksis sparer ydelser, men koster tid og tillid",
    "Til drøftelse – sanktionspraksis",
    "Borgernes møde med jobcentret",
    "De fleste borgere oplever at blive mødt med respekt",
    "Til drøftelse – borgernes møde med jobcentret",
    "Anbefalingerne og det videre arbejde",
    "Syv af de otte anbefalinger er i gang, én er gennemført",
    "Udvalget bedes prioritere de næste skridt",
    "Tak for dialogen",
    "Bilag: Andel aktiverede (1 af 2)",
    "Bilag: Andel aktiverede (2 af 2)",
    "Bilag: Andel aktiverede, aktivitetsparate kontanthjælpsmodtagere (pct.)",  # nine columns: the unit once
    "Bilag: Andel aktiveringsberørte",
    "Bilag: Andel med ordinære løntimer",
    "Bilag: Status 1 måned efter afsluttet forløb (1 af 2)",  # 25 rows: as few slides as hold them at 14 pt
    "Bilag: Status 1 måned efter afsluttet forløb (2 af 2)",
    "Bilag: Gennemsnitlig varighed af afsluttede forløb",
    "Bilag: Udgift og effekt pr. målgruppe sammenlignet med RAR Østjylland",
    "Bilag: Udgift til tilbud, i dag og i scenariet for 2023",
    "Bilag: Sanktioner pr. 100 modtagere af kontanthjælp",
    "Bilag: Borgernes svar på udsagn om mødet med jobcentret (pct.)",
]


def by_title(slides: list[dict], title: str) -> dict:
    """The dumped slide with this title: tests stay right when slides are added elsewhere."""
    return next(s for s in slides if s["title"] in (title, keep_together(title)))  # as typeset on the slide


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    """The example built once for the tests that only read the deck, through the CLI in the project folder."""
    project = tmp_path_factory.mktemp("built")
    for folder in ("inputs", "themes"):
        shutil.copytree(REPO / folder, project / folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    return project / "output" / "hedensted-beskaeftigelse.pptx", result.output


def test_cli_build_reports_in_danish(built):
    path, output = built
    assert path.is_file()
    assert re.fullmatch(
        rf"Færdig: {len(EXPECTED_TITLES)} slides bygget på \d+,\d sekunder\.\n"
        r"Præsentationen ligger i output/hedensted-beskaeftigelse\.pptx\n",
        output,
    )


def test_deck_is_16_9_with_real_titles_in_order(built):
    path, _ = built
    prs = Presentation(str(path))
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)  # PowerPoint's own 16:9, to the EMU
    assert [s["title"] for s in dump(path)] == [keep_together(t) for t in EXPECTED_TITLES]  # as typeset


def test_table_slide_cells_are_danish(built):
    slide = by_title(dump(built[0]), "Færre modtagere af de fleste ydelser end før covid-19")
    assert slide["tables"] == [[
        ["Målgruppe", keep_together("3. kvt. 2019 (personer)"), keep_together("3. kvt. 2021 (personer)")],
        ["Kontanthjælp, jobparat", "76", "66"],
        ["Kontanthjælp, aktivitetsparat", "187", "165"],
        ["Uddannelseshjælp i alt", "283", "276"],
        ["Uddannelseshjælp, aktivitetsparat", "152", "199"],
        ["Jobafklaringsforløb", "214", "132"],
        ["Ressourceforløb", "183", "166"],
    ]]
    assert keep_together("Kilde: Jobindsats.dk, 3. kvt. 2019 og 3. kvt. 2021") in slide["texts"]


def test_speaker_notes_carry_the_text_and_the_source(built):
    slides = dump(built[0])
    assert slides[0]["notes"].startswith("Velkommen. Formålet i dag er en dialog")
    assert by_title(slides, "Flere aktivitetsparate er i tilbud end før covid-19")["notes"] == keep_together(
        # issue 17: notes are typeset like the slides (no-break spaces in periods, 'covid\u201119')
        "Budskab: Andelen aktiverede er steget for de aktivitetsparate og faldet for jobparate og jobafklaring\n\n"
        "Tallene er kvartalstal og påvirket af covid-19.\n"
        "Anbefaling 1 handler om at få den tidlige indsats tilbage til niveauet før covid-19.\n\n"
        "Tal bag sætningerne:\n"  # issue 14: labels in their sentence form (were 'Kontanthjælp', 'Tilbud i alt')
        "• Andelen af aktivitetsparate kontanthjælpsmodtagere i tilbud er steget fra 44,4\xa0pct. i 3. kvt. 2019 "
        "til 80,6\xa0pct. i 3. kvt. 2021: 3. kvt. 2019, kontanthjælp, aktivitetsparat, tilbud i alt = 44,4\xa0pct.; "
        "3. kvt. 2021, kontanthjælp, aktivitetsparat, tilbud i alt = 80,6\xa0pct.\n"
        "• Andelen af jobparate i tilbud er faldet fra 76,3\xa0pct. i 3. kvt. 2019 til 53,0\xa0pct. i 3. kvt. 2021: "
        "3. kvt. 2019, kontanthjælp, jobparat, tilbud i alt = 76,3\xa0pct.; "
        "3. kvt. 2021, kontanthjælp, jobparat, tilbud i alt = 53,0\xa0pct.\n\n"
        "Kilde: Jobindsats.dk, 3. kvt. 2019 og 3. kvt. 2021\n\n"
        "Tid: ca. 2\xa0min. (kl. 16.06-16.08)\n"
        "Næste: Virksomhedspraktik er næsten tilbage på niveauet før covid-19"
    )


def test_charts_have_danish_alt_text_not_a_file_name(built):
    slides = dump(built[0])
    assert by_title(slides, "Flere aktivitetsparate er i tilbud end før covid-19")["alt"] == [
        # issue 14: names inside the sentence in their sentence form, names with a comma set apart by semicolons
        "Søjlediagram: Flere aktivitetsparate er i tilbud end før covid-19. Pct. for kontanthjælp, jobparat; "
        "kontanthjælp, aktivitetsparat; uddannelseshjælp, uddannelsesparat; uddannelseshjælp, aktivitetsparat; "
        "jobafklaringsforløb og ressourceforløb, 3. kvt. 2019 og 3. kvt. 2021. Kilde: Jobindsats.dk, "
        "3. kvt. 2019 og 3. kvt. 2021. Hovedpointe: Andelen af aktivitetsparate kontanthjælpsmodtagere i tilbud er "
        "steget fra 44,4\xa0pct. i 3. kvt. 2019 til 80,6\xa0pct. i 3. kvt. 2021."
    ]
    assert by_title(slides, "Hedensted sanktionerer sjældnere end sammenlignelige kommuner")["alt"] == [
        "Rangeret søjlediagram: Hedensted sanktionerer sjældnere end sammenlignelige kommuner. "
        "Sanktioner pr. 100 modtagere, fra højest til lavest: Horsens 11,3, Ringkøbing-Skjern 10,2, Favrskov 9,4, "
        "Skanderborg 8,1, Vejle 7,4 og Hedensted 6,8; til sammenligning RAR Østjylland 8,9 og hele landet 9,6. "
        "Hedensted ligger lavest af de seks. Kilde: STAR (eksempeldata), 2021. "
        "Hovedpointe: Hedensted har færrest sanktioner af de seks kommuner og ligger under både RAR Østjylland og "
        "hele landet."
    ]
    kinds = [alt.split(":")[0] for s in slides for alt in s["alt"]]
    for kind in ("Søjlediagram", "Rangeret søjlediagram", "Linjediagram", "Stablet søjlediagram (100 pct.)",
                 "Divergerende søjlediagram", "Punktdiagram med kvadranter", "Vandfaldsdiagram"):
        assert kind in kinds
    assert all(alt and not alt.endswith(".png") for s in slides for alt in s["alt"])


def test_missing_values_are_explained_under_the_chart(built):
    slide = by_title(dump(built[0]), "Flere unge har ordinære løntimer ved siden af ydelsen")
    assert any("– = tal mangler eller er under diskretionsgrænsen" in t for t in slide["texts"])


def test_example_data_is_marked_visibly(built):
    slides = dump(built[0])
    marked = [s["title"] for s in slides if "Eksempeldata" in s["texts"]]
    assert marked == [keep_together(title) for title in [
        "Aktiveringen af aktivitetsparate er steget mere i Hedensted end i regionen",
        "Jobafklaringsforløb koster mere end i regionen uden at give flere i job",
        "Fire håndtag kan sænke udgiften til tilbud med 5,8 mio. kr.",
        "Flere virksomhedspraktikker giver flere i job for færre penge",
        "Hedensted sanktionerer sjældnere end sammenlignelige kommuner",
        "Strammere praksis sparer ydelser, men koster tid og tillid",
        "De fleste borgere oplever at blive mødt med respekt",
        "Bilag: Andel aktiverede, aktivitetsparate kontanthjælpsmodtagere (pct.)",  # nine columns: the unit once
        "Bilag: Udgift og effekt pr. målgruppe sammenlignet med RAR Østjylland",
        "Bilag: Udgift til tilbud, i dag og i scenariet for 2023",
        "Bilag: Sanktioner pr. 100 modtagere af kontanthjælp",
        "Bilag: Borgernes svar på udsagn om mødet med jobcentret (pct.)",
    ]]


def test_agenda_shows_sections_with_minutes_and_clock(built):
    texts = dump(built[0])[1]["texts"]
    assert "Økonomi og effekt af tilbuddene" in texts
    assert "35\u00a0min.  ·  kl.\u00a016.05-16.40" in texts
    assert "10\u00a0min.  ·  kl.\u00a017.20-17.30" in texts


ENGLISH_NUMBER = re.compile(r"\d\.\d{1,2}(?!\d)|\d,\d{3}(?!\d)")


def test_no_english_formatted_number_anywhere(built):
    for slide in dump(built[0]):
        for text in slide["texts"] + [slide["notes"]] + slide["alt"]:
            # Clock times ("kl. 16.05") are the Danish way to write time, not decimals.
            text = re.sub(r"kl\.[ \xa0]\d{2}\.\d{2}-\d{2}\.\d{2}", "", text)
            assert not ENGLISH_NUMBER.search(text), text


def test_same_inputs_give_identical_bytes(project):
    from briefing.build import build

    first = build(project / "inputs", project / "a.pptx").path.read_bytes()
    second = build(project / "inputs", project / "b.pptx").path.read_bytes()
    assert hashlib.sha256(first).digest() == hashlib.sha256(second).digest()


def test_check_builds_nothing(project, monkeypatch):
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0
    assert result.output == f"Alt er i orden: {len(EXPECTED_TITLES)} slides kan bygges.\n"
    assert not (project / "output").exists()


def test_locked_target_gets_a_danish_message(project, monkeypatch):
    monkeypatch.chdir(project)
    target = project / "output"
    target.mkdir()
    (target / "hedensted-beskaeftigelse.pptx").mkdir()  # a folder in the way cannot be replaced
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "Præsentationen blev ikke bygget" in result.output
    assert "Traceback" not in result.output


def test_sub_points_and_special_characters_survive_the_slide_xml(project, monkeypatch):
    """Texts are written into the slide XML directly: '&', '<' and quotes must come out as text, and sub-points
    must be indented further with a dash."""
    (project / "inputs" / "slides" / "formaal.yaml").write_text(
        'kind: punkter\n'
        'title: "Økonomi & effekt: <2023> og \\"håndtag\\""\n'
        'bullets:\n'
        '  - text: Bruges pengene effektivt?\n'
        '    sub:\n'
        '      - "Udgift < 5 mio. kr. & effekt > 0"\n'
        '  - "Linje indsat fra Word"\n'
        'notes: "Sig: <ikke> læs op & spørg\\nAnden linje"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    slide = Presentation(str(project / "output" / "hedensted-beskaeftigelse.pptx")).slides[2]
    assert slide.shapes.title.text == 'Økonomi & effekt: <2023> og "håndtag"'
    points = next(s for s in slide.shapes if s.name == "Punkter").text_frame.paragraphs
    assert [p.text for p in points] == ["Bruges pengene effektivt?", "Udgift < 5\xa0mio.\xa0kr. & effekt > 0",
                                        "Linje indsat fra Word"]
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    bullets = [(p._p.pPr.find(f"{a}buChar").get("char"), int(p._p.pPr.get("marL"))) for p in points]
    assert [char for char, _ in bullets] == ["•", "–", "•"]
    assert bullets[1][1] - bullets[0][1] == Inches(0.4)
    assert slide.notes_slide.notes_text_frame.text.startswith("Sig: <ikke> læs op & spørg\nAnden linje\n")


def test_logo_is_placed_on_title_and_closing_slides_in_one_image_part(project, monkeypatch):
    from PIL import Image

    Image.new("RGB", (400, 100), "#00557F").save(project / "themes" / "logo.png")
    theme = project / "themes" / "default.yaml"
    theme.write_text(theme.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    prs = Presentation(str(project / "output" / "hedensted-beskaeftigelse.pptx"))
    logos = [(number, shape) for number, slide in enumerate(prs.slides, start=1) for shape in slide.shapes
             if shape.name == "Logo"]
    assert [number for number, _ in logos] == [1, 29]
    for _, logo in logos:
        assert logo._element.nvPicPr.cNvPr.get("descr") == "Logo"
        assert logo.width == pytest.approx(logo.height * 4, abs=2)  # its own proportions, 400 x 100 px
        assert logo.image.size == (400, 100)
    images = {shape.image.sha1 for slide in prs.slides for shape in slide.shapes if shape.shape_type == 13}
    media = {part.partname for part in prs.part.package.iter_parts() if part.partname.startswith("/ppt/media/")}
    assert len(media) == len(images) == 13  # twelve charts and one logo, each stored once


def test_layouts_left_for_new_slides_fit_the_wide_slide(built):
    """Someone adding a slide in PowerPoint gets the deck's layouts: their placeholders must lie on the slide."""
    prs = Presentation(str(built[0]))
    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            assert 0 <= shape.left and shape.left + shape.width <= prs.slide_width, (layout.name, shape.name)


LONG = " ".join(["Et meget langt punkt om beskæftigelsesindsatsen, der fylder alt for meget på sliden"] * 12)


@pytest.mark.parametrize("file, old, new, expected", [
    ("anbefalinger.yaml", "  - text: Forecast på sygedagpengeområdet\n", f"  - text: {LONG}\n",
     "advarsel: inputs/slides/anbefalinger.yaml:9:11: items[3].text: teksten er for lang til sin plads (anbefalinger); "
     "forkort den"),
    ("del1-droeftelse.yaml", "  - Hvilke resultater vil udvalget følge hvert kvartal?\n", f"  - {LONG} {LONG}\n",
     "advarsel: inputs/slides/del1-droeftelse.yaml:5:3: questions: teksten er for lang til sin plads (drøftelse); "
     "forkort den"),
    ("del1-droeftelse.yaml", "title: Til drøftelse – økonomi og effekt\n", f"title: {LONG[:300]}\n",
     "advarsel: inputs/slides/del1-droeftelse.yaml:3:8: title: titlen 'Et meget langt punkt om beskæftigelsesin…' "
     "er for lang; forkort den"),
])
def test_text_too_long_for_its_place_is_a_warning_at_its_field(project, monkeypatch, file, old, new, expected):
    path = project / "inputs" / "slides" / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if line.startswith("advarsel")] == [expected]
    strict = CliRunner().invoke(main, ["build", "--strict"])
    assert strict.exit_code == 1
    assert strict.output.startswith(expected.replace("advarsel: ", ""))


def test_table_slide_with_its_own_lead_shows_its_sentences_under_the_table(built):
    slide = Presentation(str(built[0])).slides[EXPECTED_TITLES.index("Færre modtagere af de fleste ydelser end før covid-19")]
    table = next(shape for shape in slide.shapes if shape.has_table)
    points = next(shape for shape in slide.shapes if shape.name == "Pointer")
    assert points.text_frame.text == ("Antallet i jobafklaringsforløb er faldet med 82\xa0personer fra 3.\xa0kvt.\xa02019 "
                                      "til 3.\xa0kvt.\xa02021")
    assert points.top >= table.top + table.height  # below the table, not over it
    lead = next(shape for shape in slide.shapes if shape.name == "Budskab")
    assert lead.text_frame.text == "Kun uddannelseshjælp til aktivitetsparate har flere modtagere end i 2019"


def test_characters_xml_cannot_hold_are_refused_at_the_field(project, monkeypatch):
    """A pasted control character would reach the deck as '_x0007_' (or break the document properties): it is
    refused where it stands, naming the character."""
    (project / "inputs" / "slides" / "formaal.yaml").write_text(
        'kind: punkter\ntitle: "Formål\\uFFFE"\nbullets:\n  - "Indsat fra et andet program\\x85\\u2028 med tegn"\n',
        encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == ("inputs/slides/formaal.yaml:2:8: title: teksten indeholder et styretegn, "
                                             "som PowerPoint ikke kan gemme: U+FFFE efter 'Formål'; slet tegnet")


def test_logo_keeps_its_own_picture_type_whatever_its_file_is_called(project, monkeypatch):
    from PIL import Image

    Image.new("RGB", (300, 100), "#00557F").save(project / "themes" / "logo.png", format="GIF")
    theme = project / "themes" / "default.yaml"
    theme.write_text(theme.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    logo = next(s for s in Presentation(str(project / "output" / "hedensted-beskaeftigelse.pptx")).slides[0].shapes
                if s.name == "Logo")
    assert logo.image.content_type == "image/gif" and logo.image.ext == "gif"
