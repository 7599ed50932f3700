"""Everything computable without Qt: registries, specs, data, models, engine, files, exporters."""
