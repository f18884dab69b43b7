"""Relations and document labels in the annotator's window (issue 14, point 2).

- A relation is made from the selected span to another one: Ctrl+click the other span or its
  tag (a plain click would select it instead), and a small menu of the schema's relation types opens there.
  The types whose ends may have these two spans' labels come first; the others follow, marked,
  and still make a relation, which gets a warning (``relation_warning``). Each type has a number
  key in the menu (1, 2, ...), or is clicked.
- Relations are drawn as labelled arcs above the lines (the view's ``set_arcs``, owner
  ``relations``): all of them with View > Show all arcs, else those of the selected span and the
  relation chosen in the relations panel (``relation_panel``), where Delete deletes the chosen
  relation and the type box changes its type.
- The document panel (``document_label_panel``) sets the document's labels.

Every edit is a command of ``app/relation_changes.py`` pushed on the window's undo stack, so Ctrl+Z
undoes it; the panels and arcs are read again from the project after every change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QMouseEvent, QPainter
from PySide6.QtWidgets import QMenu

from workbench.app.changes import Change, Command
from workbench.app.relation_changes import (
    AddRelation,
    DeleteRelation,
    RetypeRelation,
    SetDocumentLabel,
    retyped,
)
from workbench.core.model import AnnotationSet, DocumentLabelValue, Relation, Span
from workbench.core.relation_checks import relation_warning
from workbench.core.schema.relations import RelationType
from workbench.ui.annotate.arc_painting import ArcSpec
from workbench.ui.annotate.document_label_panel import DocumentLabelPanel
from workbench.ui.annotate.relation_panel import RelationPanel, RelationRow
from workbench.ui.annotate.view_geometry import SpanGeometry
from workbench.ui.annotate.window_events import scrollable
from workbench.ui.commands import CommandStep, Describe
from workbench.ui.i18n import display_name
from workbench.ui.label_style import label_display_name

if TYPE_CHECKING:
    from workbench.ui.annotate.main_window import MainWindow

ARC_OWNER = "relations"
ARC_COLOUR, CHOSEN_ARC_COLOUR, WARNING_ARC_COLOUR = "#455a64", "#1565c0", "#c62828"
Dock = Qt.DockWidgetArea
Mouse = QEvent.Type


class RelationStep(CommandStep[Command]):
    """A relation added, deleted or retyped, or a document label set."""


Push = Callable[[type[RelationStep], Command, Describe], RelationStep | None]
"""The window's ``_push``: apply a command, put it on the undo stack (None: refused)."""


@dataclass(frozen=True)
class TypeChoice:
    """A relation type offered for two spans; ``allowed`` False: their labels break it."""

    relation_type: RelationType
    allowed: bool


def type_choices(types: tuple[RelationType, ...], from_label: str, to_label: str) -> list[TypeChoice]:
    """The types the schema allows for these labels first, then the others (in schema order)."""
    choices = [TypeChoice(kind, kind.allows(from_label, to_label)) for kind in types]
    return sorted(choices, key=lambda choice: not choice.allowed)


