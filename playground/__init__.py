"""Torch Playground: build an MLP, watch real PyTorch train it, save and export it."""

__version__ = "0.1.0"
