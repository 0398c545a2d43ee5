"""The glossary and the encyclopedia's cross-links: every ``see`` and every link of every entry opens
an entry; the glossary covers the period's terms; a mod adds its own terms, and its markup is shown
as text; a click on a link (at the link's place in the article) opens its entry and Back returns;
a click on a board panel's heading, and F1 over a thing with a tooltip, open their entries."""

from __future__ import annotations

import re
import shutil

import pygame
import pytest

from game.ruleset import BASE, PROJECT
from game.ruleset.loader import load_rules
from game.ruleset.records import ENCYCLOPEDIA_KINDS, entry_ref
from game.ui.scenes.board import BoardScene
from game.ui.scenes.encyclopedia import CATEGORIES, EncyclopediaScene
from game.ui.scenes.entries import entry_in, linked, record_of
from game.ui.scenes.panels import HEADING_ENTRIES
from tests.ui.drive import button, click, frames, key
from tests.ui.test_hotseat import _to_a_seat
from tests.ui.test_play import start_classroom

HREF = re.compile(r"<a href='([^']*)'>")

#: the terms a teacher needs explained (issue 24): each must be a glossary entry's name or other name
TERMS = (
    "Secretariat",
    "Orgburo",
    "Politburo",
    "Central Committee",
    "Central Control Commission",
    "Rabkrin",
    "Workers' and Peasants' Inspection",
    "Sovnarkom",
    "NEP",
    "smychka",
    "ban on factions",
    "Lenin Levy",
    "Lenin's Testament",
    "Party Congress",
    "Party Conference",
    "Left Opposition",
    "United Opposition",
    "Right Opposition",
    "socialism in one country",
    "permanent revolution",
    "Comintern",
    "OGPU",
    "nomenklatura",
    "scissors crisis",
)


def _every_article(app) -> dict[str, str]:
    """kind.id → the article's markup, for every entry of every category."""
    scene = EncyclopediaScene(app)
    out = {}
    for i, (kind, _label) in enumerate(CATEGORIES):
        scene.category = i
        for index, rec in enumerate(scene.entries()):
            scene.index = index
            out[f"{kind}.{rec.id}"] = scene.html()
    return out


def test_the_encyclopedia_shows_every_kind_a_link_may_name():
    assert tuple(kind for kind, _ in CATEGORIES) == ENCYCLOPEDIA_KINDS


def test_every_see_and_every_link_of_every_entry_opens_an_entry(app, rules):
    sees = [ref for term in rules.glossary.values() for ref in term.see]
    assert len(sees) > 3 * len(rules.glossary)
    for ref in sees:
        assert record_of(rules, ref) is not None, ref
    articles = _every_article(app)
    assert len(articles) == sum(len(getattr(rules, kind)) for kind in ENCYCLOPEDIA_KINDS)
    links = 0
    for where, html in articles.items():
        for ref in HREF.findall(html):
            links += 1
            assert record_of(rules, ref) is not None, f"{where}: a link to {ref!r} opens nothing"
            assert entry_ref(ref) != entry_ref(where.removeprefix("glossary.")) or not where.startswith("glossary")
            scene = EncyclopediaScene(app, ref)  # and the scene opens at it
            assert scene.record() is record_of(rules, ref)
    assert links > 300
    # the texts link what they mention: the Secretariat's entry names Stalin, the CC, the secretaries
    secretariat = articles["glossary.secretariat"]
    assert "<a href='figures.stalin'>Stalin</a>" in secretariat
    assert "<a href='central_committee'>Central Committee</a>" in secretariat
    # and a figure's article lists the glossary terms that send the reader to him
    assert "<b>In the glossary</b>" in articles["figures.stalin"]


