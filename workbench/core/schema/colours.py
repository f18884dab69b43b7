"""Label colours: every label of a schema gets a colour that reads as its own at a glance.

Two labels shown together (the entity labels; the event types) differ by a CIEDE2000 difference
of at least ``MIN_DIFFERENCE`` (``core.colour_difference``) as long as the group has no more labels
than its palette's ``distinct`` colours. A label's ``color:`` (or ``colour:``) in the schema
overrides the palette; the palette then skips the colours too close to the ones given.

Each palette was made once by packing: from the sRGB colours on a grid of step 17 (offset 8 for
events, so that no event type ever has exactly an entity label's colour), keeping those light or
dark enough for the theme (CIE L* 40-90 and CIEDE2000 >= 15 from a white page; L* 45-95 and >= 30
from a #1e1e1e page) and far from the search highlighter green (``ui.annotate.view_span.HIGHLIGHT_COLORS``),
taking colours at least 20 from all taken so far, then ordering them farthest-first. Colours past
``distinct`` continue the farthest-first order and are closer; after them, ``_pastels`` goes on.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from workbench.core.colour_difference import colour_difference, hex_to_rgb, relative_luminance

if TYPE_CHECKING:
    from workbench.core.schema.model import Schema

Theme = Literal["light", "dark"]
Group = Literal["entity", "event"]

MIN_DIFFERENCE = 20.0
"""CIEDE2000: about 1 is just noticeable; 20 reads as another colour at a glance."""
BACKGROUNDS: dict[Theme, str] = {"light": "#ffffff", "dark": "#1e1e1e"}
"""The page each theme's palettes are made for."""


@dataclass(frozen=True)
class Palette:
    colours: tuple[str, ...]
    distinct: int
    """The first ``distinct`` colours are at least ``MIN_DIFFERENCE`` apart."""


PALETTES: dict[tuple[Theme, Group], Palette] = {
    ("light", "entity"): Palette((
        "#ff44ff", "#44aa00", "#44bbff", "#995511", "#ffcc00", "#ff9988", "#777788", "#7711ff",
        "#44eeee", "#ddddbb", "#ff1177", "#2277ff", "#bbaaff", "#556655", "#22ee99", "#bbee11",
        "#994444", "#994488", "#dd8800", "#009977", "#ff3300", "#aa9988", "#eeccdd", "#448899",
        "#887711", "#007711", "#bb88aa", "#aaaa55", "#99bbbb", "#776655", "#ffcc99", "#9966ff",
        "#aaaabb", "#5555aa", "#bb7755", "#88bb88", "#778855", "#997777", "#bbddff", "#bb2200",
    ), 25),
    ("light", "event"): Palette((
        "#f608f6", "#08a108", "#f67f08", "#08b2f6", "#086e7f", "#08f6f6", "#f6c308", "#905d3b",
        "#904c7f", "#086ef6", "#08a190", "#b2e508", "#7f08f6", "#7f7f7f", "#f60808", "#08f6a1",
        "#f6b2a1", "#086e3b", "#f6086e", "#a17f08", "#f690c3", "#a190e5", "#b2b27f", "#c3c3d4",
        "#c3e5d4", "#b27f7f", "#5d5d90", "#5d6e08", "#b22a3b", "#b2906e", "#f6d4a1", "#5d90a1",
        "#5d6e5d", "#a1d4e5", "#90a108", "#6e5d5d", "#6e905d", "#7fc36e", "#b26eb2", "#f66e6e",
    ), 23),
    ("dark", "entity"): Palette((
        "#aa00ff", "#ccff00", "#ff8800", "#00aaff", "#008866", "#ffccff", "#ff0066", "#00ffff",
        "#ffddbb", "#996644", "#00ff99", "#888877", "#aa8800", "#0066ff", "#ff9988", "#ddeeff",
        "#33aa11", "#ffcc00", "#ff55ee", "#228899", "#995588", "#ff0000", "#aa99ff", "#bbcc99",
        "#aa99aa", "#667722", "#88bbbb", "#7777aa", "#ee88aa", "#bb9977", "#33bb88", "#aabb11",
        "#bbffdd", "#aa7777", "#eecccc", "#bb4444", "#779966", "#bbbbbb", "#88ddff", "#ffee99",
    ), 24),
    ("dark", "event"): Palette((
        "#f619f6", "#3ba108", "#6ec3f6", "#f69008", "#f6d4e5", "#e51919", "#e5f619", "#199090",
        "#2af690", "#906e90", "#d4d4b2", "#6e6e2a", "#e5907f", "#a15d08", "#6e4cf6", "#b2a108",
        "#087fe5", "#c3a1f6", "#19e5e5", "#909090", "#f6086e", "#7fb290", "#087f4c", "#f690c3",
        "#d4f6f6", "#a15d5d", "#b2906e", "#f6c390", "#a1c35d", "#c319a1", "#7f7fc3", "#c3d4f6",
        "#f65d08", "#6e7f6e", "#f6d45d", "#a1f6d4", "#087fa1", "#90905d", "#b27f08", "#c3c3c3",
    ), 21),
}  # fmt: skip


