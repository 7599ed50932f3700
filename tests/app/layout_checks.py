"""Does every text in the window fit? Font metrics against geometry, for the widgets a user sees.

``layout_problems(window)`` walks the visible widget tree (labels, buttons, check boxes, group box
titles, tab and header sections, combo and spin box texts) and the pyqtgraph items it can reach
(text items such as the diagram's layer captions, legend entries, plot titles, axis labels) and
returns one sentence per problem: a text wider than its space, two texts on top of each other, a
number elided, a legend over the curves, an axis that rescaled its numbers behind an SI prefix.
"""

from __future__ import annotations

import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)

SLACK = 1
"""Pixels of rounding allowed between a measured text and its space."""


def _name(w: QWidget) -> str:
    text = getattr(w, "text", lambda: "")()
    text = text if isinstance(text, str) else ""
    return f"{type(w).__name__}({w.objectName() or ''}) {text[:40]!r}"


def _shown(w: QWidget) -> bool:
    """Visible and not scrolled out of sight (a scroll area's own region is all under its viewport)."""
    seen = w.viewport() if isinstance(w, QAbstractScrollArea) else w
    return w.isVisible() and w.width() > 0 and w.height() > 0 and not seen.visibleRegion().isEmpty()


def _document(label: QLabel) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    fmt = label.textFormat()
    text = label.text()
    if fmt == Qt.TextFormat.MarkdownText:
        doc.setMarkdown(text)
    elif fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)):
        doc.setHtml(text)
    else:
        doc.setPlainText(text)
    return doc


def _label_space(label: QLabel) -> QRect:
    rect = label.contentsRect()
    m = label.margin()
    return rect.adjusted(m, m, -m, -m)


def label_problem(label: QLabel) -> str | None:
    """Why ``label``'s text does not fit in it, or ``None``."""
    if not label.text() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    if label.property("elides"):
        return None  # ends in "…" by design, the whole text in its tooltip
    space = _label_space(label)
    doc = _document(label)
    if label.wordWrap():
        doc.setTextWidth(space.width())
        if doc.idealWidth() > space.width() + SLACK:
            return f"{_name(label)}: a word is {doc.idealWidth():.0f} px wide in {space.width()} px"
        if label.textFormat() == Qt.TextFormat.MarkdownText:
            return None  # a description box grows with the window; its height is its scroll area's job
        if doc.size().height() > space.height() + 2 * SLACK + 2:
            return f"{_name(label)}: wrapped text {doc.size().height():.0f} px tall in {space.height()} px"
        return None
    if doc.idealWidth() > space.width() + SLACK:
        return f"{_name(label)}: text {doc.idealWidth():.0f} px wide in {space.width()} px"
    return None


def text_rect(label: QLabel, window: QWidget) -> QRect:
    """Where the label's text is drawn, in window coordinates (its alignment within its space)."""
    space = _label_space(label)
    doc = _document(label)
    if label.wordWrap():
        doc.setTextWidth(space.width())
    size = QSize(int(np.ceil(doc.idealWidth())), int(np.ceil(doc.size().height())))
    size = size.boundedTo(QSize(size.width(), space.height()))
    rect = QStyle.alignedRect(label.layoutDirection(), label.alignment(), size, space)
    return QRect(label.mapTo(window, rect.topLeft()), rect.size())


def button_problem(button: QAbstractButton) -> str | None:
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text:
        return None
    fm = button.fontMetrics()
    need = fm.horizontalAdvance(text)
    style = button.style()
    if isinstance(button, (QCheckBox, QRadioButton)):
        need += style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + \
            style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing)
    else:
        if not button.icon().isNull():
            need += button.iconSize().width() + 4
        need += 8  # the frame's padding, at least
    if need > button.width() + SLACK:
        return f"{_name(button)}: text needs {need} px, has {button.width()} px"
    return None