class RelationController(QObject):
    """See the module docstring; ``install_relations`` makes it and docks its panels."""

    def __init__(self, window: MainWindow, push: Push) -> None:
        super().__init__(window)
        self._window = window
        self._push_step = push
        self._view = window.text_view
        self._schema = window.schema
        self._annotations = AnnotationSet(window.annotator)
        self._spans: dict[str, Span] = {}
        self._chosen: str | None = None
        self._warnings: dict[str, str] = {}
        """Each relation's warning (``warning``), as last shown."""
        self._swallow_release = False
        self.type_menu: QMenu | None = None
        self.panel = RelationPanel(self._schema)
        self.document_panel = DocumentLabelPanel(self._schema, window)
        self._arcs_selected: str | None = None
        """The selected span the arcs were drawn for (``_follow_selection``)."""
        self._view.viewport().installEventFilter(self)
        self._view.add_overlay(self._follow_selection)
        self.panel.installEventFilter(self)  # its LanguageChange: retranslate

    def connect_window(self) -> None:
        window = self._window
        window.annotationsRead.connect(self.show_set)
        window.changeApplied.connect(self._on_change)
        for selection_signal in (
            self._view.spanClicked, self._view.selectionSnapped, self._view.cursorPositionChanged,
            window.span_list.spanChosen,
        ):
            selection_signal.connect(lambda *_arguments: self._show_arcs())
        window.menu_actions.all_arcs.toggled.connect(lambda _shown: self._show_arcs())
        self.panel.relationChosen.connect(self.choose)
        self.panel.deleteRequested.connect(self.delete)
        self.panel.retypeRequested.connect(self.retype)
        self.document_panel.valueRequested.connect(self.set_document_label)

    # -- the shown document ------------------------------------------------------------------------

    @property
    def relations(self) -> tuple[Relation, ...]:
        return self._annotations.relations

    def reload(self) -> None:
        """Read the shown document's relations and labels again, and show them."""
        document_id = self._window.current_document_id
        stored = None
        if document_id is not None:
            stored = self._window.project.annotation_set(document_id, self._window.annotator)
        self.show_set(stored)

    def show_set(self, stored: AnnotationSet | None) -> None:
        """Show the relations and labels of the shown document's set as read (None: none)."""
        self._annotations = stored or AnnotationSet(self._window.annotator)
        self._spans = {span.id: span for span in self._annotations.spans}
        if self._chosen not in {relation.id for relation in self.relations}:
            self._chosen = None
        self._show()

    def _show(self) -> None:
        """The relations and labels as last read, in the panels and on the arcs."""
        document_id = self._window.current_document_id
        self._warnings = {relation.id: self.warning(relation) for relation in self.relations}
        self.panel.show_relations([self._row(relation) for relation in self.relations], self._chosen)
        self.document_panel.show_labels(self._annotations.document_labels if document_id else None)
        self._show_arcs()

    def _on_change(self, change: Change) -> None:
        """Read again after a change to the relations or labels, or to a relation's end (its
        label or place); a span deleted with its relations reports them (``relations``)."""
        ends = {span_id for relation in self.relations for span_id in (relation.from_span_id, relation.to_span_id)}
        if change.document_id == self._window.current_document_id and (
            change.relations or change.document_labels or any(span.id in ends for span in change.updated)
        ):
            self.reload()

    def warning(self, relation: Relation) -> str:
        """The relation's warning in the interface language; empty when its ends suit it."""
        if relation_warning(relation, self._spans, self._schema) is None:
            return ""
        kind = self._schema.relation_type(relation.type)
        return (
            self.tr("%1 does not link %2 to %3; it links %4 to %5")
            .replace("%1", display_name(kind))
            .replace("%2", self._label(relation.from_span_id))
            .replace("%3", self._label(relation.to_span_id))
            .replace("%4", "/".join(kind.from_labels))
            .replace("%5", "/".join(kind.to_labels))
        )

    def _label(self, span_id: str) -> str:
        return label_display_name(self._schema, self._spans[span_id].label)

    def _row(self, relation: Relation) -> RelationRow:
        kind = self._schema.relation_type(relation.type)
        ends = self._spans[relation.from_span_id].text, self._spans[relation.to_span_id].text
        return RelationRow(relation.id, kind.id, display_name(kind), *ends, self._warnings[relation.id])

    # -- arcs ----------------------------------------------------------------------------------------

    def _show_arcs(self) -> None:
        self._arcs_selected = self._view.selected_span_id
        self._view.set_arcs(ARC_OWNER, self.arc_specs())

    def _follow_selection(self, _painter: QPainter, _geometry: SpanGeometry) -> None:
        """The view selects spans in more ways than it signals (a click off every span, the
        events panel): a paint after the selected span changed draws its arcs, soon after."""
        if self._view.selected_span_id != self._arcs_selected:
            self._arcs_selected = self._view.selected_span_id
            QTimer.singleShot(0, self._show_arcs)

    def arc_specs(self) -> list[ArcSpec]:
        """Every relation with View > Show all arcs; else the selected span's and the chosen one."""
        selected = self._view.selected_span_id
        all_shown = self._window.menu_actions.all_arcs.isChecked()
        return [
            self._arc(relation)
            for relation in self.relations
            if all_shown or relation.id == self._chosen or selected in (relation.from_span_id, relation.to_span_id)
        ]

    def _arc(self, relation: Relation) -> ArcSpec:
        source, target = self._spans[relation.from_span_id], self._spans[relation.to_span_id]
        warning = self._warnings[relation.id]
        colour = CHOSEN_ARC_COLOUR if relation.id == self._chosen else ARC_COLOUR
        label = display_name(self._schema.relation_type(relation.type))
        return ArcSpec(
            relation.id,
            f"⚠ {label}" if warning else label,
            (source.start, source.end),
            (target.start, target.end),
            WARNING_ARC_COLOUR if warning and relation.id != self._chosen else colour,
        )

    def choose(self, relation_id: str) -> None:
        """The relation chosen in the panel ("" for none): its arc highlighted, its start shown."""
        self._chosen = relation_id or None
        relation = next((r for r in self.relations if r.id == relation_id), None)
        if relation is not None:
            self._view.scroll_to(self._spans[relation.from_span_id].start)
        self._show_arcs()

    def _leave_chosen(self) -> None:
        if self._chosen is not None:
            self._chosen = None
            self.panel.select(None)
            self._show_arcs()

    # -- making a relation -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+click on a span with another span selected: choose a relation type for the two."""
        if watched is self.panel:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            return False
        if not isinstance(event, QMouseEvent) or event.button() != Qt.MouseButton.LeftButton:
            return False
        if event.type() == Mouse.MouseButtonRelease and self._swallow_release:
            self._swallow_release = False
            return True
        if event.type() not in (Mouse.MouseButtonPress, Mouse.MouseButtonDblClick):
            return False
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._leave_chosen()  # a click in the text is about the text now
            return False
        if not self._schema.relation_types:  # a schema without relations: a click as any other
            return False
        source, target = self._view.selected_span_id, self._span_under(event.position())
        if source is None or target is None or target == source:
            return False
        self._swallow_release = True
        self.offer_types(source, target, self._view.viewport().mapToGlobal(event.position().toPoint()))
        return True

    def _span_under(self, point: QPointF) -> str | None:
        """The innermost span under a point of the text, or the span whose tag is there (a
        plain click on a tag selects its span, so a Ctrl+click there relates it)."""
        position = self._view.code_point_at(point)
        if position is None:
            return self._view.span_of_tag_at(point)
        spans = self._view.spans_at(position)
        return spans[0].id if spans else None

    def offer_types(self, source: str, target: str, at: QPoint) -> QMenu:
        """The menu of relation types from ``source`` to ``target``, opened at ``at``."""
        from_label, to_label = self._view_label(source), self._view_label(target)
        menu = QMenu(self._view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        choices = type_choices(self._schema.relation_types, from_label, to_label)
        for number, choice in enumerate(choices, start=1):
            if not choice.allowed and (number == 1 or choices[number - 2].allowed):
                menu.addSection(self.tr("Not for these labels"))
            name = display_name(choice.relation_type)
            key = f"&{number} " if number < 10 else ""
            text = f"{key}{name}" if choice.allowed else f"{key}{name}  ⚠"
            action = menu.addAction(text)
            action.setData(choice.relation_type.id)
        menu.triggered.connect(lambda action: self._add(source, target, action))
        self.type_menu = menu
        menu.popup(at)
        return menu

    def _view_label(self, span_id: str) -> str:
        span = self._view.span(span_id)
        assert span is not None, "the clicked spans are on the view"
        return span.label

    def _add(self, source: str, target: str, action: QAction) -> None:
        document_id = self._window.current_document_id
        if document_id is None:
            return
        command = AddRelation(document_id, self._window.annotator, str(action.data()), source, target)
        if self._push(command, lambda: self.tr("Add relation")) and command.relation is not None:
            self._chosen = command.relation.id
            self._show()
            self._window.dock_layout.bring_forward(self._window.docks["relations"])

    # -- editing relations and labels --------------------------------------------------------------

    def delete(self, relation_id: str) -> None:
        document_id = self._window.current_document_id
        if document_id is not None:
            command = DeleteRelation(document_id, self._window.annotator, relation_id)
            self._push(command, lambda: self.tr("Delete relation"))

    def retype(self, relation_id: str, type_id: str) -> None:
        document_id = self._window.current_document_id
        before = next((r for r in self.relations if r.id == relation_id), None)
        if document_id is not None and before is not None:
            after = retyped(before, type_id, self._schema)
            self._push(RetypeRelation(document_id, before, after), lambda: self.tr("Change relation type"))

    def set_document_label(self, field_id: str, value: DocumentLabelValue | None) -> None:
        document_id = self._window.current_document_id
        if document_id is not None:
            command = SetDocumentLabel(document_id, self._window.annotator, field_id, value)
            if not self._push(command, lambda: self.tr("Set document label")):
                self.reload()  # refused: the stored labels again

    def _push(self, command: Command, describe: Describe) -> bool:
        return self._push_step(RelationStep, command, describe) is not None

    # -- language --------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Dock titles, and the types' names in the panel and on the arcs."""
        self._window.docks["relations"].setWindowTitle(self.tr("Relations"))
        self._window.docks["document"].setWindowTitle(self.tr("Document"))
        self._show()


def install_relations(window: MainWindow, push: Push) -> RelationController:
    """The window's relation controller, its two panels docked, tabbed behind the spans (the
    relations, on the trailing side) and the label palette (the document's labels, leading)."""
    controller = RelationController(window, push)
    window.add_panel("relations", controller.panel, Dock.RightDockWidgetArea, behind="spans")
    window.add_panel("document", scrollable(controller.document_panel), Dock.LeftDockWidgetArea, behind="labels")
    controller.connect_window()
    controller.retranslate()
    return controller