def test_regions_papers_and_trackers_say_what_they_were_with_links(app, rules):
    articles = _every_article(app)
    for kind in ("regions", "press", "trackers"):
        for rec in getattr(rules, kind).values():
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", " ".join(rec.about.split())) if s]
            assert 2 <= len(sentences) <= 4, f"{kind}.{rec.id}: {len(sentences)} sentences"
            html = articles[f"{kind}.{rec.id}"]
            # the text is shown, after the facts and before the sources, its mentions linked
            assert linked(rules, rec.about, f"{kind}.{rec.id}") in html
            assert html.index(linked(rules, rec.about, f"{kind}.{rec.id}")) < html.index("<b>Sources</b>")
    assert "<a href='smychka'>worker-peasant alliance</a>" in articles["trackers.industrialisation"]
    assert "<a href='figures.kirov'>Kirov</a>" in articles["regions.leningrad"]
    assert "<a href='figures.bukharin'>Bukharin</a>" in articles["press.pravda"]
    # "Bolshevik" in running text is the party's member, not the journal of that name
    assert "<a href='bolsheviks'>Bolshevik party</a>" in articles["figures.lenin"]
    assert not any("href='press.bolshevik'" in html for html in articles.values())


@pytest.mark.parametrize("term", TERMS)
def test_the_glossary_explains_the_terms_of_the_period(rules, term):
    names = {n.lower() for t in rules.glossary.values() for n in (t.name, *t.also)}
    assert any(term.lower() == n or term.lower() in n for n in names), f"no glossary entry for {term!r}"


def test_every_glossary_entry_is_plain_and_cited(rules):
    for term in rules.glossary.values():
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", " ".join(term.text.split())) if s]
        assert 2 <= len(sentences) <= 5, f"{term.id}: {len(sentences)} sentences"
        assert any(c.seed for c in term.source), f"{term.id} cites no seed document"


def _mod(tmp_path, glossary: str):
    (tmp_path / "mods" / "words").mkdir(parents=True)
    mod = tmp_path / "mods" / "words"
    (mod / "mod.yaml").write_text('format_version: 1\nid: words\nname: Words\nversion: "1.0.0"\n', encoding="utf-8")
    (mod / "glossary.yaml").write_text("format_version: 1\nglossary:\n" + glossary, encoding="utf-8")
    shutil.copytree(PROJECT / "seeds", tmp_path / "seeds")
    return mod


MOD_TERM = """\
  - id: kulak
    name: Kulak
    text: >-
      A better-off peasant who hired labour or rented out land. <script>alert('kulak')</script> The
      Left wanted them taxed harder; Stalin later destroyed them as a class.
    see: [nep, smychka, figures.stalin]
    design: "A mod's own term: no seed document defines it."
    source:
      - outside: "E. H. Carr, Socialism in One Country 1924-1926, vol. 1 (1958)"
        quote: "kulak"
"""


def test_a_mod_adds_its_own_term_and_its_markup_is_shown_as_text(make_app, tmp_path):
    mod = _mod(tmp_path, MOD_TERM)
    modded, problems = load_rules([BASE, mod], PROJECT)
    assert problems == [], "\n".join(map(str, problems))
    base = load_rules([BASE], PROJECT)[0]
    assert "kulak" in modded.glossary and "kulak" not in base.glossary
    assert modded.fingerprint() == base.fingerprint()  # display only: replays and saves stay valid
    app = make_app(rules=modded)
    scene = EncyclopediaScene(app, "kulak")
    app.push(scene)
    frames(app)
    html = scene.html()
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;kulak&#x27;)&lt;/script&gt;" in html
    assert "<a href='smychka'>" in html  # its see list links the base's terms
    # and the base's articles link the mod's term where they mention it
    assert "<a href='kulak'>" in linked(modded, "The kulak question.") or "<a href='kulak'>Kulak</a>" in linked(
        modded, "Kulak farms."
    )


def test_a_see_that_names_nothing_is_an_error_with_the_closest_entry(tmp_path):
    mod = _mod(
        tmp_path,
        MOD_TERM.replace("see: [nep, smychka, figures.stalin]", "see: [nep, smychka, figures.stallin, generals.x]"),
    )
    _rules, problems = load_rules([BASE, mod], PROJECT)
    words = [str(p) for p in problems]
    assert any("glossary.yaml:8:" in w and "did you mean 'figures.stalin'" in w for w in words), words
    assert any("no 'generals' entries" in w for w in words), words


