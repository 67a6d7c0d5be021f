"""Slide geometry (inches, 16:9) shared by every slide builder."""

from __future__ import annotations

from dataclasses import dataclass

SLIDE_W = 40 / 3  # 13,333 in: exactly PowerPoint's 16:9 width, 12192000 EMU
SLIDE_H = 7.5
MARGIN = 0.6
CONTENT_W = SLIDE_W - 2 * MARGIN


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def below(self, gap: float, height: float) -> "Box":
        return Box(self.left, self.bottom + gap, self.width, height)


TITLE = Box(MARGIN, 0.3, CONTENT_W - 1.9, 1.15)
LEAD = Box(MARGIN, 1.62, CONTENT_W, 0.7)
BODY = Box(MARGIN, 2.4, CONTENT_W, 4.35)
BODY_NO_LEAD = Box(MARGIN, 1.7, CONTENT_W, 5.05)
FOOTER = Box(MARGIN, 6.9, CONTENT_W - 1.2, 0.45)
NUMBER = Box(SLIDE_W - MARGIN - 1.0, 6.9, 1.0, 0.45)
BADGE = Box(SLIDE_W - MARGIN - 1.75, 0.45, 1.75, 0.4)
