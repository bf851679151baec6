"""Presentation mode on a projector: every slide, in both languages, at 1280 x 720 and
1920 x 1080, fits the screen with the sidebar collapsed; screenshots of each land in
artifacts/present/ for a person to look at."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

SIZES = [(1280, 720), (1920, 1080)]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
# Every chart on the page drawn: no placeholder left (a chart shows a skeleton while its code
# loads) and every vega-embed has its svg/canvas (added after the run ends).
DRAWN = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  if (main.querySelector('[data-testid="stSkeleton"], [data-testid="stSkeletonElement"]'))
    return false;
  return main.querySelectorAll('.vega-embed').length ===
    main.querySelectorAll('.vega-embed svg, .vega-embed canvas').length;
}"""
# How tall the content is: the main scroll area's and the document's, and the main block's bottom.
HEIGHTS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const block = document.querySelector('[data-testid="stMainBlockContainer"]');
  return {
    view: window.innerHeight,
    doc: document.scrollingElement.scrollHeight,
    main: main ? main.scrollHeight : 0,
    mainView: main ? main.clientHeight : 0,
    block: block ? block.getBoundingClientRect().bottom : 0,
  };
}"""


def _settle(page: Page) -> None:
    page.wait_for_selector(IDLE, timeout=30_000)
    page.wait_for_function(DRAWN, timeout=30_000)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("width", "height"), SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_slide_fits_the_screen(page: Page, server, artifacts, lang, width, height) -> None:
    out = artifacts / "present"
    out.mkdir(exist_ok=True)
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server}/presentasi?lang={lang}&slide=1")
    counter = page.locator(".st-key-present_counter")
    expect(counter).to_be_visible(timeout=30_000)
    _settle(page)
    if page.locator('[data-testid="stDialog"]').count():  # see test_links.py: a fresh server's
        page.keyboard.press("Escape")  # first visit to a page URL; not what this test is about
    page.mouse.move(width // 2, height - 5)  # no button hovered: no tooltip on the slide
    count = int(re.search(r"/\s*(\d+)", counter.inner_text()).group(1))
    assert count >= 10
    # The sidebar starts collapsed in presentation mode: the slide has the whole width.
    expect(page.locator('[data-testid="stSidebar"]')).to_have_attribute("data-collapsed", "true")
    too_tall = []
    for index in range(1, count + 1):
        if index > 1:
            page.locator(".st-key-present_next button").first.click()
            expect(counter).to_have_text(re.compile(rf"^\s*{index}\s*/"), timeout=30_000)
            _settle(page)
            page.mouse.move(width // 2, height - 5)
            page.evaluate("document.activeElement && document.activeElement.blur()")  # no tooltip
        assert page.locator('[data-testid="stException"]').count() == 0
        sizes = page.evaluate(HEIGHTS)
        page.screenshot(path=str(out / f"slide{index:02d}-{width}x{height}-{lang}.png"))
        if (
            sizes["doc"] > sizes["view"]
            or sizes["main"] > sizes["mainView"]
            or sizes["block"] > sizes["view"]
        ):
            too_tall.append((index, sizes))
        # A chart takes the room the text leaves: not squeezed to a strip.
        for chart in page.locator(".vega-embed").all():
            box = chart.bounding_box()
            assert box and box["height"] >= 0.4 * height and box["width"] >= 0.8 * width, index
        # The slide's own controls stay on the screen.
        for key in ("present_prev", "present_next"):
            box = page.locator(f".st-key-{key} button").first.bounding_box()
            assert box and 0 <= box["y"] and box["y"] + box["height"] <= height, (index, key)
    assert not too_tall


# Every word of the slide title's text on one line: a word split by the line break shows as
# two client rectangles of its range.
SPLIT_WORDS = """() => {
  const title = document.querySelector('[class*="st-key-slide_title"] [data-testid="stText"]');
  const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
  const split = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      if (range.getClientRects().length > 1) split.push(m[0]);
    }
  }
  return split;
}"""


def test_a_portrait_window_keeps_the_cover_title_words_whole(page: Page, server, artifacts):
    """The type follows the narrower side: in a portrait window (1400 x 2600) the cover title
    broke "Collabora/tion" when the type followed the height alone."""
    page.set_viewport_size({"width": 1400, "height": 2600})
    page.goto(f"{server}/presentasi?lang=en&slide=1")
    expect(page.locator(".st-key-present_counter")).to_be_visible(timeout=30_000)
    _settle(page)
    assert "Collaboration" in page.locator('[class*="st-key-slide_title"]').inner_text()
    assert page.evaluate(SPLIT_WORDS) == []
    page.screenshot(path=str(artifacts / "present" / "cover-portrait-en.png"))
