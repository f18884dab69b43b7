"""Label colours (issue 13, point 1): CIEDE2000 as published, a palette whose labels are clearly
distinct in both themes, and colours given in the schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.colour_difference import ciede2000, colour_difference
from workbench.core.errors import SchemaError
from workbench.core.schema import BUILTIN_SCHEMAS, builtin_schema, load_schema
from workbench.core.schema.colours import (
    BACKGROUNDS,
    MIN_DIFFERENCE,
    PALETTES,
    closest_pair,
    fill_colours,
    label_colours,
    text_colour_on,
)

# Sharma, Wu and Dalal 2005, Table 1: L1 a1 b1, L2 a2 b2, ΔE00 (the 34 published test pairs).
SHARMA_PAIRS = [
    (50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425),
    (50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615),
    (50.0000, 2.8361, -74.0200, 50.0000, 0.0000, -82.7485, 3.4412),
    (50.0000, -1.3802, -84.2814, 50.0000, 0.0000, -82.7485, 1.0000),
    (50.0000, -1.1848, -84.8006, 50.0000, 0.0000, -82.7485, 1.0000),
    (50.0000, -0.9009, -85.5211, 50.0000, 0.0000, -82.7485, 1.0000),
    (50.0000, 0.0000, 0.0000, 50.0000, -1.0000, 2.0000, 2.3669),
    (50.0000, -1.0000, 2.0000, 50.0000, 0.0000, 0.0000, 2.3669),
    (50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0009, 7.1792),
    (50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0010, 7.1792),
    (50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0011, 7.2195),
    (50.0000, 2.4900, -0.0010, 50.0000, -2.4900, 0.0012, 7.2195),
    (50.0000, -0.0010, 2.4900, 50.0000, 0.0009, -2.4900, 4.8045),
    (50.0000, -0.0010, 2.4900, 50.0000, 0.0010, -2.4900, 4.8045),
    (50.0000, -0.0010, 2.4900, 50.0000, 0.0011, -2.4900, 4.7461),
    (50.0000, 2.5000, 0.0000, 50.0000, 0.0000, -2.5000, 4.3065),
    (50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492),
    (50.0000, 2.5000, 0.0000, 61.0000, -5.0000, 29.0000, 22.8977),
    (50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030),
    (50.0000, 2.5000, 0.0000, 58.0000, 24.0000, 15.0000, 19.4535),
    (50.0000, 2.5000, 0.0000, 50.0000, 3.1736, 0.5854, 1.0000),
    (50.0000, 2.5000, 0.0000, 50.0000, 3.2972, 0.0000, 1.0000),
    (50.0000, 2.5000, 0.0000, 50.0000, 1.8634, 0.5757, 1.0000),
    (50.0000, 2.5000, 0.0000, 50.0000, 3.2592, 0.3350, 1.0000),
    (60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644),
    (63.0109, -31.0961, -5.8663, 62.8187, -29.7946, -4.0864, 1.2630),
    (61.2901, 3.7196, -5.3901, 61.4292, 2.2480, -4.9620, 1.8731),
    (35.0831, -44.1164, 3.7933, 35.0232, -40.0716, 1.5901, 1.8645),
    (22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373),
    (36.4612, 47.8580, 18.3852, 36.2715, 50.5065, 21.2231, 1.4146),
    (90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441),
    (90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381),
    (6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377),
    (2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082),
]


@pytest.mark.parametrize("pair", SHARMA_PAIRS, ids=[str(n) for n in range(1, 35)])
def test_ciede2000_gives_the_published_differences_in_either_order(
    pair: tuple[float, ...],
) -> None:
    first, second, expected = (pair[0], pair[1], pair[2]), (pair[3], pair[4], pair[5]), pair[6]
    assert ciede2000(first, second) == pytest.approx(expected, abs=5e-5)
    assert ciede2000(second, first) == pytest.approx(expected, abs=5e-5)


def test_srgb_colours_are_measured_in_lab() -> None:
    assert colour_difference("#ffffff", "#000000") == pytest.approx(100.0, abs=0.01)
    assert colour_difference("#42d4f4", "#42d4f4") == 0.0


# ---- the palettes -----------------------------------------------------------------------------


@pytest.mark.parametrize(("theme", "group"), list(PALETTES))
def test_a_palettes_distinct_colours_are_20_apart_and_stand_out_on_its_page(
    theme: str, group: str
) -> None:
    palette = PALETTES[theme, group]  # type: ignore[index]
    distinct = palette.colours[: palette.distinct]
    assert palette.distinct >= 21  # room for Wojood's 22 labels and conflict-news' 19 events
    found = closest_pair(distinct)
    assert found is not None and found[0] >= MIN_DIFFERENCE, found
    page = BACKGROUNDS[theme]  # type: ignore[index]
    assert min(colour_difference(colour, page) for colour in palette.colours) >= 15
    assert len(set(palette.colours)) == len(palette.colours)


def test_entity_and_event_palettes_never_share_a_colour() -> None:
    for theme in BACKGROUNDS:
        entity = set(PALETTES[theme, "entity"].colours)
        assert not entity & set(PALETTES[theme, "event"].colours)


def groups(name: str, theme: str) -> dict[str, list[str]]:
    schema = builtin_schema(name)
    colours = label_colours(schema, theme)  # type: ignore[arg-type]
    return {
        "entity labels": [colours[label.id] for label in schema.entity_types],
        "event types": [colours[label.id] for label in schema.event_types],
    }


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("name", BUILTIN_SCHEMAS)
def test_labels_shown_together_differ_by_at_least_20(name: str, theme: str) -> None:
    for group, colours in groups(name, theme).items():
        if name == "ace2005" and group == "event types":
            continue  # 33 event types: more than fit 20 apart (below)
        found = closest_pair(colours)
        assert found is None or found[0] >= MIN_DIFFERENCE, (name, group, found)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_aces_33_event_types_take_every_distinct_colour_then_the_farthest(theme: str) -> None:
    """No sRGB palette readable on a page holds 33 colours 20 apart (packing finds 28 at most
    over every lightness): the first ones are 20 apart, all are different, none closer than 14."""
    colours = groups("ace2005", theme)["event types"]
    distinct = PALETTES[theme, "event"].distinct  # type: ignore[index]
    assert closest_pair(colours[:distinct])[0] >= MIN_DIFFERENCE  # type: ignore[index]
    assert len(set(colours)) == 33
    assert closest_pair(colours)[0] >= 14  # type: ignore[index]


def test_date_and_time_are_no_longer_the_same_cyan() -> None:
    """The issue's report: with 17 labels, Date and Time were nearly the same colour (12.4)."""
    for theme in ("light", "dark"):
        colours = label_colours(builtin_schema("conflict-news"), theme)
        assert colour_difference(colours["DATE"], colours["TIME"]) >= MIN_DIFFERENCE


