"""A chart as a PNG (for Word) is drawn from the same geometry as its SVG: the same bars,
interval lines and texts at the same places, scaled."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from assurance.core.chart_images import BAR, SCALE, TEXT, TOTAL_BAR, proportion_chart_png
from assurance.core.charts import BAR_HEIGHT, LABEL_WIDTH, Share, proportion_chart

CHART = proportion_chart(
    [
        Share("Police", 0.5, 0.3, 0.7),
        Share("Health", None),
        Share("Education", 0.0, 0.0, 0.2),
        Share("All agencies", 0.25, 0.2, 0.3, total=True),
    ],
    description="Bar chart",
)


def _rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def _near(pixel: tuple[int, int, int], colour: str) -> bool:
    return all(abs(a - b) <= 12 for a, b in zip(pixel, _rgb(colour), strict=True))


@pytest.fixture(scope="module")
def image() -> Image.Image:
    return Image.open(io.BytesIO(proportion_chart_png(CHART))).convert("RGB")


def _at(image: Image.Image, x: float, y: float) -> tuple[int, int, int]:
    pixel = image.getpixel((round(x * SCALE), round(y * SCALE)))
    assert isinstance(pixel, tuple)
    return pixel[0], pixel[1], pixel[2]


def test_the_picture_has_the_charts_proportions(image: Image.Image) -> None:
    assert image.size == (CHART.width * SCALE, CHART.height * SCALE)


@pytest.mark.parametrize(
    ("row", "x", "colour"),
    [
        (0, LABEL_WIDTH + 10, BAR),  # Police: the bar runs from 0% …
        (0, LABEL_WIDTH + 190, BAR),  # … to 50% (200 units)
        (0, LABEL_WIDTH + 210, "#ffffff"),  # and stops there
        (1, LABEL_WIDTH + 10, "#ffffff"),  # Health: nothing assessed, no bar
        (2, LABEL_WIDTH + 10, "#ffffff"),  # Education: 0%, no bar
        (3, LABEL_WIDTH + 10, TOTAL_BAR),  # all agencies: the darker bar
        (3, LABEL_WIDTH + 110, "#ffffff"),  # 25% is 100 units
    ],
)
def test_each_bar_is_where_the_svg_draws_it(
    image: Image.Image, row: int, x: float, colour: str
) -> None:
    top = CHART.rows[row].top
    assert _near(_at(image, x, top + 4), colour)  # above the interval line


def test_the_interval_line_crosses_the_bar(image: Image.Image) -> None:
    police = CHART.rows[0]
    assert police.low_x is not None and police.high_x is not None
    middle = police.top + BAR_HEIGHT // 2
    assert _near(_at(image, police.low_x + 5, middle), TEXT)
    assert _near(_at(image, police.high_x - 5, middle), TEXT)  # beyond the bar's end
    assert _near(_at(image, police.high_x + 5, middle), "#ffffff")


def test_labels_values_and_the_axis_are_written(image: Image.Image) -> None:
    def has_text(left: float, top: float, right: float, bottom: float) -> bool:
        box = (round(left * SCALE), round(top * SCALE), round(right * SCALE), round(bottom * SCALE))
        extrema = image.crop(box).getextrema()  # (low, high) of red, green and blue
        return all(low < 70 for low, _high in extrema)  # type: ignore[misc]

    police = CHART.rows[0]
    assert has_text(0, police.top, LABEL_WIDTH, police.top + BAR_HEIGHT)  # "Police"
    assert has_text(police.value_x, police.top, CHART.width, police.top + BAR_HEIGHT)  # "50%"
    axis = float(CHART.axis_y)
    assert has_text(LABEL_WIDTH - 10, axis - 12, LABEL_WIDTH + 10, axis + 2)  # "0%"
    assert not has_text(0, CHART.height - 2, CHART.width, CHART.height)  # nothing below it


def test_a_change_chart_picture_has_its_dots_interval_lines_and_line_of_no_change() -> None:
    from assurance.core.chart_images import DOT, ZERO_LINE, change_chart_png
    from assurance.core.charts import Change, change_chart

    chart = change_chart(
        [Change("Spot it", 2.2, 0.84, 3.56, "+2.2"), Change("Act on it", None)],
        description="Change",
    )
    picture = Image.open(io.BytesIO(change_chart_png(chart))).convert("RGB")
    assert picture.size == (chart.width * SCALE, chart.height * SCALE)
    row = chart.rows[0]
    y = float(row.y) * SCALE
    assert _near(picture.getpixel((float(row.x) * SCALE, y)), DOT)
    # the interval line, away from the dot, and the dashed SVG line of no change drawn solid
    assert _near(picture.getpixel((float(row.low_x) * SCALE + 4, y)), TEXT)
    assert _near(picture.getpixel((float(chart.zero_x) * SCALE, 30 * SCALE)), ZERO_LINE)
    # the second row has nothing drawn in the plot
    second_y = float(chart.rows[1].y) * SCALE
    assert _near(picture.getpixel((float(chart.zero_x) * SCALE + 20, second_y)), "#ffffff")
