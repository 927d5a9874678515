"""The web UI in a real headless Chromium (Debian's, driven by Playwright): search with
autocomplete, the entity page with its graph, ledger and timeline, evidence highlighted at
its exact offsets, and hostile markup in article text and names staying inert text.

Set NEWSGRAPH_SCREENSHOTS=docs/screenshots to refresh the README's screenshots.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.api import create_app
from newsgraph.api.background import BackgroundServer

from .fixtures.ui.build import HOSTILE_OTHER, HOSTILE_PERSON, build

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed "
                                 "(apt-get install chromium; .ci/run does it)")]
CANVAS_DRAWN = """() => [...document.querySelectorAll('#graph canvas')].some((c) => {
  if (!c.width || !c.height) return false;
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  for (let i = 3; i < data.length; i += 4) if (data[i]) return true;
  return false;
})"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(str(tmp_path_factory.mktemp("ui") / "kb.db"))


@pytest.fixture(scope="module")
def server(built):
    with BackgroundServer(create_app(built["db"])) as s:
        yield s


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A page that records JavaScript errors, CSP violations and dialogs (alert() from injected markup)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.problems = []
    pg.on("pageerror", lambda e: pg.problems.append(f"error: {e}"))
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()


def open_page(page, server, path: str) -> None:
    page.goto(server.url + "/#" + path)
    page.wait_for_selector("main[aria-busy='false']")


def wait_for_graph(page) -> None:
    page.wait_for_selector("#graph[data-ready='1']")
    page.wait_for_function(CANVAS_DRAWN)


def test_search_with_autocomplete_opens_the_entity_page(page, server, built):
    open_page(page, server, "/")
    page.keyboard.press("/")
    page.keyboard.type("tomas erra")
    option = page.wait_for_selector("#search-options [role=option]")
    assert "Tomas Errazuriz" in option.text_content()
    assert page.get_attribute("#search", "aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/#/entity/{built['entities']['errazuriz']}")
    page.wait_for_selector("main[aria-busy='false'] #entity-name")
    assert page.text_content("#entity-name").startswith("Tomas Errazuriz")
    assert page.is_visible("text=acts for") and page.text_content(".page-head a.entity-link") == "Chile"
    assert page.problems == []


def test_entity_page_draws_the_graph_ledger_and_timeline(page, server, built):
    open_page(page, server, f"/entity/{built['entities']['chile']}")
    wait_for_graph(page)
    assert int(page.get_attribute("#graph", "data-nodes")) >= 3
    assert int(page.get_attribute("#graph", "data-edges")) >= 3
    page.wait_for_selector("#ledger")
    denied = page.locator("#ledger td.cell-denied .report")
    assert denied.count() >= 1 and "Chile" in denied.first.text_content()
    assert page.locator("#ledger td.cell-alleged .report").count() >= 1
    dates = [t for t in page.locator("#timeline time").all_text_contents() if t != "undated"]
    assert dates and dates == sorted(dates)
    assert page.problems == []


def test_evidence_link_highlights_exactly_the_evidence(page, server, built):
    open_page(page, server, f"/entity/{built['entities']['bolivia']}")
    page.wait_for_selector("#ledger")
    event_id = built["events"]["denial"]
    page.click(f"#ledger .evidence-link[data-event='{event_id}']")
    page.wait_for_url(f"**/#/document/{built['docs']['02']}?event={event_id}")
    page.wait_for_selector("main[aria-busy='false'] .evidence-focus")
    highlighted = "".join(page.locator("#doc-text .evidence-focus").all_text_contents())
    evidence = page.request.get(f"{server.url}/api/events/{event_id}").json()["evidence"]
    assert highlighted == evidence["text"]
    assert page.text_content("#doc-text") == built["texts"]["02"]  # the whole text, at its offsets
    assert page.locator("#doc-text a.mention").count() >= 4
    assert page.problems == []


