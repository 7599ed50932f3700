"""Guided lessons: an experiment plus the text that walks a learner through it.

A lesson file (``resources/lessons/NN_name.json``) is an ordinary experiment with its teaching text
around it: what to do, what to watch, one question (and its answer), the numbers the app really
produces, and "try this" changes that a button applies to the experiment. A change is a JSON merge
patch (RFC 7396: objects merge, everything else replaces) applied to the experiment and validated
like a file, so a lesson can only ask for experiments the app can open. Lesson texts are translated
in the ``lessons`` context of the app's catalogue.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from playground.core.errors import quote, quote_path
from playground.core.experiment_io import (
    ExperimentError,
    experiment_from_dict,
    format_validation_error,
    rebase_paths,
)
from playground.core.jsoncheck import parse_json
from playground.core.limits import MAX_FILE_BYTES, MAX_NAME, MAX_TEXT
from playground.core.resources import lessons_dir
from playground.core.spec import Experiment, InitValue, Key
from playground.core.textfile import read_text

LESSON_FORMAT = "torch-playground.lesson"
LESSON_VERSION = 1
MAX_LESSON_ITEMS = 100
"""Steps, "try this" buttons or true values in one lesson (the built-in ones have at most 4)."""
Text = Annotated[str, Field(max_length=MAX_TEXT)]



class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TryThis(_Strict):
    """A button: ``label`` says what it does, ``patch`` is the merge patch it applies to the experiment."""

    label: str = Field(min_length=1, max_length=MAX_NAME)
    explain: str = Field("", max_length=MAX_TEXT)
    patch: dict[str, Any]


class Lesson(_Strict):
    format: Literal["torch-playground.lesson"] = LESSON_FORMAT
    version: Literal[1] = LESSON_VERSION
    title: str = Field(min_length=1, max_length=MAX_NAME)
    goal: str = Field(min_length=1, max_length=MAX_TEXT, description="What the lesson shows, in one or two sentences")
    steps: list[Text] = Field(min_length=1, max_length=MAX_LESSON_ITEMS, description="What to do")
    watch: str = Field(min_length=1, max_length=MAX_TEXT, description="What to watch")
    question: str = Field(min_length=1, max_length=MAX_TEXT, description="One question to think about")
    answer: str = Field("", max_length=MAX_TEXT)
    results: str = Field("", max_length=MAX_TEXT,
                         description="The numbers the app produces (Markdown; a table is fine)")
    try_this: list[TryThis] = Field(default_factory=list, max_length=MAX_LESSON_ITEMS)
    true_values: dict[Key, InitValue] | None = Field(
        None, max_length=MAX_LESSON_ITEMS,
        description="Parameters the data was made with, shown next to the learned ones")
    experiment: Experiment

    @field_validator("experiment", mode="before")
    @classmethod
    def _experiment(cls, value: Any) -> Experiment:
        if isinstance(value, Experiment):
            return value
        return experiment_from_dict(value, "experiment")

    def texts(self) -> list[str]:
        """Every user-visible string, in reading order (what the translators get)."""
        out = [self.title, self.goal, *self.steps, self.watch, self.question]
        out += [t for t in (self.answer, self.results) if t]
        for change in self.try_this:
            out += [t for t in (change.label, change.explain) if t]
        return out


class LessonError(ValueError):
    """A lesson file that cannot be used; the message names the file and the field."""


def load_lesson(path: str | Path) -> Lesson:
    path = Path(path)
    shown = quote_path(path)
    text = read_text(path, LessonError, "a lesson file", max_bytes=MAX_FILE_BYTES)
    try:  # the experiment files' JSON gate: sizes and counts bounded before anything is built
        doc = parse_json(text, shown)
    except ExperimentError as exc:
        raise LessonError(str(exc)) from None
    if not isinstance(doc, dict) or doc.get("format") != LESSON_FORMAT:
        raise LessonError(f"{shown}: not a Torch Playground lesson (the 'format' field must be {quote(LESSON_FORMAT)})")
    try:
        lesson = Lesson.model_validate(doc)
    except ValidationError as exc:
        raise LessonError(f"{shown} is not a valid lesson:\n{format_validation_error(exc)}") from None
    except ExperimentError as exc:
        raise LessonError(f"{shown}: {exc}") from None
    for change in lesson.try_this:
        try:
            apply_patch(lesson.experiment, change.patch)
        except ExperimentError as exc:
            raise LessonError(f"{shown}: try_this {quote(change.label)} makes an invalid experiment: {exc}") from None
    return lesson


def lesson_files(folder: Path | None = None) -> list[Path]:
    folder = folder or lessons_dir()
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


@cache
def _cached(path: Path, mtime: float) -> Lesson:
    return load_lesson(path)


def lessons(folder: Path | None = None) -> list[tuple[Path, Lesson]]:
    """Every lesson in ``folder`` (default: the built-in ones), in file-name order."""
    return [(p, _cached(p, p.stat().st_mtime)) for p in lesson_files(folder)]


def lesson_experiment(lesson: Lesson, path: Path) -> Experiment:
    """The lesson's experiment ready to open: its CSV path made absolute (lessons keep data beside them)."""
    return rebase_paths(lesson.experiment, path.parent)


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396 JSON merge patch: objects merge key by key, ``null`` deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    out = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge_patch(out.get(key), value)
    return out


def apply_patch(experiment: Experiment, patch: dict[str, Any]) -> Experiment:
    """The experiment with ``patch`` applied and validated; raises ``ExperimentError`` naming the field."""
    doc = merge_patch(experiment.model_dump(mode="json"), patch)
    return experiment_from_dict(doc, "the changed experiment")
