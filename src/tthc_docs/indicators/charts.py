"""Charts drawn on the server as SVG text (no JavaScript, no chart service).

Each function returns a small, self-contained ``<svg>`` string with a
``<title>`` and ``role="img"``, so a screen reader says what it shows and
the page works with scripts off and under the strict Content-Security-Policy.
Every text put into the SVG is escaped.
"""
from html import escape

WIDTH, HEIGHT, PAD = 240, 60, 4


def sparkline(points, label, percent=True):
    """A month-by-month line; ``points`` is ``[(month, value or None)]``.

    Months without data break the line (a gap, not a zero). A share is
    drawn on a fixed 0-100% scale, an average on its own maximum.
    """
    values = [v for _m, v in points if v is not None]
    top = 1.0 if percent else (max(values) if values else 1.0) or 1.0
    n = max(len(points) - 1, 1)
    segments, current, dots = [], [], []
    for i, (month, value) in enumerate(points):
        if value is None:
            if current:
                segments.append(current)
            current = []
            continue
        x = PAD + (WIDTH - 2 * PAD) * i / n
        y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * min(value / top, 1.0)
        current.append(f'{x:.1f},{y:.1f}')
        shown = f'{value * 100:.1f}%' if percent else f'{value:g}'
        dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2"><title>{escape(month)}: '
                    f'{escape(shown)}</title></circle>')
    if current:
        segments.append(current)
    lines = ''.join(f'<polyline fill="none" stroke="currentColor" stroke-width="1.5" '
                    f'points="{" ".join(s)}"/>' for s in segments)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" '
            f'height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" class="spark">'
            f'<title>{escape(label)}</title>'
            f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" '
            f'stroke="#bbb"/>{lines}{"".join(dots)}</svg>')


def bars(rows, label, width=480, bar=18):
    """Horizontal bars: ``rows`` is ``[(label, points, max_points)]`` (the groups' scores)."""
    height = bar * len(rows) + 8
    left, right = 200, 60
    span = width - left - right
    parts = []
    for i, (name, got, most) in enumerate(rows):
        y = 4 + i * bar
        share = (got or 0) / most if most else 0
        parts.append(f'<text x="0" y="{y + bar - 6}" font-size="12">{escape(name)}</text>'
                     f'<rect x="{left}" y="{y + 2}" width="{span}" height="{bar - 6}" fill="#eee"/>'
                     f'<rect x="{left}" y="{y + 2}" width="{span * min(share, 1):.1f}" '
                     f'height="{bar - 6}" fill="#2a6f97"/>'
                     f'<text x="{left + span + 6}" y="{y + bar - 6}" font-size="12">'
                     f'{escape(_num(got))}/{escape(_num(most))}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" class="bars">'
            f'<title>{escape(label)}</title>{"".join(parts)}</svg>')


def _num(value):
    if value is None:
        return '–'
    return f'{value:g}'.replace('.', ',')