def test_graph_edge_evidence_is_reachable_by_keyboard(page, server, built):
    open_page(page, server, f"/graph/{built['entities']['peru']}")
    wait_for_graph(page)
    page.focus(".edge-list summary")
    page.keyboard.press("Enter")
    button = page.locator(".edge-list button").first
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#edge-events .event-card")
    quote = page.locator("#edge-events .evidence-text").first.text_content()
    assert quote and any(quote in text for text in built["texts"].values())
    page.uncheck("input[name=modality][value=asserted]")
    page.uncheck("input[name=modality][value=planned]")
    with page.expect_response(lambda r: "/api/graph/" in r.url and "modality=alleged" in r.url):
        page.click(".graph-controls button[type=submit]")
    wait_for_graph(page)
    shown = set(page.locator(".edge-list td .badge[class*=modality]").all_text_contents())
    assert shown <= {"alleged", "denied"}
    assert page.problems == []


def test_markup_in_articles_and_names_renders_as_text_and_runs_nothing(page, server, built):
    mara = built["entities"]["mara"]
    for path in (f"/entity/{mara}", f"/document/{built['docs']['03']}?entity={mara}", "/search?q=markup",
                 f"/entity/{built['entities']['notice']}", f"/graph/{mara}"):
        open_page(page, server, path)
        page.wait_for_timeout(300)
        assert page.locator("img").count() == 0, path
        assert page.locator("script").count() == 2, path  # ours: cytoscape and the app
    open_page(page, server, f"/entity/{mara}")
    wait_for_graph(page)
    assert page.text_content("#entity-name").startswith(HOSTILE_PERSON)
    open_page(page, server, f"/document/{built['docs']['03']}")
    assert HOSTILE_OTHER in page.text_content("#doc-text") and HOSTILE_OTHER in page.text_content("h1")
    page.fill("#search", "onerror")
    page.wait_for_selector("#search-options [role=option]")
    assert HOSTILE_PERSON in page.text_content("#search-options")
    assert page.locator("img").count() == 0
    assert page.evaluate("() => document.title").startswith("Envoy visit <script>")
    assert page.problems == []


def test_corrections_need_the_token(browser, tmp_path):
    built = build(str(tmp_path / "kb.db"))
    with BackgroundServer(create_app(built["db"], token="t0ken")) as server:
        context = browser.new_context()
        page = context.new_page()
        open_page(page, server, f"/entity/{built['entities']['peru']}")
        page.fill("#edit-token", "t0ken")
        page.click("#edit button[type=submit]")
        page.wait_for_selector("#edit-name")
        page.fill("#edit-name", "Republic of Peru")
        page.click("#edit form:has(#edit-name) button[type=submit]")
        page.wait_for_function("() => document.querySelector('#entity-name')?.textContent.startsWith('Republic of Peru')")
        context.close()


def test_screenshots_of_the_main_views(page, server, built, tmp_path):
    folder = Path(os.environ.get("NEWSGRAPH_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    chile = built["entities"]["chile"]
    shots = {"entity": f"/entity/{chile}", "graph": f"/graph/{chile}?depth=2",
             "document": f"/document/{built['docs']['02']}?event={built['events']['denial']}",
             "story": f"/story/{built['story']}", "search": "/search?q=patrols"}
    for name, path in shots.items():
        open_page(page, server, path)
        if name in ("entity", "graph"):
            wait_for_graph(page)
        page.wait_for_timeout(300)
        page.screenshot(path=str(folder / f"{name}.png"), full_page=name != "graph")
    open_page(page, server, f"/entity/{built['entities']['bolivia']}")
    page.wait_for_selector("#ledger")
    box = page.locator("#claims").bounding_box()  # from the full page, so the sticky top bar stays out of it
    scroll = page.evaluate("() => window.scrollY")
    page.screenshot(path=str(folder / "ledger.png"), full_page=True,
                    clip={"x": box["x"], "y": box["y"] + scroll, "width": box["width"], "height": box["height"]})
    for name in [*shots, "ledger"]:
        assert (folder / f"{name}.png").stat().st_size > 5000
    assert page.problems == []
