"""The notebook's own prose in the language the notebook is written in.

``Text(context, source)`` is a call Qt's lupdate reads (``translate`` with a language argument is not),
and ``localized(lang)`` gives the text in any language, whatever the process's current one.
"""

from __future__ import annotations

from playground.core.translate import Text


def notebook_texts(lang: str) -> dict[str, str]:
    texts = {
        "todo": Text("notebook", "What to do"),
        "watch": Text("notebook", "What to watch"),
        "question": Text("notebook", "Question"),
        "answer": Text("notebook", "Answer"),
        "results": Text("notebook", "Results"),
        "exported": Text("notebook", "Exported from Torch Playground. Plain PyTorch: run the cells from "
                              "top to bottom; on a CPU the training loss repeats the playground's, epoch "
                              "for epoch."),
        "data": Text("notebook", "Data"),
        "data_text": Text("notebook", "The same points as in the playground: generated or read with the "
                               "same code and seeds, then shuffled and split into training and test sets."),
        "inputs": Text("notebook", "Inputs"),
        "inputs_text": Text("notebook", "What the network sees: `preprocess` turns raw inputs into the "
                                 "network's inputs."),
        "network": Text("notebook", "Network"),
        "network_text": Text("notebook", "The network built in the playground, with `torch.nn`."),
        "training": Text("notebook", "Training"),
        "training_text": Text("notebook", "The playground's training loop, step for step: the same seed, "
                                   "batch order, loss and optimizer."),
        "loss": Text("notebook", "Loss curve"),
        "learned": Text("notebook", "What the model learned"),
        "weights_text": Text("notebook", "Each row of the first layer's weight matrix, drawn as an image: "
                                  "blue pixels push the unit (or the class) up, orange ones push it down."),
        "boundary_text": Text("notebook", "The decision boundary: the model's output over the plane, with "
                                   "the training points."),
        "curve_text": Text("notebook", "The fitted curve over the training points."),
    }
    return {key: text.localized(lang) for key, text in texts.items()}
