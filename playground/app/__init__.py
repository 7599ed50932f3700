"""The Qt desktop app: widgets, plots and the training worker; all computing is in the core."""
