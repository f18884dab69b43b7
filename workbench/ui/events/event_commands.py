"""The event controller's kinds of undo step: each wraps one Qt-free command of
``workbench/app/changes.py`` (see ``commands.py`` for how a step is pushed, undone and redone).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workbench.app import changes
from workbench.ui.commands import CommandStep


class CreateEventCommand(CommandStep[changes.CreateEvent]):
    """An event and its trigger span: undo deletes the trigger span, which takes the event."""


class DeleteSpansCommand(CommandStep[changes.DeleteSpans]):
    """Spans, with the events they trigger and the roles they fill; undo puts all back."""


class ArgumentCommand(CommandStep[changes.EditRole]):
    """A role filled or emptied; undo does the other."""


class EditAttributesCommand(CommandStep[changes.EditEventAttributes]):
    """An event's attributes changed in the panel."""


def argument_text(role: str, *, adding: bool) -> str:
    """What Undo and Redo call filling or emptying the role, named ``role`` in the interface
    language."""
    if adding:
        text = QCoreApplication.translate("EventCommands", "Fill role {role}")
    else:
        text = QCoreApplication.translate("EventCommands", "Empty role {role}")
    return text.format(role=role)