def group_problem(box: QGroupBox) -> str | None:
    title = box.title().replace("&", "")
    if not title:
        return None
    need = box.fontMetrics().horizontalAdvance(title) + 8
    if box.isCheckable():
        need += box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    if need > box.width() + SLACK:
        return f"{_name(box)} title {title!r}: needs {need} px, has {box.width()} px"
    return None


def tab_problems(bar: QTabBar) -> list[str]:
    out = []
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        need = bar.fontMetrics().horizontalAdvance(bar.tabText(i).replace("&", ""))
        if need + 8 > bar.tabRect(i).width() + SLACK:
            out.append(f"tab {bar.tabText(i)!r}: elided ({bar.tabRect(i).width()} px for {need} px of text)")
    return out


def header_problems(header: QHeaderView) -> list[str]:
    out = []
    model = header.model()
    if model is None:
        return out
    for i in range(header.count()):
        if header.isSectionHidden(i):
            continue
        text = str(model.headerData(i, header.orientation()) or "")
        need = header.sectionSizeFromContents(i).width()
        if header.orientation() == Qt.Orientation.Horizontal and need > header.sectionSize(i) + SLACK:
            out.append(f"header {text!r}: needs {need} px, has {header.sectionSize(i)} px")
    return out


def combo_problem(combo: QComboBox) -> str | None:
    text = combo.currentText()
    if not text:
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    need = combo.fontMetrics().horizontalAdvance(text)
    if not combo.itemIcon(combo.currentIndex()).isNull():
        need += combo.iconSize().width() + 4
    if need > field.width() + SLACK:
        return f"{_name(combo)} shows {text!r} elided: needs {need} px, has {field.width()} px"
    return None


def edit_problem(edit: QLineEdit, owner: QWidget) -> str | None:
    text = edit.text()
    if not text:
        return None
    need = edit.fontMetrics().horizontalAdvance(text) + 4
    if need > edit.width() + SLACK:
        return f"{_name(owner)} shows {text!r} cut: needs {need} px, has {edit.width()} px"
    return None


# ---------------------------------------------------------------------------------------- pyqtgraph
def _text_items(view: pg.GraphicsView) -> list[tuple[str, QRectF]]:
    """Visible text items of a pyqtgraph scene with their rectangles in view pixels."""
    out = []
    for item in view.scene().items():
        if not item.isVisible() or not hasattr(item, "textItem"):
            continue
        if isinstance(item, pg.TextItem):
            text = item.textItem.toPlainText()
            if not text.strip():
                continue
            margin = item.textItem.document().documentMargin()  # blank space around the glyphs
            glyphs = item.textItem.boundingRect().adjusted(margin, margin, -margin, -margin)
            rect = view.mapFromScene(item.mapToScene(item.textItem.mapRectToParent(glyphs))).boundingRect()
            out.append((text, QRectF(rect)))
    return out


def graphics_problems(view: pg.GraphicsView, where: str) -> list[str]:
    out = []
    texts = _text_items(view)
    inside = QRectF(view.viewport().rect()).adjusted(-SLACK, -SLACK, SLACK, SLACK)
    for i, (text, rect) in enumerate(texts):
        if not inside.contains(rect):
            out.append(f"{where}: {text!r} is cut by the edge of the view")
        for other, orect in texts[i + 1:]:
            overlap = rect.intersected(orect)
            if overlap.width() > 2 * SLACK and overlap.height() > 2 * SLACK:
                out.append(f"{where}: {text!r} overlaps {other!r}")
    for item in view.scene().items():
        if not item.isVisible():
            continue
        if isinstance(item, (pg.PlotItem, pg.LabelItem)) and item.isVisible():
            box = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
            if not inside.contains(QRectF(box)) and (not isinstance(item, pg.LabelItem) or item.text):
                title = re.sub("<[^>]+>", "", item.text if isinstance(item, pg.LabelItem)
                               else item.titleLabel.text or "a plot")
                out.append(f"{where}: {title!r} is cut by the edge of the view")
        if isinstance(item, pg.LabelItem) and item.text:
            have = item.boundingRect().width()
            need = item.item.boundingRect().width()
            if need > have + 2 * SLACK:
                plain = re.sub("<[^>]+>", "", item.text)
                out.append(f"{where}: label {plain!r} cut ({need:.0f} px of text in {have:.0f} px)")
        if isinstance(item, pg.AxisItem) and item.autoSIPrefix and item.autoSIPrefixScale != 1.0:
            out.append(f"{where}: the {item.orientation} axis rescaled its numbers "
                       f"({item.labelString()!r})")
        if isinstance(item, pg.LegendItem):
            out.extend(_legend_over_curves(item, view, where))
    return out


