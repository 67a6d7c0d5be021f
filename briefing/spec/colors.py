"""WCAG colour contrast, and the theme's colour pairs that must be readable (WCAG 2.1 AA)."""

from __future__ import annotations


def relative_luminance(hex_color: str) -> float:
    """WCAG relative luminance of '#RRGGBB'."""
    channels = [int(hex_color.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours, from 1 to 21."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def ratio_text(ratio: float) -> str:
    """'4,5:1', '3:1'; rounded down, so a ratio just under the limit never reads as meeting it."""
    import math

    from briefing.danish import fmt

    shown = math.floor(ratio * 10 + 1e-9) / 10
    return f"{fmt.number(shown, 0 if shown == int(shown) else 1)}:1"


# (foreground field, background field, minimum ratio, what it is used for)
THEME_PAIRS = [
    ("text", "background", 4.5, "brødtekst"),
    ("muted", "background", 4.5, "kilder og sidefod"),
    ("accent", "background", 4.5, "titler"),
    ("accent_text", "accent", 4.5, "tekst på forsiden og skillesiderne"),
    ("accent_text", "table_header", 4.5, "tabeloverskrifter"),
    ("text", "table_stripe", 4.5, "tekst i tabellernes stribede rækker"),
    ("good", "background", 4.5, "forbedringer i scenarietabeller"),
    ("bad", "background", 4.5, "forværringer i scenarietabeller"),
    ("highlight", "background", 3.0, "egen kommune i diagrammer"),
    ("reference", "background", 3.0, "regionen i diagrammer"),
]


def theme_contrast_problems(colors) -> list[tuple[str, str]]:
    """(field, Danish message) for each theme colour pair under its WCAG minimum."""
    found = []
    for fore, back, minimum, use in THEME_PAIRS:
        ratio = contrast_ratio(getattr(colors, fore), getattr(colors, back))
        if ratio < minimum:
            found.append((f"colors.{fore}", f"farven {getattr(colors, fore)} har kontrast {ratio_text(ratio)} mod "
                          f"{back} ({getattr(colors, back)}) i {use}; mindst {ratio_text(minimum)} kræves"))
    return found
