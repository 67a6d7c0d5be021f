"""Danish line breaking (danish-style.md, "No line break inside ..."): fmt.keep_together puts no-break spaces
(U+00A0) and no-break hyphens (U+2011) where a line must not break, and the fitter measures with the font that
renders, breaks only at ordinary spaces and never splits a word."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.danish import fmt, fonts, typeset
from briefing.danish.fmt import keep_together

NB, NBH = "\u00a0", "\u2011"


@pytest.mark.parametrize("text, expected", [
    # a number and its unit
    ("faldet med 44,4 pct. i alt", f"faldet med 44,4{NB}pct. i alt"),
    ("1.234 kr. om året", f"1.234{NB}kr. om året"),
    ("72,6 uger i gennemsnit", f"72,6{NB}uger i gennemsnit"),
    ("1 uge", f"1{NB}uge"),
    ("2,5 mio. kr. og 1,2 mia. kr.", f"2,5{NB}mio.{NB}kr. og 1,2{NB}mia.{NB}kr."),
    ("4,2 pct.point over", f"4,2{NB}pct.point over"),
    ("4,2 procentpoint", f"4,2{NB}procentpoint"),
    ("12 % af borgerne", f"12{NB}% af borgerne"),
    ("4.800 personer", f"4.800{NB}personer"),
    ("−3 pct.", f"−3{NB}pct."),
    ("20.000-30.000 kr.", f"20.000-30.000{NB}kr."),
    # a period
    ("fra 44,4 pct. i 3. kvt. 2021", f"fra 44,4{NB}pct. i 3.{NB}kvt.{NB}2021"),
    ("3. kvartal 2021", f"3.{NB}kvartal{NB}2021"),
    ("1. halvår 2021", f"1.{NB}halvår{NB}2021"),
    ("3. kvt. 2020-2. kvt. 2021", f"3.{NB}kvt.{NB}2020-2.{NB}kvt.{NB}2021"),
    ("den 23. november 2020", f"den 23.{NB}november{NB}2020"),
    ("i marts 2023", f"i marts{NB}2023"),
    # after nr. (and kl.)
    ("Hedensted er nr. 3 af 6", f"Hedensted er nr.{NB}3 af 6"),
    ("kl. 16.00", f"kl.{NB}16.00"),
    # a hyphenated name
    ("Høje-Taastrup", f"Høje{NBH}Taastrup"),
    ("Ringkøbing-Skjern og Lyngby-Taarbæk", f"Ringkøbing{NBH}Skjern og Lyngby{NBH}Taarbæk"),
    ("Høje-Taastrups borgere", f"Høje{NBH}Taastrups borgere"),
    ("Nord-Vest-Jylland", f"Nord{NBH}Vest{NBH}Jylland"),
])
def test_no_break_where_danish_typesetting_forbids_one(text, expected):
    assert keep_together(text) == expected


@pytest.mark.parametrize("text", [
    "Han har 3 børn",  # a number before an ordinary word
    "fra 2019 til 2021",
    "jobparate og aktivitetsparate",
    "uddannelses- og beskæftigelsesindsatsen",
])
def test_ordinary_spaces_and_hyphens_stay_breakable(text):
    assert keep_together(text) == text


def test_charts_keep_their_hyphens():
    assert keep_together("Høje-Taastrup, 3. kvt. 2021", hyphens=False) == f"Høje-Taastrup, 3.{NB}kvt.{NB}2021"


@given(st.text(alphabet="0123456789 .,-kvtpcrHøjeTaastrup%nmioa", max_size=40))
@settings(max_examples=200, deadline=None)
def test_keep_together_is_idempotent_and_changes_only_breaks(text):
    once = keep_together(text)
    assert keep_together(once) == once
    assert once.replace(NB, " ").replace(NBH, "-") == text


def test_formatted_values_never_break_inside():
    for text in (fmt.share(44.4), fmt.money(2_500_000, scale="mio."), fmt.weeks(72.6), fmt.points(4.2)):
        assert " " not in keep_together(text)


# ---------------------------------------------------------------- measuring and fitting

def test_text_is_measured_with_the_font_that_renders_it():
    """Arial is not installed here but Liberation Sans, its metric twin, is (fonts-liberation): measure with it,
    not with DejaVu Sans, which is about 10 % wider."""
    if fonts.installed_file("Liberation Sans") is None and fonts.installed_file("Arial") is None:
        pytest.skip("neither Arial nor Liberation Sans installed")
    assert fonts.rendering_family("Arial") in ("Arial", "Liberation Sans")
    arial = typeset.text_width_pt("Beskæftigelsesindsatsen i Høje-Taastrup", 20, font="Arial")
    dejavu = typeset.text_width_pt("Beskæftigelsesindsatsen i Høje-Taastrup", 20, font="DejaVu Sans")
    assert arial < dejavu * 0.95


def test_unknown_family_falls_back_to_dejavu_sans():
    assert fonts.rendering_family("Ingen Sådan Skrift") == "DejaVu Sans"
    assert fonts.font_file("Ingen Sådan Skrift").name == "DejaVuSans.ttf"
    assert fonts.same_metrics("Arial", "Liberation Sans") and not fonts.same_metrics("Arial", "DejaVu Sans")


def test_fitter_never_breaks_a_word_and_says_so_when_it_cannot():
    fit = typeset.fit_text(["4.800 personer"], 1.0, 2.0, 40, 20, bold=True)
    assert not fit.fits and not fit.words_fit  # one unbreakable piece wider than the box even at 20 pt
    fit = typeset.fit_text(["4.800 personer"], 3.0, 1.0, 40, 20, bold=True)
    assert fit.fits and fit.lines == 1  # number and unit together on one line


def test_fitter_keeps_a_period_on_one_line():
    text = "Andelen er steget fra 44,4 pct. i 3. kvt. 2021"
    width = typeset.text_width_pt("Andelen er steget fra 44,4 pct. i 3.", 20) / 72 + 0.1
    fit = typeset.fit_text([text], width, 5, 20, 20)
    lines = typeset.wrap_lines(keep_together(text), (width - 0) * 72 - 2, fit.size)
    assert f"3.{NB}kvt.{NB}2021" in lines[-1]
    assert all(not line.endswith("3.") for line in lines)


def test_scenario_notes_write_changes_in_words_and_pct(example_deck):
    """Prose follows the style doc: direction in words and 'pct.', never '+50 %' or a hyphen for minus."""
    from pptx import Presentation

    notes = "\n".join(s.notes_slide.notes_text_frame.text for s in Presentation(str(example_deck)).slides
                      if s.has_notes_slide)
    assert ("• Flere praktikker: Virksomhedspraktikker pr. år øges med 50\u00a0pct. og vejlednings- og "
            "opkvalificeringsforløb pr. år mindskes med 30\u00a0pct.") in notes.splitlines()
    assert "• Lempeligere: Sanktioner pr. år mindskes med 40\u00a0pct." in notes.splitlines()
    assert " %" not in notes and "\u00a0%" not in notes


@pytest.mark.parametrize("text, expected", [
    ("før covid-19", "før covid\u201119"),
    ("19-årige i job", "19\u2011årige i job"),
    ("2019-2021", "2019-2021"),  # a range may break at its dash
    ("Vejlednings- og opkvalificeringsforløb", "Vejlednings- og opkvalificeringsforløb"),
])
def test_a_word_joined_to_a_number_is_never_broken_at_its_hyphen(text, expected):
    assert keep_together(text) == expected
    assert keep_together(text, hyphens=False) == text
