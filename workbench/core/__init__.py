"""Pure Python core: text and offsets, Arabic tokens and normalization, schema, annotation model.

Nothing here imports Qt or SQLite.
"""
