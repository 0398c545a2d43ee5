"""The after-action report: a debrief as one self-contained HTML file, and a PDF where a converter is.

The page is rendered from :class:`game.present.debrief.Debrief` with Jinja2, autoescape on: rule
and mod texts are untrusted, so every name, event text and quotation is escaped.  The charts of
power over time are drawn with matplotlib (the Agg backend: no display) as SVG and put inline,
stripped of everything that names an outside address, so the file opens and prints with no
network.  The template and its print stylesheet are data, in ``assets/report/``.

A PDF is printed by a headless Chromium where one is installed (Debian's ``chromium``); where
none is, :func:`print_pdf` says so and nothing fails.  Chromium's ``--print-to-pdf`` prints through
the DevTools ``Page.printToPDF`` command, the same one selenium's ``print_page`` sends, and with the
same :data:`CHROMIUM_FLAGS`: the browser test (``tests/present/test_report_browser.py``) prints the
report both ways.
"""

from __future__ import annotations

import datetime
import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from game.match.replay import write_atomic
from game.present import ending
from game.present.debrief import MEASURES, Debrief, lines_text
from game.resources import ASSETS

TEMPLATES = ASSETS / "report"
TEMPLATE = "report.html.j2"
#: the programs that print HTML to PDF, tried in this order (Debian's name first)
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: how the browser is started to print (and by the browser test): headless, as root too (CI and a
#: classroom server run as root, where Chromium will not start sandboxed), and quiet on the network
#: (no update, sync, QUIC or first-run calls: the report needs none); a fresh profile is added
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
#: a faction's colour as the rule files give it; anything else is drawn grey (never put in a style)
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
GREY = "#777777"
#: how long a PDF may take to print (seconds) before the browser is given up on
PDF_TIMEOUT = 120


class ReportError(Exception):
    """The report cannot be written; ``str`` is one line."""


def colour(value: str) -> str:
    """A faction's colour if it is ``#RRGGBB``, else grey.

    >>> colour("#D55E00"), colour("red; background: url(x)")
    ('#D55E00', '#777777')
    """
    return value if isinstance(value, str) and _COLOUR.match(value) else GREY


# --- the charts ----------------------------------------------------------------------------------


def _svg(fig) -> str:
    """A figure as inline SVG: no XML prolog, no metadata, no comments, no namespace addresses."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight", transparent=True)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", svg)
    svg = svg.replace("xlink:href=", "href=")
    return svg.replace("<svg ", '<svg role="img" ', 1)


def _label(text: str) -> str:
    """A name as matplotlib draws it literally (a ``$`` would start mathematics)."""
    return text.replace("\\", "\\\\").replace("$", r"\$")


#: matplotlib's settings for the charts (the report's SVG and the window's pictures alike)
STYLE = {
    "svg.fonttype": "path",  # the glyphs drawn: no font to fetch, and a name is never markup
    "svg.hashsalt": "succession",  # the same ids each time: the same game gives the same file
    "font.size": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def plot(ax, d: Debrief, key: str, title: str, focus: str | None = None) -> None:
    """One measure of power on a matplotlib axes: a line per faction over the quarters this game
    closed, history's over the same quarters dashed beside it; with ``focus`` (a faction id) that
    faction's line drawn widest and the others faded."""
    from matplotlib.ticker import MaxNLocator

    x = list(range(len(d.quarters)))
    lowest = 0
    for i, f in enumerate(d.factions):
        c = colour(f.colour)
        values = getattr(f.power, key)
        lowest = min(lowest, *values)
        # the first factions' lines wider: where two factions are level both still show
        width = max(1.2, 3.4 - 0.7 * i) if focus is None else 3.4 if f.faction == focus else 1.8
        alpha = 1.0 if focus in (None, f.faction) else 0.6
        ax.plot(
            x, values, color=c, linewidth=width, marker="o", markersize=width + 1, label=_label(f.name), alpha=alpha
        )
        hist = f.history_power
        if hist is not None:
            at = {q: i for i, q in enumerate(d.quarters)}
            points = [(at[q], v) for q, v in zip(hist.dates, getattr(hist, key), strict=True) if q in at]
            if points:
                ax.plot(*zip(*points, strict=True), color=c, linewidth=1, linestyle="--", alpha=0.7 * alpha)
    ax.set_title(_label(title), fontsize=9, loc="left")
    step = max(1, len(x) // 8)
    ax.set_xticks(x[::step], [q for q in d.quarters[::step]], rotation=0, fontsize=7)
    ax.set_ylim(bottom=lowest)  # counts and shares from nothing up, not from their lowest value
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", alpha=0.3)


def charts(d: Debrief) -> list[tuple[str, str]]:
    """(title, inline SVG) for each measure of power (:func:`plot`)."""
    if not d.quarters:
        return []
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = []
    with plt.rc_context(STYLE):
        for key, title in MEASURES:
            fig, ax = plt.subplots(figsize=(4.6, 2.5))
            plot(ax, d, key, title)
            out.append((title, _svg(fig)))
            plt.close(fig)
    return out


# --- the page ------------------------------------------------------------------------------------


def html(d: Debrief, generated: str | None = None) -> str:
    """The report as one HTML document (a string)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from markupsafe import Markup

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["colour"] = colour
    env.filters["where"] = lines_text
    when = generated or datetime.date.today().isoformat()
    drawn = [(title, Markup(svg)) for title, svg in charts(d)]  # made here, from numbers: safe
    return env.get_template(TEMPLATE).render(
        d=d,
        charts=drawn,
        generated=when,
        measures=MEASURES,
        measured=ending.MEASURED_NOTE,
        power_heading=ending.POWER_HEADING,
    )


def write(d: Debrief, path: Path) -> Path:
    """Write the report to ``path``; ReportError if it cannot be written."""
    path = Path(path)
    try:
        write_atomic(path, html(d))
        path.chmod(0o644)  # a report is handed on: readable like any document, not private as a temp file
    except OSError as exc:
        raise ReportError(f"{path}: cannot write the report: {exc.strerror or exc}") from None
    return path


# --- the PDF -------------------------------------------------------------------------------------


def browser() -> str | None:
    """The headless browser that prints PDFs here, or None."""
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def print_pdf(html_path: Path, pdf_path: Path) -> str:
    """Print the report to PDF with a headless Chromium; returns one line saying what was done
    (or that no converter was found, or why it failed) — never raises for a missing program."""
    program = browser()
    if program is None:
        return f"no PDF: none of {', '.join(BROWSERS)} is installed (the HTML report prints from any browser)"
    pdf_path = Path(pdf_path)
    with tempfile.TemporaryDirectory(prefix="succession-pdf-") as profile:
        command = [
            program,
            *CHROMIUM_FLAGS,
            "--no-pdf-header-footer",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf_path.resolve()}",
            Path(html_path).resolve().as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=PDF_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"no PDF: {Path(program).name} failed: {exc}"
    if done.returncode != 0 or not pdf_path.is_file() or pdf_path.stat().st_size == 0:
        why = (done.stderr or "").strip().splitlines()[-1:] or [f"exit code {done.returncode}"]
        return f"no PDF: {Path(program).name} could not print it: {why[0]}"
    return f"wrote {pdf_path}"


__all__ = [
    "BROWSERS",
    "CHROMIUM_FLAGS",
    "STYLE",
    "ReportError",
    "browser",
    "charts",
    "colour",
    "html",
    "plot",
    "print_pdf",
    "write",
]
