"""The one refusal of the sync files."""

from __future__ import annotations

from desktop_app.domain.errors import DomainError


class SyncRefused(DomainError):
    """A sync file (bundle, signature, enrolment) or a sync action was refused; the message
    says in Vietnamese what is wrong. Nothing was written."""
