"""Events in the annotation window: palette, panel, list, overlay, their undo steps."""
