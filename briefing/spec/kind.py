"""What a slide kind is: the one record a kind module registers (see briefing/kinds/).

The stages below the kinds (load, deck) receive these records and call their hooks; they never import a kind.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Union

from pydantic import Field, create_model

from briefing.spec.base import Spec


@dataclass(frozen=True)
class SlideKind:
    """One kind of slide: the `kind:` name, the model its file validates against, and its three steps.

    - `check(entry, tables, problems)`: references from the slide file to the data tables (load stage);
    - `plan(content, step)`: the facts the slide needs, put on its SlideContent (facts stage, see kinds/plan.py);
      it may return further SlideContents the slide continues on;
    - `layout(slide, content, ctx)`: draws the slide with python-pptx (deck stage).
    Kinds made by the deck itself (section dividers, the appendix) have no model.
    """

    name: str
    layout: Callable[..., None]
    model: type | None = None
    plan: Callable[..., None] | None = None
    check: Callable[..., None] | None = None
    role: str = "content"  # the template layout it is drawn on: title, section or content
    finish: Callable[..., None] | None = None  # after every slide is planned: facts from other slides (levers)

    def title(self, content: Any, deck: Any) -> str:
        """The title the slide shows (for 'Næste:' in the notes)."""
        section = content.section if content.spec is None else None
        return (content.extra.get("title") or getattr(content.spec, "title", None)
                or (section.title if section is not None else None) or deck.title)


def slide_models(kinds: Mapping[str, SlideKind]) -> tuple[type, ...]:
    """The models a slide file can validate against, one per kind that has files."""
    return tuple(kind.model for kind in kinds.values() if kind.model is not None)


def slide_file_model(kinds: Mapping[str, SlideKind]) -> type:
    """The model of a slide file: {slide: one of the kinds' models, told apart by `kind:`}."""
    return _slide_file(slide_models(kinds))


@functools.lru_cache(maxsize=8)
def _slide_file(models: tuple[type, ...]) -> type:
    # The discriminator goes in the field's own Field (create_model's documented form; as Annotated metadata
    # next to a bare `...`, older pydantic took the Ellipsis for a default and could not write the JSON Schema).
    return create_model("SlideFile", __base__=Spec, __doc__="Wrapper so a slide file validates as one discriminated union.",
                        slide=(Union[models], Field(..., discriminator="kind")))  # type: ignore[valid-type]
