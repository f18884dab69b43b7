"""The annotator's main window: the document list beside the right-to-left text view."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QAbstractItemView, QMainWindow, QSplitter, QTableView

from workbench.store.project import Project
from workbench.ui.document_model import DocumentTableModel, load_rows
from workbench.ui.text_view import AnnotatedTextView, ViewSpan


class MainWindow(QMainWindow):
    def __init__(self, project: Project, annotator: str) -> None:
        super().__init__()
        self.project = project
        self.annotator = annotator
        self.setWindowTitle(f"Tawsim Workbench — {project.path.name} — {annotator}")
        self.documents = DocumentTableModel(load_rows(project, annotator))
        self.document_list = self._build_document_list()
        self.text_view = AnnotatedTextView()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.document_list)
        splitter.addWidget(self.text_view)
        splitter.setStretchFactor(1, 3)
        self.setCentralWidget(splitter)
        if self.documents.rowCount():
            self.document_list.selectRow(0)

    def _build_document_list(self) -> QTableView:
        view = QTableView()
        view.setModel(self.documents)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.selectionModel().selectionChanged.connect(self._on_document_selected)
        return view

    def _on_document_selected(self, selected: QItemSelection, _: QItemSelection) -> None:
        if selected.indexes():
            self.show_document(self.documents.row_at(selected.indexes()[0].row()).id)

    def show_document(self, document_id: str) -> None:
        document = self.project.document(document_id)
        annotations = self.project.annotation_set(document_id, self.annotator)
        spans = annotations.spans if annotations else ()
        self.text_view.set_document(
            document.text,
            [
                ViewSpan(s.id, s.start, s.end, self._colour(s.label), s.label)
                for s in spans
            ],
        )

    def _colour(self, label: str) -> str:
        schema = self.project.schema
        if schema.has_entity(label):
            return schema.entity(label).color
        return schema.event(label).color