def test_a_click_on_a_link_opens_its_entry_and_back_returns(app, rules):
    click(app, button(app.scene, "Encyclopedia"))
    enc = app.scene
    assert isinstance(enc, EncyclopediaScene) and enc.record().name.startswith("Appointment")  # the glossary, A to Z
    enc.go("secretariat")
    enc.refresh()
    frames(app, n=2)
    box = enc.article
    chunk = next(c for c in box.link_hover_chunks if c.href == "orgburo")
    x, y = box._calculate_hyperlinks_offsets()
    pos = (x + chunk.x + chunk.size[0] // 2, y + chunk.y + chunk.size[1] // 2)
    assert box.rect.collidepoint(pos)
    # a real click at the link's place: pygame_gui turns it into its link event, which the scene follows
    frames(
        app,
        [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
        ],
        n=2,
    )
    assert enc.record() is rules.glossary["orgburo"]
    assert "Orgburo" in box.html_text
    click(app, button(enc, "Back"))  # back to the entry the link was followed from ...
    assert app.scene is enc and enc.record() is rules.glossary["secretariat"]
    key(app, pygame.K_ESCAPE)  # ... and then out
    assert app.scene is not enc


def test_a_panel_heading_and_f1_over_a_tooltip_open_their_entries(app, monkeypatch):
    board = start_classroom(app)
    assert isinstance(board, BoardScene)
    assert _to_a_seat(app, board) == "stalin"  # the briefing read: the seat's own board
    opened = []
    for key_, panel in board.panels.items():
        if not panel.rect.h or panel.entry(board.view) is None:
            continue
        pos = (panel.rect.x + 8, panel.rect.y + 4)
        assert panel.heading_at(pos)
        assert "Click the heading" in board.tip_at(pos)
        click_at(app, pos)
        enc = app.scene
        assert isinstance(enc, EncyclopediaScene), key_
        ref = HEADING_ENTRIES.get(key_, f"scenarios.{board.view.scenario}")
        expected = enc.entries_of(enc.category)[0] if ref in dict(CATEGORIES) else record_of(app.rules, ref)
        assert enc.record() is expected
        opened.append(key_)
        key(app, pygame.K_ESCAPE)
        assert app.scene is board
    assert {"offices", "bodies", "press"} <= set(opened)
    # F1 over an office's row: the tooltip names the office, and F1 opens its entry
    office = board.panels["offices"]
    spot = next(
        (r, tip) for r, tip in office.spots if entry_in(app.rules, tip) and entry_in(app.rules, tip).startswith("off")
    )
    pos = (office.inner.x + spot[0].centerx, office.inner.y + spot[0].centery - office.top)
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: pos)
    frames(app, [pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))])
    ref = board.entry_at(pos)
    assert ref is not None
    key(app, pygame.K_F1)
    assert isinstance(app.scene, EncyclopediaScene) and app.scene.record() is record_of(app.rules, ref)
    key(app, pygame.K_ESCAPE)
    # F1 where no tooltip names an entry is still the guide
    monkeypatch.setattr(pygame.mouse, "get_pos", lambda: (1, app.size[1] - 1))
    frames(app, [pygame.event.Event(pygame.MOUSEMOTION, pos=(1, app.size[1] - 1), rel=(0, 0), buttons=(0, 0, 0))])
    assert board.entry_at((1, app.size[1] - 1)) is None
    key(app, pygame.K_F1)
    assert type(app.scene).__name__ == "GuideScene"


def click_at(app, pos) -> None:
    frames(
        app,
        [
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
        ],
    )


def test_the_category_on_show_is_marked_on_its_button(app):
    from game.ui import theme

    app.push(EncyclopediaScene(app, "press.pravda"))
    frames(app)
    scene = app.scene
    names = [kind for kind, _label in CATEGORIES]

    def marked(kind: str) -> bool:
        r = scene.tabs[names.index(kind)].rect
        return tuple(app.screen.get_at((r.centerx, r.bottom - 3)))[:3] == tuple(theme.RED)[:3]

    assert marked("press") and not marked("glossary") and not marked("regions")
    click(app, scene.tabs[names.index("trackers")])
    frames(app)
    assert marked("trackers") and not marked("press")
    assert "Industrialisation" in scene.html()
