"""Text views scrolled together, by paragraph: the adjudication window's merged, gold and
annotators' views show the same place of a document."""

from __future__ import annotations

from collections.abc import Callable

from workbench.ui.annotate.text_view import AnnotatedTextView


class ScrolledTogether:
    """Each view ``follow`` is given scrolls the others that ``views`` returns (the views change
    as annotators' panes come and go)."""

    def __init__(self, views: Callable[[], list[AnnotatedTextView]]) -> None:
        self._views = views
        self._syncing = False

    def follow(self, view: AnnotatedTextView) -> None:
        """Scroll the others with ``view``."""
        view.verticalScrollBar().valueChanged.connect(lambda _: self.scrolled(view))

    def scrolled(self, source: AnnotatedTextView) -> None:
        """Scroll the other views to the paragraph (and its line) at the top of ``source``: the
        views wrap lines at their own widths, so the scroll bars' values differ."""
        if self._syncing:
            return
        block = source.firstVisibleBlock()
        line_in_block = source.verticalScrollBar().value() - block.firstLineNumber()
        self._syncing = True
        try:
            for view in self._views():
                if view is source:
                    continue
                target = view.document().findBlockByNumber(block.blockNumber())
                offset = min(line_in_block, max(target.lineCount() - 1, 0))
                view.verticalScrollBar().setValue(target.firstLineNumber() + offset)
        finally:
            self._syncing = False
