"""What a screen or a slide shows of a figure: its headline (value, years, status, sources),
its chart (:mod:`.charts`, Altair, never Streamlit), its table (:mod:`.tables`) and the
downloads of both (:mod:`.export`)."""
