"""Keep the tool tips that the diagram and the inspector show as the mouse moves.

Those views draw on a ``QGraphicsView`` and show their tips themselves (``QToolTip.showText`` on
mouse move). About 0.7 s after the mouse stops, Qt sends the view a ``ToolTip`` event; the scene's
``helpEvent`` finds no item with a tool tip of its own and calls ``QToolTip.showText`` with an empty
text, which hides the tip: it vanished about a second after the mouse came to rest. The filter
below takes that event from the views' viewports, so a tip stays until the mouse moves off.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGraphicsView, QWidget


class _KeepTips(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.ToolTip  # the view shows its own tips as the mouse moves


def keep_tooltips(*widgets: QWidget) -> None:
    """Stop Qt's resting-mouse ``ToolTip`` event from hiding the tips of every graphics view in ``widgets``."""
    for widget in widgets:
        views = [widget] if isinstance(widget, QGraphicsView) else []
        views += widget.findChildren(QGraphicsView)
        for view in views:
            viewport = view.viewport()
            if not viewport.property("keepsTooltips"):
                viewport.setProperty("keepsTooltips", True)
                viewport.installEventFilter(_KeepTips(viewport))
