"""A line chart as hand-written SVG (no plotting library): x on a log scale, y linear."""
import math
from html import escape

COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2',
           '#17becf', '#7f7f7f', '#bcbd22']
W, H, LEFT, RIGHT, TOP, BOTTOM = 760, 440, 70, 230, 40, 60


def _x_scale(xs):
    lo, hi = math.log10(min(xs)), math.log10(max(xs))
    span = (hi - lo) or 1
    return lambda x: LEFT + (math.log10(x) - lo) / span * (W - LEFT - RIGHT)


def _y_scale(top_value):
    return lambda y: H - BOTTOM - y / top_value * (H - TOP - BOTTOM)


def _nice(value):
    """A round upper bound for the y axis."""
    magnitude = 10 ** math.floor(math.log10(value)) if value > 0 else 1
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= value)


def line_chart(series, title, x_label, y_label):
    """``series``: {name: [(x, y), ...]} -> an SVG document (text)."""
    xs = sorted({x for points in series.values() for x, _ in points})
    top_value = _nice(max(y for points in series.values() for _, y in points) * 1.05)
    fx, fy = _x_scale(xs), _y_scale(top_value)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
           f'font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W / 2}" y="22" text-anchor="middle" font-size="15">{escape(title)}</text>']
    for k in range(6):
        value = top_value * k / 5
        y = fy(value)
        out.append(f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value:g}</text>')
    for x in xs:
        out.append(f'<line x1="{fx(x):.1f}" x2="{fx(x):.1f}" y1="{TOP}" y2="{H - BOTTOM}" stroke="#eee"/>')
        out.append(f'<text x="{fx(x):.1f}" y="{H - BOTTOM + 18}" text-anchor="middle">{x:,}</text>')
    out.append(f'<text x="{(LEFT + W - RIGHT) / 2}" y="{H - 18}" text-anchor="middle">'
               f'{escape(x_label)} (log scale)</text>')
    out.append(f'<text x="18" y="{(TOP + H - BOTTOM) / 2}" text-anchor="middle" '
               f'transform="rotate(-90 18 {(TOP + H - BOTTOM) / 2})">{escape(y_label)}</text>')
    for n, (name, points) in enumerate(series.items()):
        colour = COLOURS[n % len(COLOURS)]
        path = ' '.join(f'{fx(x):.1f},{fy(y):.1f}' for x, y in sorted(points))
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{path}"/>')
        for x, y in points:
            out.append(f'<circle cx="{fx(x):.1f}" cy="{fy(y):.1f}" r="3" fill="{colour}"/>')
        ly = TOP + 16 * n
        out.append(f'<line x1="{W - RIGHT + 12}" x2="{W - RIGHT + 32}" y1="{ly}" y2="{ly}" '
                   f'stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{W - RIGHT + 38}" y="{ly + 4}">{escape(name)}</text>')
    out.append('</svg>')
    return '\n'.join(out) + '\n'
