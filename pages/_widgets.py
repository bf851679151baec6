"""Widgets whose value lives in the URL (?key=value), so a shared link reproduces the view."""

from __future__ import annotations

import streamlit as st


def url_choice(
    key: str,
    label: str,
    options: list,
    labels: dict | None = None,
    default=None,
    help: str | None = None,
):
    """A select box whose value lives in the URL (?key=value), so a link reproduces the view.

    Only plain values from ``options`` are accepted from the URL; anything else falls back to
    ``default`` (or the first option).
    """
    options = list(options)
    if not options:
        return None
    names = {str(o): o for o in options}
    fallback = default if default in options else options[0]
    chosen = names.get(st.query_params.get(key, ""), fallback)
    shown = labels or {}
    value = st.selectbox(
        label,
        options,
        index=options.index(chosen),
        key=f"url_{key}",
        format_func=lambda o: str(shown.get(o, o)),
        help=help,
    )
    st.query_params[key] = str(value)
    return value
