"""The after-action report: one HTML file with nothing outside it (no address, no file it loads),
the charts drawn inline, the seed and mods to replay the game, a print stylesheet, the questions;
a mod's hostile event name escaped; and the PDF printed by a headless browser where there is one
(a stand-in program here, so the test needs none) and a plain line where there is none."""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

import pytest

from game.match.match import Match, Seat
from game.present import debrief, report
from game.ruleset.loader import load

HOSTILE = '<script>alert("mod")</script>'
MOD = 'id: hostile_names\nname: Hostile names\nversion: "1.0.0"\nformat_version: 1\n'
EVENTS = f"""format_version: 1
events:
  - id: scissors_crisis
    name: '{HOSTILE} The scissors crisis'
    text: 'Prices part like scissors <img src="x.png" onerror="alert(2)"> and the peasants stop selling.'
"""


def _finished(rules, scenario: str = "crisis_1923", seed: int = 1, mods=()) -> Match:
    match = Match.new(rules, scenario, seed, mods=mods)
    while not match.over:
        match.ai_move()
    return match


@pytest.fixture(scope="module")
def base_page():
    rules, _problems = load()
    d = debrief.from_match(_finished(rules))
    return d, report.html(d, generated="2026-01-01")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mods") / "hostile_names"
    folder.mkdir()
    (folder / "mod.yaml").write_text(MOD, encoding="utf-8")
    (folder / "events.yaml").write_text(EVENTS, encoding="utf-8")
    rules, problems = load([str(folder)])
    assert rules is not None, "\n".join(map(str, problems))
    d = debrief.from_match(_finished(rules))
    return d, report.html(d)


def test_the_report_is_one_file_with_nothing_outside_it(base_page):
    _d, page = base_page
    assert page.startswith("<!DOCTYPE html>")
    assert "http" not in page.lower()
    assert "src=" not in page  # no image, script or frame it would fetch
    assert not re.search(r"<(link|script|iframe|img|object|embed)\b", page, re.I)
    assert "@import" not in page
    assert all(u.startswith("#") for u in re.findall(r"url\(([^)]*)\)", page))  # the charts' own clip paths
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert all(h.startswith("#") for h in hrefs), hrefs  # the charts' own glyphs, nothing else


def test_the_report_draws_the_charts_inline(base_page):
    d, page = base_page
    assert page.count("<svg") == len(debrief.MEASURES)
    for _key, title in debrief.MEASURES:
        assert f'aria-label="{title}"' in page
    assert page.count("<path") > 50  # lines, markers and the axes' glyphs drawn, not empty frames


def test_the_report_names_the_seed_the_mods_and_how_to_replay(base_page):
    d, page = base_page
    assert f"<td>{d.seed}</td>" in page
    assert "none (the base rules)" in page
    assert d.replay_line in page
    for f in d.factions:
        assert f.name in page
        assert f'id="faction-{f.faction}"' in page


def test_the_report_holds_the_debrief(base_page):
    d, page = base_page
    assert "This game beside history" in page and "History's checkpoints" in page
    assert "Where it left history" in page
    for f in d.factions:
        for g in f.goals:
            assert g.name.replace("'", "&#39;") in page
        if f.divergence is not None:
            assert f"<strong>{f.divergence.date}</strong>" in page
    for q in d.questions:
        assert q.text.replace('"', "&#34;").replace("'", "&#39;") in page
    for e in d.events:
        assert e.name.replace("'", "&#39;") in page
    for r in d.reasons:
        assert r.line.replace("'", "&#39;").replace('"', "&#34;") in page


def test_the_report_prints(base_page):
    _d, page = base_page
    assert "@media print" in page and "@page" in page
    assert "break-before: page" in page


def test_a_mods_hostile_event_name_comes_out_escaped(hostile):
    d, page = hostile
    assert any(HOSTILE in e.name for e in d.events), "the mod's event fired"
    assert d.mods == ("hostile_names@1.0.0",)
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#34;mod&#34;)&lt;/script&gt;" in page
    assert "<img" not in page and "&lt;img src=&#34;x.png&#34;" in page
    assert "hostile_names@1.0.0" in page and "--mod hostile_names" in page


