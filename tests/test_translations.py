"""The translations: complete, faithful to their placeholders, and the same for the window and the CLI."""

from __future__ import annotations

import pickle
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from playground.cli import main
from playground.core import translate as tr
from playground.core.translate import Text, localized, system_language, take_language, translations_dir

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = sorted(translations_dir().glob("*.ts"))
PLACEHOLDER = re.compile(r"\{\w*\}|%n|<[^>]+>")


def messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def test_every_catalogue_is_finished_and_compiled():
    assert {p.stem for p in CATALOGUES} == {"playground_en", "playground_zh_CN"}
    for path in CATALOGUES:
        unfinished = []
        for context, message in messages(path):
            translation = message.find("translation")
            forms = [f.text for f in translation.iter("numerusform")] if translation is not None else []
            text = forms if message.get("numerus") == "yes" else [translation.text if translation is not None else ""]
            if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") \
                    or not all(t and t.strip() for t in text):
                unfinished.append((context, message.findtext("source")))
        assert unfinished == [], f"{path.name}: {unfinished[:5]}"
        assert path.with_suffix(".qm").is_file(), f"{path.name} is not compiled: run make translations"


def test_chinese_keeps_every_placeholder_tag_and_accelerator():
    path = translations_dir() / "playground_zh_CN.ts"
    count = 0
    for context, message in messages(path):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        for text in [f.text for f in translation.iter("numerusform")] or [translation.text]:
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (context, source, text)
            if re.search(r"&\w", source.replace("&nbsp;", "")):  # a menu accelerator: 文件(&F)
                assert re.search(r"&\w", text.replace("&nbsp;", "")), (source, text)
            count += 1
    assert count > 600


def test_plural_forms_in_both_languages():
    assert Text("runner", "finished %n epoch(s)", None, 1) == "finished 1 epoch"
    assert Text("runner", "finished %n epoch(s)", None, 100) == "finished 100 epochs"
    assert Text("runner", "finished %n epoch(s)", None, 1).localized("zh_CN") == "已完成 1 轮训练"
    assert tr.translate("cli", "%n epoch(s)", None, 2, "zh_CN") == "2 轮"


def test_runner_messages_travel_with_their_template():
    message = Text("runner", "the loss became {0} at step {1}; try a smaller learning rate").format("nan", 7)
    assert message == "the loss became nan at step 7; try a smaller learning rate"
    again = pickle.loads(pickle.dumps(message))
    assert isinstance(again, Text) and again.args == ("nan", 7)
    assert localized(again, "zh_CN") == "损失在第 7 步变成了 nan；请尝试更小的学习率"
    assert localized("a plain message", "zh_CN") == "a plain message"


def test_the_language_comes_from_lang_or_the_locale():
    assert system_language({"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert system_language({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert system_language({"LANG": "zh_TW.UTF-8"}) == "en"  # traditional Chinese is not shipped
    assert system_language({}) == "en"
    assert take_language(["info", "--lang", "zh_CN", "x.json"]) == (["info", "x.json"], "zh_CN")
    assert take_language(["--lang=en", "info"]) == (["info"], "en")
    with pytest.raises(SystemExit, match="unknown language 'fr'"):
        take_language(["--lang", "fr"])


@pytest.fixture
def english_afterwards():
    yield
    tr.set_language("en")


def test_the_cli_speaks_chinese_with_lang_or_the_locale(tmp_path, capsys, monkeypatch, english_afterwards):
    out = tmp_path / "x.json"
    assert main(["--lang", "zh_CN", "new", "--dataset", "xor", "--hidden", "4", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"已写入 {out}"
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert main(["info", str(out)]) == 0
    shown = capsys.readouterr().out
    assert "数据：" in shown and "2 → 4 tanh → 2" in shown and "状态：    未训练" in shown
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    assert "从这些权重开始" in capsys.readouterr().out  # argparse help, translated
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "消息和程序界面的语言" in capsys.readouterr().out
    monkeypatch.setenv("LC_ALL", "C")
    assert main(["info", str(out)]) == 0
    assert "state:     untrained" in capsys.readouterr().out


def test_lesson_texts_are_all_in_the_catalogue():
    from playground.core.lessons import lessons

    catalogue = tr.catalogue("zh_CN")
    for path, lesson in lessons():
        for text in lesson.texts():
            assert ("lessons", text, "") in catalogue.messages, f"{path.name}: {text[:60]!r} is not translated"
