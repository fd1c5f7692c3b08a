"""Exporters and importers: one module per family of formats."""