def test_the_report_is_the_same_each_time(base_page):
    d, page = base_page
    assert report.html(d, generated="2026-01-01") == page  # charts included: a fixed salt for their ids


def test_a_colour_that_is_not_a_colour_never_reaches_a_style():
    assert report.colour("#0072B2") == "#0072B2"
    assert report.colour("red;background:url(x)") == report.GREY
    assert report.colour("#12345") == report.GREY


def test_write_gives_a_readable_file(base_page, tmp_path):
    d, _page = base_page
    path = report.write(d, tmp_path / "out" / "report.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert path.stat().st_mode & stat.S_IROTH
    with pytest.raises(report.ReportError) as err:
        report.write(d, tmp_path / "out" / "report.html" / "under_a_file.html")
    assert "\n" not in str(err.value) and "cannot write the report" in str(err.value)


# --- the PDF -------------------------------------------------------------------------------------

FAKE_BROWSER = """#!{python}
import sys
args = sys.argv[1:]
assert "--headless" in args, args
target = next(a.split("=", 1)[1] for a in args if a.startswith("--print-to-pdf="))
page = args[-1]
assert page.startswith("file://"), page
with open(target, "wb") as fh:
    fh.write(b"%PDF-1.4 printed from " + page.encode())
"""


def test_print_pdf_runs_the_browser_it_finds(base_page, tmp_path, monkeypatch):
    d, _page = base_page
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "chromium"
    fake.write_text(FAKE_BROWSER.format(python=sys.executable), encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    html_path = report.write(d, tmp_path / "r.html")
    said = report.print_pdf(html_path, tmp_path / "r.pdf")
    assert said == f"wrote {tmp_path / 'r.pdf'}"
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-1.4 printed from file://")


def test_print_pdf_without_a_browser_says_so_and_does_not_fail(base_page, tmp_path, monkeypatch):
    d, _page = base_page
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert report.browser() is None
    said = report.print_pdf(report.write(d, tmp_path / "r.html"), tmp_path / "r.pdf")
    assert said.startswith("no PDF: none of chromium") and not (tmp_path / "r.pdf").exists()


def test_print_pdf_reports_a_browser_that_fails(base_page, tmp_path, monkeypatch):
    d, _page = base_page
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "chromium"
    fake.write_text(f"#!{sys.executable}\nimport sys\nsys.stderr.write('no display here\\n')\nsys.exit(3)\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir) + os.pathsep + str(Path(sys.executable).parent))
    said = report.print_pdf(report.write(d, tmp_path / "r.html"), tmp_path / "r.pdf")
    assert said == "no PDF: chromium could not print it: no display here"


def test_the_report_leads_with_the_results_and_says_why_the_strongest_failed(tmp_path):
    rules, _problems = load()
    match = _finished(rules, "military_option_1924", 1)  # Stalin strongest, and a defeat by his goals
    match.seats["bukharin"] = Seat("human", "simple", "")
    d = debrief.from_match(match)
    # the one human seat's part comes first; power in the party is named, not a "winner"
    assert d.factions[0].faction == "bukharin" and d.outcome.startswith("The strongest faction: ")
    stalin = d.faction("stalin")
    assert stalin.result in ("Defeat", "Disaster") and "but by its own goals this is a" in stalin.caveat
    assert not any(f.caveat for f in d.factions if f.faction != "stalin")
    page = report.html(d, generated="2026-01-01")
    results = page.index("Results against history")
    power = page.index("<h3>Power in the party at the end</h3>")
    assert results < power < page.index("Power over time")
    assert page.index(">Bukharin, Rykov and Tomsky</td>") < page.index(">Stalin and the Centre</td>")
    assert "Outcome</th>" not in page  # no longer above the results, in the header
    caveat = stalin.caveat.replace("'", "&#39;")
    assert page.count(f'<p class="caveat">{caveat}</p>') == 2  # under power, and in Stalin's part
    text = debrief.text(d)
    assert text.index("Each faction's result, measured against history") < text.index("Power in the party at the end")
