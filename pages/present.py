"""Mode Presentasi / Presentation mode: the hearing deck's slides one at a time, full width,
large type, with previous/next (also the arrow keys). The slide number lives in the URL
(?slide=3), so a link opens the same slide; region and years too (?wilayah=&dari=&ke=)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from impact import deck
from pages import _data, _render, _widgets
from pages import _deck_ui as _deck

# The projector gets the whole width: the sidebar (region, years) starts closed here.
st.set_page_config(initial_sidebar_state="collapsed")
lang = _render.lang()
path, version = _data.db()
regions = _data.names(path, version, "region", lang)
with st.sidebar.expander(_render.t("present.settings"), icon=":material/tune:"):
    region = _widgets.url_choice(
        "wilayah", _render.t("filter.region"), list(regions), regions, deck.DEFAULT_REGION
    )
    years = _deck.years(path, version, region)
    if len(years) < 2:
        st.info(_render.t("deck.years.none", region=regions[region]))
        st.stop()
    start = _widgets.url_choice("dari", _render.t("deck.form.start"), years[:-1], default=years[0])
    end = _widgets.url_choice(
        "ke", _render.t("deck.form.end"), [y for y in years if y > start], default=years[-1]
    )
    st.caption(_render.t("present.keys"))  # the sidebar now starts closed

options = deck.options_from_params(
    dict(st.query_params),
    region=region,
    start_year=start,
    end_year=end,
    lang=lang,
    today=dt.date.today(),
)
slides = _deck.slides(path, version, options)
count = len(slides)
index = deck.slide_index(st.query_params.get("slide", "1"), count)
st.query_params["slide"] = str(index)


def _go(step: int) -> None:
    st.query_params["slide"] = str(deck.slide_index(index + step, count))


def _nav() -> None:
    """Previous / counter / next, compact enough to sit beside the slide title."""
    row = st.container(horizontal=True, horizontal_alignment="right", vertical_alignment="center")
    row.button(
        ":material/arrow_back:",
        key="present_prev",
        help=_render.t("present.prev"),
        on_click=_go,
        args=(-1,),
        disabled=index == 1,
        shortcut="Left",
    )
    counter = row.container(key="present_counter", width="content")
    counter.markdown(f"**{_render.t('present.counter', index=index, count=count)}**")
    row.button(
        ":material/arrow_forward:",
        key="present_next",
        help=_render.t("present.next"),
        on_click=_go,
        args=(1,),
        disabled=index == count,
        shortcut="Right",
        type="primary",
    )


slide = slides[index - 1]
_deck.show(slide, lang, nav=_nav)
# The speaker's notes beside the slide, not under it: the slide keeps the whole screen.
with st.sidebar.expander(_render.t("present.notes"), icon=":material/speaker_notes:"):
    st.text(slide.notes)
