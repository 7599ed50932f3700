"""Data sets: TensorFlow-Playground generators, more synthetic sets, CSV import."""

from playground.core.data.build import make_dataset
from playground.core.data.csv_data import CsvPreview, import_csv, inspect_csv, load_csv
from playground.core.data.dataset import Dataset
from playground.core.data.errors import DataError

__all__ = ["CsvPreview", "DataError", "Dataset", "import_csv", "inspect_csv", "load_csv", "make_dataset"]
