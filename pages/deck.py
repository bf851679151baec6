"""Bahan Paparan DPRD / DPRD hearing pack: the planner sets title, date, agency, region, years
and sections; the page builds a 16:9 PPTX and its PDF from the dashboard's own figures, and the
one-page A4 brief (ringkasan eksekutif) of the same figures."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from impact import deck
from pages import _data, _render
from pages import _deck_ui as _deck

lang = _render.lang()
path, version = _data.db()
st.title(_render.t("deck.page.title"))
st.caption(_render.t("deck.page.intro"))

regions = _data.names(path, version, "region", lang)
title = st.text_input(
    _render.t("deck.form.title"),
    value=_render.t("deck.default_title"),
    key="deck_title",
    max_chars=deck.MAX_PARAM_CHARS,
)
c1, c2 = st.columns(2)
date = c1.date_input(
    _render.t("deck.form.date"), value=dt.date.today(), format="DD/MM/YYYY", key="deck_date"
)
agency = c2.text_input(
    _render.t("deck.form.agency"),
    placeholder=_render.t("deck.form.agency_hint"),
    key="deck_agency",
    max_chars=deck.MAX_PARAM_CHARS,
)
c1, c2, c3 = st.columns(3)
codes = list(regions)
# Region and years open as a link asks (?wilayah=&dari=&ke=, e.g. from the upload page's save
# message), when the data offers them; otherwise the defaults.
region = c1.selectbox(
    _render.t("deck.form.region"),
    codes,
    format_func=regions.get,
    key="deck_region",
    index=_deck.url_index("region", codes, default=deck.DEFAULT_REGION),
)
years = _deck.years(path, version, region)
if len(years) < 2:
    st.info(_render.t("deck.years.none", region=regions[region]))
    st.stop()
start = c2.selectbox(
    _render.t("deck.form.start"),
    years[:-1],
    key="deck_start",
    index=_deck.url_index("start_year", years[:-1]),
)
later = [y for y in years if y > start]
end = c3.selectbox(
    _render.t("deck.form.end"),
    later,
    key="deck_end",
    index=_deck.url_index("end_year", later, default=later[-1]),
)
sections = st.multiselect(
    _render.t("deck.form.sections"),
    list(deck.SECTIONS),
    default=list(deck.SECTIONS),
    format_func=lambda s: _deck.section_label(s, lang),
    key="deck_sections",
)
# Off by default: the pack holds only figures a planner can defend in public.
illustrative = st.toggle(
    _render.t("deck.form.illustrative"),
    value=st.query_params.get(deck.PARAMS["illustrative"]) == "1",
    key="deck_illustrative",
    help=_render.t("deck.form.illustrative_help"),
)

options = deck.DeckOptions(
    title=title.strip() or _render.t("deck.default_title"),
    date=date,
    agency=agency.strip(),
    region=region,
    start_year=start,
    end_year=end,
    sections=tuple(sections),
    lang=lang,
    illustrative=illustrative,
)
with st.spinner(_render.t("deck.building")):
    slides = _deck.slides(path, version, options)
omitted = _deck.omitted(path, version, options)
st.info(_render.plain(deck.readiness_text(omitted, options)), icon=":material/fact_check:")
left_out = deck.omitted_text(omitted, options, regions[region])
if left_out:  # a section without data is named, never dropped silently
    st.warning(_render.plain(left_out))
st.page_link("pages/readiness.py", label=_render.t("readiness.title"), icon=":material/checklist:")
with st.expander(_render.t("deck.preview", count=len(slides)), expanded=True):
    st.markdown("\n".join(f"{i}. {_render.plain(s.title)}" for i, s in enumerate(slides, start=1)))

# The pack is ready when the page opens: the PPTX is written on the click of its download
# (the slides above are already built), so no "build" click stands between a planner and it;
# the PDF is converted by LibreOffice only when she asks for it (seconds of the server's CPU);
# the one-page brief is drawn on the click of its download, from the same figures.
st.success(_render.t("deck.built", count=len(slides)))
left, right, third = st.columns(3)
left.download_button(
    _render.t("deck.download.pptx"),
    lambda: _deck.pptx(path, version, options),  # cached: the PDF is made from it
    deck.file_name(options, "pptx"),
    _deck.PPTX_MIME,
    key="deck_pptx",
    on_click="ignore",
    type="primary",
    icon=":material/download:",
)
with right:
    _deck.pdf_download(path, version, options)  # LibreOffice runs only when she asks

third.download_button(  # the one-page brief: pure Python, with or without LibreOffice
    _render.t("brief.download"),
    lambda: _deck.brief(path, version, options),  # drawn on the click (about a second)
    deck.brief_file_name(options),
    "application/pdf",
    key="deck_brief",
    on_click="ignore",
    icon=":material/description:",
    help=_render.t("brief.help"),
)
st.page_link(
    "pages/present.py",
    label=_render.t("deck.present_link"),
    icon=":material/present_to_all:",
    query_params=deck.options_to_params(options) | {"slide": "1", "lang": lang},
)