def fill_colours(given: Sequence[str], group: Group) -> list[str]:
    """``given`` (one colour per label, ``""`` where the schema gives none) with the blanks filled
    from the light palette (the schema's colours are the light theme's; ``themed_colours`` gives
    the dark ones): in its order, skipping colours closer than ``MIN_DIFFERENCE`` to one taken."""
    taken = [colour for colour in given if colour]
    spare = [colour for colour in PALETTES["light", group].colours if colour not in taken]
    pastels = (colour for colour in _pastels() if colour not in taken)
    filled = []
    for colour in given:
        if not colour:
            colour = _take_distinct(spare, taken) or next(pastels)
            taken.append(colour)
        filled.append(colour)
    return filled


def label_colours(schema: Schema, theme: Theme = "light") -> dict[str, str]:
    """The colour of every entity label and event type of ``schema`` in ``theme``."""
    events = themed_colours([event.color for event in schema.event_types], "event", theme)
    entities = themed_colours([entity.color for entity in schema.entity_types], "entity", theme)
    return {
        **{event.id: colour for event, colour in zip(schema.event_types, events, strict=True)},
        **{entity.id: colour for entity, colour in zip(schema.entity_types, entities, strict=True)},
    }


def themed_colours(colours: Sequence[str], group: Group, theme: Theme) -> list[str]:
    """The colours of a group of labels (as the schema holds them, made for the light theme) for
    ``theme``: a light palette colour becomes the dark palette's colour at the same place, and a
    colour of the schema's own is lightened until it stands out on the dark page."""
    if theme == "light":
        return list(colours)
    light = PALETTES["light", group].colours
    dark = PALETTES[theme, group].colours
    return [
        dark[light.index(colour)] if colour in light else _readable_on_dark(colour)
        for colour in colours
    ]


def closest_pair(colours: Sequence[str]) -> tuple[float, str, str] | None:
    """The smallest CIEDE2000 difference among ``colours`` and the two colours; None for fewer
    than two."""
    pairs = [
        (colour_difference(first, second), first, second)
        for index, first in enumerate(colours)
        for second in colours[index + 1 :]
    ]
    return min(pairs) if pairs else None


def text_colour_on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` (WCAG contrast)."""
    luminance = relative_luminance(colour)
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


def _take_distinct(spare: list[str], taken: list[str]) -> str | None:
    """Take from ``spare`` the first colour at least ``MIN_DIFFERENCE`` from every colour taken,
    else (the palette's distinct colours used up) its first; None when it is empty."""
    if not spare:
        return None
    colour = next(
        (c for c in spare if all(colour_difference(c, t) >= MIN_DIFFERENCE for t in taken)),
        spare[0],
    )
    spare.remove(colour)
    return colour


def _pastels() -> Iterator[str]:
    """Pastel colours a golden-ratio step of hue apart, without end."""
    step = 0
    while True:
        hue = (step * 0.618033988749895) % 1.0
        step += 1
        red, green, blue = colorsys.hsv_to_rgb(hue, 0.45, 0.95)
        yield f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


def _readable_on_dark(colour: str) -> str:
    """``colour`` mixed with white until it differs by twice ``MIN_DIFFERENCE`` from the dark
    page (the strongest mix when none does)."""
    red, green, blue = hex_to_rgb(colour)
    for share in (0.0, 0.15, 0.3, 0.45, 0.6):
        mixed = "#" + "".join(
            f"{round(channel + (255 - channel) * share):02x}" for channel in (red, green, blue)
        )
        if colour_difference(mixed, BACKGROUNDS["dark"]) >= 2 * MIN_DIFFERENCE:
            return mixed
    return mixed
