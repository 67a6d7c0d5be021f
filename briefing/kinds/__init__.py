"""Slide kinds: one module per kind holds its spec model, its plan step and its layout (see spec/kind.py).

KINDS is the one place the kinds are registered. To add a kind, write a module with a `KIND = SlideKind(...)`
and add it here; build(), the loader and the schema take the registry as it is.
"""

from __future__ import annotations

from collections.abc import Mapping

from briefing.kinds import (
    agenda,
    appendix,
    bullets,
    chart,
    closing,
    decisions,
    discussion,
    kpi,
    recommendations,
    scenario,
    section,
    table,
    title,
)
from briefing.spec.kind import SlideKind

KINDS: Mapping[str, SlideKind] = {kind.name: kind for kind in (
    title.KIND, agenda.KIND, section.KIND, bullets.KIND, chart.KIND, table.KIND, discussion.KIND,
    recommendations.KIND, closing.KIND, scenario.KIND, decisions.KIND, kpi.KIND, appendix.KIND,
)}
