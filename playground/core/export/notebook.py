"""Jupyter notebook (``.ipynb``): the exported script's code split into cells, with text between them.

Nothing here generates code: every code cell is a section of :mod:`playground.core.export.codegen`
(data, inputs, network, training), so the notebook trains exactly as the ``.py`` export does and on a
CPU reproduces the playground's train-loss history. What the notebook adds is prose (for a lesson,
the lesson's own text in the chosen language), a cell that runs ``train()`` and matplotlib cells that
plot the loss curve and the decision boundary, the fitted curve or the weight images. It trains from
scratch, so it needs no weights file. Written and validated with ``nbformat``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
from nbformat import v4

from playground.core.experiment_io import atomic_write
from playground.core.export import codegen
from playground.core.export.codegen_data import data_section
from playground.core.export.notebook_text import notebook_texts
from playground.core.export.source import ExportSource
from playground.core.model import plan
from playground.core.translate import language, translate

if TYPE_CHECKING:
    from playground.core.lessons import Lesson


def _no_file_paths(code: str) -> str:
    """Notebooks have no ``__file__``: files beside the notebook are opened from its folder."""
    return code.replace("Path(__file__).with_name(", "Path(")


def _lesson_text(lesson: Lesson, lang: str) -> str:
    def t(text: str) -> str:
        return translate("lessons", text, lang=lang)

    steps = "\n".join(f"{i}. {t(s)}" for i, s in enumerate(lesson.steps, 1))
    words = notebook_texts(lang)
    todo, watch, question = words["todo"], words["watch"], words["question"]
    parts = [f"# {t(lesson.title)}", t(lesson.goal), f"**{todo}**\n\n{steps}", f"**{watch}**: {t(lesson.watch)}",
             f"**{question}**: {t(lesson.question)}"]
    if lesson.answer:
        parts.append(f"**{words['answer']}**: {t(lesson.answer)}")
    if lesson.results:
        parts.append(f"**{words['results']}**\n\n{t(lesson.results)}")
    return "\n\n".join(parts)


def _constants(source: ExportSource) -> str:
    lines = codegen.constants(source, "unused.pt").splitlines()
    return "\n".join(line for line in lines if not line.startswith("WEIGHTS ="))


def _plot_code(source: ExportSource, words: dict[str, str]) -> tuple[str, str] | None:
    """The picture of what the model learned (its explanation and code), when one fits the data."""
    ds = source.dataset
    if ds.image_side:
        side = ds.image_side
        return (words["weights_text"],
                f'''first = next(m for m in model if isinstance(m, nn.Linear))
weights = first.weight.detach().to(torch.float64).numpy()
shown = weights[:16]
limit = float(abs(shown).max()) or 1.0  # diverging colours centred on zero, as in the playground
PLAYGROUND_COLOURS = LinearSegmentedColormap.from_list("playground", ["#f59322", "#fafafa", "#0877bd"])
fig, axes = plt.subplots(1, len(shown), figsize=(1.2 * len(shown), 1.6), squeeze=False)
for k, (ax, row) in enumerate(zip(axes[0], shown)):
    ax.imshow(row.reshape({side}, {side}), cmap=PLAYGROUND_COLOURS, vmin=-limit, vmax=limit)
    ax.set_title(CLASSES[k] if len(shown) == len(CLASSES) and k < len(CLASSES) else f"unit {{k + 1}}", fontsize=8)
    ax.axis("off")
plt.show()''')
    if ds.derived is not None and ds.raw_dim == 2:
        xmin, xmax, ymin, ymax = ds.bounds()
        if source.loss_target == "index":
            value = "torch.softmax(out, dim=1)[:, 1] if out.shape[1] == 2 else out.argmax(dim=1).to(torch.float64)"
        elif source.loss_target == "binary":
            value = "torch.sigmoid(out[:, 0])"
        else:
            value = "out[:, 0]"
        return (words["boundary_text"],
                f'''x_train, y_train, _, _ = load_data()
xs = np.linspace({xmin!r}, {xmax!r}, 200)
ys = np.linspace({ymin!r}, {ymax!r}, 200)
grid = np.array([(a, b) for b in ys for a in xs])
model.eval()
with torch.no_grad():
    out = model(preprocess(grid))
    value = ({value}).reshape(len(ys), len(xs)).to(torch.float64).numpy()
colours = LinearSegmentedColormap.from_list("playground", ["#f59322", "#fafafa", "#0877bd"])
plt.contourf(xs, ys, value, levels=20, cmap=colours, alpha=0.6)
plt.scatter(x_train[:, 0], x_train[:, 1], c=y_train, cmap=colours, edgecolors="k", s=12)
plt.gca().set_aspect("equal")
plt.show()''')
    if ds.raw_dim == 1 and source.loss_target == "value":
        return (words["curve_text"],
                '''x_train, y_train, _, _ = load_data()
xs = np.linspace(x_train.min(), x_train.max(), 300).reshape(-1, 1)
model.eval()
with torch.no_grad():
    fitted = model(preprocess(xs))[:, 0].to(torch.float64).numpy()
plt.scatter(x_train[:, 0], y_train, s=10, label="training points")
plt.plot(xs[:, 0], fitted, color="C3", label="model")
plt.legend()
plt.show()''')
    return None


def _score_code(source: ExportSource) -> str:
    target = source.loss_target
    if target == "value":
        return '''_, _, x_test, y_test = load_data()
model.eval()
if len(x_test):
    with torch.no_grad():
        error = (model(preprocess(x_test))[:, 0].double() - torch.as_tensor(y_test)).abs().mean().item()
    print(f"mean absolute test error: {error:.4f}")'''
    pick = "out.argmax(dim=1)" if target == "index" else "(out[:, 0] > 0).long()"
    return f'''_, _, x_test, y_test = load_data()
model.eval()
if len(x_test):
    with torch.no_grad():
        out = model(preprocess(x_test))
    print(f"test accuracy: {{({pick}.numpy() == y_test).mean():.4f}}")'''


def notebook(source: ExportSource, lesson: Lesson | None = None, lang: str | None = None) -> nbformat.NotebookNode:
    """The notebook for ``source``; ``lesson`` puts the lesson's text first, in ``lang`` (default: the current)."""
    lang = lang or language()
    spec = source.spec
    blocks = plan(spec.model, source.in_dim, source.out_dim)
    has_batchnorm = any(b.kind == "norm" and "BatchNorm" in b.code for b in blocks)
    init_name = "model.init.pt" if spec.model.init_values else None
    md, code = v4.new_markdown_cell, v4.new_code_cell
    words = notebook_texts(lang)
    if lesson is not None:
        intro = _lesson_text(lesson, lang)
    else:
        intro = f"# {spec.name}" + (f"\n\n{spec.description}" if spec.description.strip() else "")
    intro += "\n\n" + words["exported"]
    imports = (codegen.imports(source)
               + "\n\nimport matplotlib.pyplot as plt\nfrom matplotlib.colors import LinearSegmentedColormap")

    def section(title: str, text: str) -> nbformat.NotebookNode:
        return md(f"## {title}\n\n{text}")

    cells = [
        md(intro),
        code(imports + "\n\n" + _no_file_paths(_constants(source))),
        section(words["data"], words["data_text"]),
        code(data_section(source)),
        section(words["inputs"], words["inputs_text"]),
        code(codegen.preprocess_section(source)),
        section(words["network"], words["network_text"]),
        code(_no_file_paths(codegen.model_section(source, init_name))),
        section(words["training"], words["training_text"]),
        code(codegen.training_section(source, has_batchnorm)),
        code("model, history = train()\n"
             "print(f\"train loss: {history[0]:.6f} before training, {history[-1]:.6f} after "
             "{len(history) - 1} epochs\")"),
        md("## " + words["loss"]),
        code('plt.plot(history)\nplt.xlabel("epoch")\nplt.ylabel("train loss")\nplt.yscale("log")\nplt.show()'),
        code(_score_code(source)),
    ]
    picture = _plot_code(source, words)
    if picture is not None:
        cells += [section(words["learned"], picture[0]),
                  code(picture[1])]
    nb = v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.validate(nb)
    return nb


def write(source: ExportSource, path: Path, lesson: Lesson | None = None, lang: str | None = None) -> list[Path]:
    nb = notebook(source, lesson, lang)
    for cell in nb.cells:
        if cell.cell_type == "code":
            compile(cell.source, str(path), "exec")  # a generator bug must fail here, not in Jupyter
    written = [path]
    if source.spec.model.init_values:
        import torch

        from playground.core.export.torch_export import save_state_dict

        init_path = path.with_name("model.init.pt")
        dtype = torch.get_default_dtype()
        save_state_dict({k: torch.as_tensor(v, dtype=dtype) for k, v in source.spec.model.init_values.items()},
                        init_path)
        written.append(init_path)
    atomic_write(path, nbformat.writes(nb))
    return written
