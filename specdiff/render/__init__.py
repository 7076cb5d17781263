"""Renderers: model and report objects to strings. Nothing here touches disk or terminal."""
