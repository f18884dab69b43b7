"""Inter-annotator agreement measures: pure functions, no Qt, no SQLite.

The definitions are those of ``../shared/agreement/MEASURES.md``; ``README.md`` beside this file
lists the decisions taken where that text leaves a choice. Modules, one concept each:

- :mod:`.documents`: the input (:class:`DocumentAnnotations`) and the layers read from a set;
- :mod:`.matching`: one-to-one maximum-cardinality matching and alignment;
- :mod:`.span_f1`: pairwise span precision/recall/F1, exact and overlap, labeled and unlabeled;
- :mod:`.token_units` and :mod:`.coding`: token values, Cohen's and Fleiss' kappa,
  Krippendorff's alpha (nominal, missing values allowed);
- :mod:`.alpha_u`: Krippendorff's alpha_U on characters (DKPro / INCEpTION semantics);
  :mod:`.alpha_u_studies` works out each document's in a second process as the report goes on;
- :mod:`.events`: trigger and argument F1 (TextEE/ACE), role agreement on aligned events;
- :mod:`.relations`: relation F1, exact and overlapping ends, symmetric types either way;
- :mod:`.document_labels`: per field Cohen's kappa, Krippendorff's alpha, observed agreement;
- :mod:`.disagreement`: a per-document disagreement score;
- :mod:`.report`: :func:`agreement_report`, the JSON-serialisable result of all of them.
  Its sections are made in :mod:`.report_sections` (span F1, alpha_U, events, per document)
  and :mod:`.report_tokens` (the token measures).
"""

from .alpha_u import AlphaU, Continuum, alpha_u, inception_units
from .coding import cohen_kappa, fleiss_kappa, krippendorff_alpha, labelled_units
from .disagreement import DocumentDisagreement, document_disagreement
from .document_labels import MULTIPLE_CHOICE, SINGLE_CHOICE, field_agreement
from .documents import DocumentAnnotations, EventMention, entity_spans, event_mentions
from .events import EVENT_MEASURES, EventCounts, align_events, event_tuples
from .matching import align_spans, best_alignment, interval_matching_size, max_matching_size
from .relations import RELATION_MODES, RelationCounts, RelationMention, relation_mentions
from .report import agreement_report, undefined_reason
from .span_f1 import LABEL_MODES, SPAN_MODES, Counts, SpanCounts, span_counts
from .token_units import (
    MISSING,
    OUTSIDE,
    Codebook,
    TokenValues,
    document_token_values,
    token_values,
)
from .values import Score, Undefined, pair_key

__all__ = [
    "EVENT_MEASURES",
    "LABEL_MODES",
    "MISSING",
    "MULTIPLE_CHOICE",
    "OUTSIDE",
    "RELATION_MODES",
    "SINGLE_CHOICE",
    "SPAN_MODES",
    "AlphaU",
    "Codebook",
    "Continuum",
    "Counts",
    "DocumentAnnotations",
    "DocumentDisagreement",
    "EventCounts",
    "EventMention",
    "RelationCounts",
    "RelationMention",
    "Score",
    "SpanCounts",
    "TokenValues",
    "Undefined",
    "agreement_report",
    "align_events",
    "align_spans",
    "alpha_u",
    "best_alignment",
    "cohen_kappa",
    "document_disagreement",
    "document_token_values",
    "entity_spans",
    "event_mentions",
    "event_tuples",
    "field_agreement",
    "fleiss_kappa",
    "inception_units",
    "interval_matching_size",
    "krippendorff_alpha",
    "labelled_units",
    "max_matching_size",
    "pair_key",
    "relation_mentions",
    "span_counts",
    "token_values",
    "undefined_reason",
]