def test_label_text_is_black_on_light_colours_and_white_on_dark_ones() -> None:
    assert text_colour_on("#ffcc00") == "#000000"
    assert text_colour_on("#1e1e1e") == "#ffffff"


# ---- colours given in the schema ------------------------------------------------------------

SCHEMA = """\
schema:
  id: colours
  version: 1
  name: {en: Colours, ar: ألوان}
  entity_types:
    - {id: A, en: A, ar: أ, colour: "#FF44FE"}
    - {id: B, en: B, ar: ب}
    - {id: C, en: C, ar: ج, color: "#44aa00"}
    - {id: D, en: D, ar: د}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "colours.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_colour_given_in_the_schema_wins_and_the_palette_keeps_away_from_it(
    tmp_path: Path,
) -> None:
    schema = load_schema(write(tmp_path, SCHEMA))
    colours = [label.color for label in schema.entity_types]
    assert colours[0] == "#ff44fe" and colours[2] == "#44aa00"
    # the palette's first two colours are the given ones' neighbours, so B and D take others
    found = closest_pair(colours)
    assert found is not None and found[0] >= MIN_DIFFERENCE, found


def test_dark_theme_keeps_a_given_colour_readable_and_maps_the_palettes(tmp_path: Path) -> None:
    schema = load_schema(write(tmp_path, SCHEMA.replace('colour: "#FF44FE"', 'colour: "#101060"')))
    dark = label_colours(schema, "dark")
    assert colour_difference(dark["A"], BACKGROUNDS["dark"]) >= 2 * MIN_DIFFERENCE
    light_b = schema.entity("B").color
    index = PALETTES["light", "entity"].colours.index(light_b)
    assert dark["B"] == PALETTES["dark", "entity"].colours[index]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('colour: "#FF44FE"', 'colour: "#FF44FE", color: "#000000"',
         "colours.yaml, line 6, schema.entity_types[0].colour: give color or colour"),
        ('colour: "#FF44FE"', "colour: red",
         "colours.yaml, line 6, schema.entity_types[0].colour: a colour is written \"#rrggbb\""),
    ],
    ids=["both keys", "not a colour"],
)
def test_a_wrong_colour_is_named_with_file_and_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(SchemaError) as caught:
        load_schema(write(tmp_path, SCHEMA.replace(old, new)))
    assert message in str(caught.value)


def test_more_labels_than_the_palette_all_get_colours() -> None:
    filled = fill_colours([""] * 60, "entity")
    assert len(set(filled)) == 60
