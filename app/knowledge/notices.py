"""Notices that hold for a whole family of entries, with their sources.

The docker-aci-aks family is built on SDK v1 and CLI v1, whose support has ended or is
ending; every entry of it says so (the text is `notice_<family>` in app/i18n.py).
"""
from __future__ import annotations

from typing import Any

V1_END_OF_SUPPORT_SOURCES: tuple[dict[str, Any], ...] = (
    {"url": "https://learn.microsoft.com/azure/machine-learning/how-to-deploy-azure-container-instance",
     "title": "Deploy a model to Azure Container Instances with CLI (v1)", "anchor": "important",
     "lang": "en", "date": "2026-12-01"},
    {"url": "https://learn.microsoft.com/azure/machine-learning/concept-v2",
     "title": "What is Azure Machine Learning CLI and Python SDK v2?", "anchor": "azure-machine-learning-cli-v2",
     "lang": "en", "date": "2026-12-01"},
    {"url": "https://learn.microsoft.com/azure/machine-learning/concept-endpoints-online",
     "title": "Online endpoints for real-time inference", "anchor": "managed-online-endpoints",
     "lang": "en", "date": "2026-12-01"},
)
"""The v1 end-of-support statements (CLI v1 ended 2025-09-30; SDK v1 deprecated 2025-03-31, support
ends 2026-06-30) and the current path they point to. `date` is when the page was read."""

FAMILY_NOTICES: dict[str, tuple[dict[str, Any], ...]] = {"docker-aci-aks": V1_END_OF_SUPPORT_SOURCES}
"""Families with a notice, and the sources of each notice."""
