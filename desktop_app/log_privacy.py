"""Log files never hold a full ID number: a filter on the log handlers masks every run of 9 to
12 digits (citizen ID, old ID card, party card number) in the message, its arguments and any
traceback, before the record is written."""

from __future__ import annotations

import logging

from desktop_app.domain.id_mask import mask_numbers


class MaskIdNumbers(logging.Filter):
    """Rewrites each record in place (message merged with its arguments, then masked)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = mask_numbers(_message(record)), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_numbers(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_numbers(record.stack_info)
        return True


def _message(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except Exception:  # arguments that do not fit the message: keep both, masked
        return f"{record.msg} {record.args!r}"


def install(handler: logging.Handler) -> logging.Handler:
    """Put the filter on a handler (once); a handler filter also sees records that propagate
    from every module's logger, which a logger filter would not."""
    if not any(isinstance(f, MaskIdNumbers) for f in handler.filters):
        handler.addFilter(MaskIdNumbers())
    return handler