def _legend_over_curves(legend: pg.LegendItem, view: pg.GraphicsView, where: str) -> list[str]:
    box = legend.sceneBoundingRect()
    plot = legend.parentItem()
    vb = getattr(plot, "vb", None) if plot is not None else None
    if vb is None:
        vb = next((i for i in view.scene().items() if isinstance(i, pg.ViewBox)), None)
    if vb is None or box.isEmpty():
        return []
    for curve in vb.addedItems:
        if not isinstance(curve, (pg.PlotDataItem, pg.PlotCurveItem)) or not curve.isVisible():
            continue
        x, y = curve.getData()
        if x is None or not len(x):
            continue
        keep = np.isfinite(x) & np.isfinite(y)
        for px, py in zip(x[keep][:: max(1, keep.sum() // 400)], y[keep][:: max(1, keep.sum() // 400)]):
            if box.contains(vb.mapViewToScene(pg.Point(float(px), float(py)))):
                return [f"{where}: the legend covers a curve"]
    return []


# ---------------------------------------------------------------------------------------- the walk
def layout_problems(window: QWidget) -> list[str]:
    """Every text that does not fit, every two texts on top of each other, in ``window`` as shown."""
    out: list[str] = []
    rects: list[tuple[QLabel, QRect]] = []
    for w in window.findChildren(QWidget):
        if not _shown(w):
            continue
        problem = None
        if isinstance(w, QLabel):
            problem = label_problem(w)
            if w.text() and problem is None:
                rect = text_rect(w, window)
                if w.property("elides"):
                    rect = rect.intersected(QRect(w.mapTo(window, w.rect().topLeft()), w.size()))
                rects.append((w, rect))
        elif isinstance(w, QAbstractButton) and w.parentWidget() is not None and \
                not isinstance(w.parentWidget(), (QTabBar, QAbstractSpinBox, QComboBox)):
            problem = button_problem(w)
        elif isinstance(w, QGroupBox):
            problem = group_problem(w)
        elif isinstance(w, QComboBox) and not w.isEditable():
            problem = combo_problem(w)
        elif isinstance(w, QAbstractSpinBox):
            edit = w.findChild(QLineEdit)
            problem = edit_problem(edit, w) if edit is not None else None
        elif isinstance(w, QToolBar):
            more = w.findChild(QToolButton, "qt_toolbar_ext_button")
            if more is not None and more.isVisible():
                problem = f"toolbar {w.objectName()!r} overflows: some of its controls are hidden behind »"
        elif isinstance(w, QTabBar):
            out.extend(tab_problems(w))
        elif isinstance(w, QHeaderView):
            out.extend(header_problems(w))
        elif isinstance(w, pg.GraphicsView):
            out.extend(graphics_problems(w, w.objectName() or _owner(w)))
        if problem:
            out.append(problem)
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            overlap = ra.intersected(rb)
            if overlap.width() > 2 * SLACK and overlap.height() > 2 * SLACK:
                out.append(f"{_name(a)} overlaps {_name(b)}")
    return out


def _owner(w: QWidget) -> str:
    parent = w.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    return parent.objectName() if parent is not None else type(w).__name__


__all__ = ["layout_problems"]
