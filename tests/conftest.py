"""Shared test set-up: charts draw off-screen."""

import matplotlib

matplotlib.use("Agg")
