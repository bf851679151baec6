"""Domain package of Dasbor Dampak Batik Blitar: store, growth engine, texts and charts.

Pure Python: never imports Streamlit, so every figure can be computed and tested without
the UI.
"""
