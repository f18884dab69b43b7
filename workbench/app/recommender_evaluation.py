"""``workbench recommend --evaluate``: how each recommender would do on this project, measured on
its own training documents (gold, else done sets), as many from the first as the recommenders
learn from (``EVALUATED_CHARACTERS``), with a fifth held out.

For each recommender, a learning curve: exact labeled span F1 on the held-out documents after
training on growing shares of the rest, and the actions an annotator would spend per gold span
with its suggestions beside those without (``core.recommenders.evaluation``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from workbench.app.recommending import TRAINING_CHARACTERS, command_recommender, project_contexts
from workbench.core.errors import WorkbenchError
from workbench.core.recommenders import TrainingDocument
from workbench.core.recommenders.crf import Contexts, CrfModel, train_crf
from workbench.core.recommenders.evaluation import (
    CurvePoint,
    Train,
    held_out,
    learning_curves,
    training_sizes,
)
from workbench.core.recommenders.gazetteer import Gazetteer
from workbench.core.recommenders.trained import LEARNING, READING_A_CRF, Recommend, trained
from workbench.store.project import Project
from workbench.store.recommending import training_document_count, training_documents

MIN_DOCUMENTS = 2
EVALUATED_CHARACTERS = TRAINING_CHARACTERS * 5 // 4
"""The text an evaluation reads, from the first training document: a fifth is held out, and the
rest is as much as the recommenders learn from in the program (``TRAINING_CHARACTERS``), so
that the curves end where the program's recommenders are. Read whole, a project of 2,000
documents of 3,000 characters was evaluated in 23 minutes with a peak of 1 GB (the CRF trained
on 1,600 of them, which the program never does)."""


def evaluate_project(
    project: Project, names: Sequence[str] = LEARNING, command: str | None = None, seed: int = 0
) -> dict[str, Any]:
    read = training_documents(project, EVALUATED_CHARACTERS)
    documents = [document for document in read if document.spans]
    if len(documents) < MIN_DOCUMENTS:
        raise WorkbenchError(
            f"{project.path}: {len(documents)} annotated documents; evaluating needs at least "
            f"{MIN_DOCUMENTS} (gold, or sets marked done)"
        )
    training, testing = held_out(documents, seed=seed)
    contexts = project_contexts(project)  # every text, the held-out ones too, as the CRF reads them
    trainer = _Trainer(contexts)
    trains: dict[str, Train] = {name: partial(trainer.train, name) for name in names if name in LEARNING}
    curves = learning_curves(trains, training, testing, training_sizes(len(training)))
    if command:
        recommend = command_recommender(project, command)
        curves |= learning_curves({"command": lambda _documents, _gazetteer: recommend}, training, testing, [0])
    return {
        "documents": len(documents),
        "documents_read": len(read),
        "characters_read": sum(len(document.text) for document in read),
        "annotated_documents": training_document_count(project),
        "held_out": len(testing),
        "gold_spans": sum(len(set(document.spans)) for document in testing),
        "recommenders": {name: [_point(p) for p in curve] for name, curve in curves.items()},
    }


class _Trainer:
    """Trains the recommenders the curves compare on a point's documents (``evaluation.Train``),
    the CRF once a point for the two that read one: trained for each, it was the same model."""

    def __init__(self, contexts: Contexts) -> None:
        self.contexts = contexts
        self._crf: tuple[Sequence[TrainingDocument], CrfModel] | None = None
        """The point's documents (the curves' list of them: one a point) and their CRF."""

    def train(self, name: str, documents: Sequence[TrainingDocument], gazetteer: Gazetteer) -> Recommend:
        model = self._model(documents) if name in READING_A_CRF else None
        return trained(name, documents, contexts=self.contexts, gazetteer=gazetteer, model=model)

    def _model(self, documents: Sequence[TrainingDocument]) -> CrfModel:
        if self._crf is None or self._crf[0] is not documents:
            self._crf = (documents, train_crf(documents, self.contexts))
        return self._crf[1]


def _point(point: CurvePoint) -> dict[str, Any]:
    scores, actions = point.scores, point.actions
    return {
        "training_documents": point.documents,
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
        "actions_per_gold_span": round(actions.assisted / max(actions.gold_spans, 1), 4),
        "actions_ratio": round(actions.ratio, 4),
        "actions_saved_per_gold_span": round(actions.saved_per_span, 4),
    }


def evaluation_text(report: dict[str, Any]) -> str:
    evaluated = f"{report['documents']} annotated documents"
    if report["documents_read"] < report["annotated_documents"]:
        evaluated = (
            f"the first {report['documents_read']:,} of {report['annotated_documents']:,} annotated "
            f"documents ({report['characters_read']:,} characters: as much as the recommenders learn "
            "from, and a fifth more)"
        )
        if report["documents"] < report["documents_read"]:
            evaluated += f", {report['documents']:,} of them with spans"
    heading = f"{evaluated}, {report['held_out']} held out ({report['gold_spans']} gold spans)"
    lines = [heading]
    for name, points in report["recommenders"].items():
        lines.append(f"{name}:")
        lines.append("  training docs  precision  recall     F1   saved/span")
        lines += [
            f"  {p['training_documents']:>13}  {p['precision']:>9.3f}  {p['recall']:>6.3f}  "
            f"{p['f1']:>5.3f}  {p['actions_saved_per_gold_span']:>11.3f}"
            for p in points
        ]
    return "\n".join(lines)



