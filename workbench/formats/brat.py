"""brat standoff: per document a ``.txt`` holding its text and an ``.ann`` holding its annotations.

The format registered as ``brat`` for import and export: ``write`` is in ``brat_export``, ``read``
in ``brat_import``, which describe what each writes and reads; the schema's ``annotation.conf`` and
``visual.conf`` are made in ``brat_config``, notes in ``brat_notes``, annotators' files in
``brat_annotators``.
"""

from workbench.formats.brat_export import files_renderer, write
from workbench.formats.brat_import import read

PLAIN_SPANS = True
"""``write`` writes the T lines of plain spans from their columns (``formats``)."""

__all__ = ["PLAIN_SPANS", "files_renderer", "read", "write"]
