"""The documents in the window, driven with clicks and keys: from an encyclopedia entry's sources to
the document opened at the cited lines (marked, with the lines' own numbers), the pages before and
after, the list of the five documents with what kind of source each is, and from an event card's
sources to the document and back to the card."""

from __future__ import annotations

import pygame
import pytest

from game.present.documents import PAGE, documents, page_of, text_lines
from game.ui.scenes.dialog import escape
from game.ui.scenes.encyclopedia import EncyclopediaScene
from game.ui.scenes.event import EventScene
from game.ui.scenes.reader import DocumentsScene, ReaderScene, SourcesScene
from tests.ui.drive import button, click, frames, key, labels
from tests.ui.test_event_card import _at_trotskys_choice


def _encyclopedia(app) -> EncyclopediaScene:
    click(app, button(app.scene, "Encyclopedia"))
    assert isinstance(app.scene, EncyclopediaScene)
    return app.scene


def test_every_document_says_what_kind_of_source_it_is(rules):
    docs = documents(rules.root)
    assert len(docs) == 5
    for doc in docs.values():
        assert doc.kind and doc.author and len(doc.about) > 100, doc.file
        assert text_lines(rules.root, doc), doc.file


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_a_page_holds_the_cited_lines_and_stays_inside_the_document(rules, where):
    doc = documents(rules.root)["seeds/001_4e889e92fdabce2b.txt"]
    total = len(text_lines(rules.root, doc))
    lo = {"start": 1, "middle": total // 2, "end": total}[where]
    page = page_of(rules.root, doc, lo, lo + (0 if where == "end" else 3))
    assert 1 <= page.first <= lo <= page.last <= total and page.last - page.first + 1 <= PAGE
    assert [n for n, _, cited in page.lines if cited] == list(
        range(lo, min(lo + (0 if where == "end" else 3), total) + 1)
    )


def test_an_entrys_passage_opens_in_its_document_at_the_cited_lines(app, rules):
    enc = _encyclopedia(app)
    rec = enc.record()
    cited = [c for c in rec.source if c.seed and c.lines]
    assert cited  # the first faction cites the documents
    click(app, button(enc, "Read the cited passages"))
    sources = app.scene
    assert isinstance(sources, SourcesScene)
    first = "Passage 1 in its document" if len(cited) > 1 else "Read it in the document"
    click(app, button(sources, first))
    reader = app.scene
    assert isinstance(reader, ReaderScene)
    lo, hi = cited[0].line_range()
    page = reader.page
    assert page.first <= lo <= hi <= page.last
    html = reader.html(page)
    lines = text_lines(rules.root, reader.doc)
    for line in lines[lo - 1 : hi]:  # each cited line whole, marked, after its own number
        assert f"{lo}</font>" in html and (not line or f"  {escape(line)}</b>" in html)
    assert html.count("<b>") == hi - lo + 1  # only the cited lines are marked
    frames(app)
    key(app, pygame.K_ESCAPE)
    assert app.scene is enc


def test_the_reader_turns_the_pages_and_stops_at_the_ends(app, rules):
    doc = documents(rules.root)["seeds/001_4e889e92fdabce2b.txt"]
    reader = app.push_scene("reader", doc.file, 1, 2)
    frames(app)
    assert reader.page.first == 1 and not button(reader, "◀ Earlier").is_enabled
    click(app, button(reader, "Later ▶"))
    assert reader.page.first == PAGE + 1 and button(reader, "◀ Earlier").is_enabled
    click(app, button(reader, "◀ Earlier"))
    assert reader.page.first == 1
    reader.first = 10**6
    reader.rebuild()
    assert reader.page.last == reader.page.total and not button(reader, "Later ▶").is_enabled


def test_the_documents_list_names_each_with_its_note_and_opens_it(app, rules):
    enc = _encyclopedia(app)
    click(app, button(enc, "The documents"))
    listed = app.scene
    assert isinstance(listed, DocumentsScene)
    html = listed.html()
    for doc in documents(rules.root).values():
        assert doc.kind in html and doc.about[:60].replace("'", "&#x27;") in html
    assert [label for label in labels(listed) if label.startswith("Read ")] == [f"Read {i}" for i in range(1, 6)]
    click(app, button(listed, "Read 4"))
    reader = app.scene
    assert isinstance(reader, ReaderScene) and reader.doc.author == "Leon Trotsky" and reader.page.first == 1
    click(app, button(reader, "Back"))
    assert app.scene is listed


def test_from_an_event_cards_source_to_the_document_and_back_to_the_card(app):
    m, card = _at_trotskys_choice(app)
    while app.scene is not card:  # a summary or briefing above it
        key(app, pygame.K_RETURN)
    cited = [c for c in card.event.source if c.seed and c.lines]
    assert cited  # the Declaration of the Forty-Six is drawn from the documents
    click(app, button(card, "Source"))
    sources = app.scene
    assert isinstance(sources, SourcesScene) and "Back to the event" in labels(sources)
    read = next(label for label in labels(sources) if "document" in label)
    click(app, button(sources, read))
    reader = app.scene
    assert isinstance(reader, ReaderScene) and reader.doc.file == cited[0].seed
    click(app, button(reader, "Back"))
    assert isinstance(app.scene, EventScene) and app.scene.event.id == card.event.id
    assert m.state.pending_choice  # nothing was chosen on the way
