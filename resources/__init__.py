"""Package data of Torch Playground: examples, data sets, lessons and translations.

This folder stays at the top of the repository (the developers' guide fixes the layout), yet it is
installed as the package ``playground.resources`` (``package_dir`` in ``setup.py``), so an editable
install and ``pip install .`` find the same files. Read it only through
``playground.core.resources``.
"""
