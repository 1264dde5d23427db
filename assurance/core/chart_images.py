"""A chart as a PNG image, drawn from the same geometry as its SVG (``core.charts``).

The page and the PDF draw a :class:`~assurance.core.charts.ProportionChart` with the SVG template
``charts/_proportion_chart.html``; a Word document cannot show that SVG, so it gets this picture
of it instead: the same bars, interval lines, labels, values and axis, at the same positions and
in the same colours, scaled up so that it prints sharply. Pillow draws it (already a dependency
of WeasyPrint); the font is Arial's metric twin, Liberation Sans, when the system has it (as the
PDF's fonts do), otherwise Pillow's own.
"""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from assurance.core.charts import (
    BAR_HEIGHT,
    CHANGE_DOT_RADIUS,
    LABEL_WIDTH,
    ChangeChart,
    ProportionChart,
)

# The SVG templates' colours and sizes (charts/_proportion_chart.html, _change_chart.html).
BAR = "#5694ca"
DOT = "#1d70b8"
ZERO_LINE = "#505a5f"
TOTAL_BAR = "#1d70b8"
TEXT = "#0b0c0c"
FONT_SIZE = 13
INTERVAL_WIDTH = 2
SCALE = 2  # pixels per SVG unit: 660 units wide → 1,320 px, about 220 dpi at 150 mm
COLOURS = 16  # a palette of 16 keeps the antialiased text and makes a PNG of about 20 KB
ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}  # SVG text-anchor → Pillow
FONT_FILES = ("Arial.ttf", "arial.ttf", "LiberationSans-Regular.ttf", "DejaVuSans.ttf")


@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in FONT_FILES:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def proportion_chart_png(chart: ProportionChart, *, scale: int = SCALE) -> bytes:
    """The chart drawn as the SVG draws it, ``scale`` pixels per unit, as PNG bytes."""
    image = Image.new("RGB", (chart.width * scale, chart.height * scale), "white")
    draw = ImageDraw.Draw(image)
    font = _font(FONT_SIZE * scale)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """A rectangle in pixels (Pillow's corners are inclusive; a bar of 0% has no width)."""
        left, top = x0 * scale, y0 * scale
        return (left, top, max(left, x1 * scale - 1), max(top, y1 * scale - 1))

    label_x = float(chart.label_x) * scale
    for row in chart.rows:
        if row.width:
            colour = TOTAL_BAR if row.total else BAR
            draw.rectangle(
                box(LABEL_WIDTH, row.top, LABEL_WIDTH + row.width, row.top + BAR_HEIGHT),
                fill=colour,
            )
        if row.low_x is not None and row.high_x is not None:
            middle = row.top + BAR_HEIGHT // 2
            draw.rectangle(
                box(
                    row.low_x,
                    middle - INTERVAL_WIDTH / 2,
                    row.high_x,
                    middle + INTERVAL_WIDTH / 2,
                ),
                fill=TEXT,
            )
        baseline = row.baseline * scale
        draw.text((label_x, baseline), row.label, font=font, fill=TEXT, anchor="rs")
        draw.text((row.value_x * scale, baseline), row.value, font=font, fill=TEXT, anchor="ls")
    axis_y = float(chart.axis_y) * scale
    for tick in chart.ticks:
        anchor = ANCHORS.get(tick.anchor, "ms")
        draw.text((float(tick.at) * scale, axis_y), tick.label, font=font, fill=TEXT, anchor=anchor)
    return _png(image)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.quantize(colors=COLOURS, method=Image.Quantize.FASTOCTREE).save(buffer, format="PNG")
    return buffer.getvalue()


def change_chart_png(chart: ChangeChart, *, scale: int = SCALE) -> bytes:
    """A change chart drawn as its SVG draws it (the line at 0 solid rather than dashed),
    ``scale`` pixels per unit, as PNG bytes."""
    image = Image.new("RGB", (chart.width * scale, chart.height * scale), "white")
    draw = ImageDraw.Draw(image)
    font = _font(FONT_SIZE * scale)
    zero = float(chart.zero_x) * scale
    draw.line(
        (zero, float(chart.plot_top) * scale, zero, float(chart.plot_bottom) * scale),
        fill=ZERO_LINE,
        width=scale,
    )
    label_x, text_x = float(chart.label_x) * scale, float(chart.text_x) * scale
    radius = CHANGE_DOT_RADIUS * scale
    for row in chart.rows:
        y = float(row.y) * scale
        if row.low_x is not None and row.high_x is not None:
            draw.line(
                (float(row.low_x) * scale, y, float(row.high_x) * scale, y),
                fill=TEXT,
                width=INTERVAL_WIDTH * scale,
            )
        if row.x is not None:
            x = float(row.x) * scale
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=DOT)
        baseline = float(row.baseline) * scale
        draw.text((label_x, baseline), row.label, font=font, fill=TEXT, anchor="rs")
        draw.text((text_x, baseline), row.text, font=font, fill=TEXT, anchor="ls")
    axis_y = float(chart.axis_y) * scale
    for tick in chart.ticks:
        draw.text((float(tick.at) * scale, axis_y), tick.label, font=font, fill=TEXT, anchor="ms")
    return _png(image)
