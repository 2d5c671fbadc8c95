"""Rendering a diagnosis: plain text for people, JSON for programs."""
