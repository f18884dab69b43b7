"""The annotator's window: the text view, labelling, search, the document and span lists,
the inspector and the palettes."""
