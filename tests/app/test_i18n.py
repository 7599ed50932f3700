"""The window in Simplified Chinese: menus, panel titles, lesson texts and runner messages."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox

from playground.app import i18n
from playground.app.document import ExperimentDocument
from playground.app.main_window import MainWindow
from playground.core.spec import Experiment
from playground.core.translate import Text


def test_the_app_speaks_simplified_chinese(qtbot, settings, chinese) -> None:
    assert chinese == "zh_CN"
    window = MainWindow(ExperimentDocument(Experiment()), settings=settings, remember_layout=False)
    window.confirm_close = False
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "训练(&T)", "课程(&L)", "帮助(&H)"]
    docks = {key: dock.windowTitle() for key, dock in window.docks.items()}
    assert docks["data"] == "数据" and docks["network"] == "网络" and docks["training"] == "训练"
    assert docks["loss"] == "损失" and docks["maths"] == "数学推导" and docks["autograd"] == "自动求导计算图"
    assert docks["lesson"] == "课程"
    groups = {box.title() for box in window.findChildren(QGroupBox)}
    assert {"损失函数与优化器", "正则化", "PyTorch 代码", "输入"} <= groups
    assert window.actions_.train.text() == "训练" and window.scoreboard.captions[1].text() == "测试损失"
    lessons = [a.text() for a in window.learning.lessons_menu.actions() if a.text()]
    assert lessons[3] == "&4. 异或（XOR）需要隐藏层"
    assert "取材自经典 PyTorch 练习" in window.learning.lessons.text.toPlainText()
    activation = window.panels["network"].findChild(QGroupBox).findChildren(type(window.panels["network"].init))
    assert any(box.currentText() == "Tanh" for box in activation)
    assert window.panels["network"].init.currentText() == "PyTorch 默认"
    examples = [a.text() for a in window.menus.examples_menu.actions()]
    assert "异或（XOR）" in examples and "螺旋" in examples  # bundled examples by their translated names
    assert i18n.localized(Text("runner", "finished %n epoch(s)", None, 3)) == "已完成 3 轮训练"
    assert i18n.localized(Text("runner", "reached the epoch limit ({0}); raise Epochs to train on").format(5)) \
        == "已达到轮数上限（5）；调高轮数即可继续训练"
    window.close()


def test_layer_and_parameter_names_and_weight_edits_in_chinese(chinese) -> None:
    """The views share one translation of the core's English names; weight edits have their own context."""
    from playground.app.names import layer_name, parameter_label
    from playground.app.weight_edit import SetWeightCommand

    assert parameter_label("hidden 2 · weight") == "隐藏层 2 · 权重"
    assert parameter_label("output · bias") == "输出层 · 偏置"
    assert layer_name("hidden 1") == "隐藏层 1"
    assert parameter_label("something else") == "something else"  # unknown names pass through
    assert SetWeightCommand(None, "0.weight", (1, 2), 0.5, 0.25).text() == "将 0.weight[1, 2] 设为 0.25"
