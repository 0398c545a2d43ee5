"""The after-action report in a real browser: written for a finished classroom game, opened in
headless Chromium through selenium and Debian's chromedriver (``/usr/bin/chromedriver``, passed
explicitly: selenium's own manager, which would download a driver, is never asked), read as a
reader sees it (title, a section per faction, the charts drawn with a size, the questions),
printed to PDF with ``Page.printToPDF`` (selenium's ``print_page``) and by the game's own
``--pdf`` path (:func:`game.present.report.print_pdf`), and each PDF checked.  A mod whose event
name carries a ``<script>`` shows it as text and runs nothing.

``make test`` installs chromium and chromium-driver as root (CI); where they are missing the
tests fail saying what to install — they are never skipped."""

from __future__ import annotations

import base64
import re
import shutil
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from game.match.match import Match
from game.present import debrief, report
from game.ruleset.loader import load

CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCENARIO = "crisis_1923"  # a classroom scenario
PWNED = '<script>window.__pwned = "mod"</script>'
MOD = 'id: hostile_script\nname: Hostile script\nversion: "1.0.0"\nformat_version: 1\n'
EVENTS = f"""format_version: 1
events:
  - id: scissors_crisis
    name: '{PWNED} The scissors crisis'
    text: 'Prices part like scissors <img src="x" onerror="window.__pwned = 2"> and the peasants stop selling.'
"""


def _need() -> str:
    """The browser to drive, or a failure that says what to install (never a skip)."""
    missing = [
        pkg for prog, pkg in (("chromium", "chromium"), ("chromedriver", "chromium-driver")) if not shutil.which(prog)
    ]
    if missing or not CHROMEDRIVER.is_file():
        pytest.fail(
            f"the report's browser test needs Debian's {' and '.join(missing or ['chromium-driver'])}: "
            f"apt-get install {' '.join(missing or ['chromium-driver'])} (make test installs them as root)"
        )
    return shutil.which("chromium")


def _finished(rules) -> Match:
    match = Match.new(rules, SCENARIO, 1)
    while not match.over:
        match.ai_move()
    return match


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    program = _need()
    mp = pytest.MonkeyPatch()
    mp.setenv("SE_OFFLINE", "true")  # were selenium's manager ever asked, it may not download
    options = webdriver.ChromeOptions()
    options.binary_location = program
    for flag in report.CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_argument("--window-size=1280,900")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    yield driver
    driver.quit()
    mp.undo()


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    rules, _problems = load()
    d = debrief.from_match(_finished(rules))
    path = report.write(d, tmp_path_factory.mktemp("report") / "report.html")
    return d, path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mods") / "hostile_script"
    folder.mkdir()
    (folder / "mod.yaml").write_text(MOD, encoding="utf-8")
    (folder / "events.yaml").write_text(EVENTS, encoding="utf-8")
    rules, problems = load([str(folder)])
    assert rules is not None, "\n".join(map(str, problems))
    d = debrief.from_match(_finished(rules))
    assert any(e.name.startswith(PWNED) for e in d.events)  # the hostile event fired: its name is in the report
    return d, report.write(d, tmp_path_factory.mktemp("hostile") / "report.html")


def _pages(pdf: bytes) -> int:
    """The number of pages a PDF says it has (its page tree's largest /Count)."""
    assert pdf.startswith(b"%PDF-"), pdf[:20]
    trees = re.findall(rb"<<[^<>]*/Type\s*/Pages\b[^<>]*>>", pdf)
    counts = [int(n) for tree in trees for n in re.findall(rb"/Count\s+(\d+)", tree)]
    assert counts, "no page tree found in the PDF"
    return max(counts)


def test_the_report_reads_in_a_browser(browser, base):
    d, path = base
    browser.get(path.as_uri())
    assert browser.title == f"After-action report: {d.scenario_name}, seed {d.seed}"
    assert browser.find_element(By.TAG_NAME, "h1").text == "After-action report"
    for f in d.factions:  # a section per faction, headed with its name
        section = browser.find_element(By.ID, f"faction-{f.faction}")
        assert section.find_element(By.TAG_NAME, "h2").text.strip() == f.name
        assert section.is_displayed()
    figures = browser.find_elements(By.CSS_SELECTOR, "figure.chart")
    assert [fig.get_attribute("aria-label") for fig in figures] == [title for _key, title in debrief.MEASURES]
    for fig in figures:  # each chart drawn as an image with a size on the page
        svg = fig.find_element(By.TAG_NAME, "svg")
        size = svg.size
        assert size["width"] > 100 and size["height"] > 50, (fig.get_attribute("aria-label"), size)
        assert len(svg.find_elements(By.TAG_NAME, "path")) > 10
    assert d.questions, "the classroom scenario has discussion questions"
    body = browser.find_element(By.TAG_NAME, "body").text
    for q in d.questions:
        assert " ".join(q.text.split()) in " ".join(body.split())
    assert len(browser.find_elements(By.CSS_SELECTOR, "section.questions .question")) == len(d.questions)
    assert d.replay_line in body  # the game can be played again from the page


def test_a_mods_script_shows_as_text_and_never_runs(browser, hostile):
    _d, path = hostile
    browser.get(path.as_uri())
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    body = browser.find_element(By.TAG_NAME, "body").text
    assert PWNED in body  # the reader sees the mod's text as it was written, as text
    assert browser.find_elements(By.TAG_NAME, "script") == []
    assert browser.find_elements(By.CSS_SELECTOR, "img") == []


def test_the_report_prints_to_a_pdf_of_several_pages(browser, base, tmp_path):
    _d, path = base
    browser.get(path.as_uri())
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7  # A4, as the print stylesheet asks
    pdf = base64.b64decode(browser.print_page(options))
    assert _pages(pdf) > 1
    (tmp_path / "selenium.pdf").write_bytes(pdf)


def test_the_games_own_pdf_option_prints_through_the_same_browser(base, tmp_path):
    _need()
    _d, path = base
    out = tmp_path / "report.pdf"
    said = report.print_pdf(path, out)
    assert said == f"wrote {out}", said
    assert _pages(out.read_bytes()) > 1
