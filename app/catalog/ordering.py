"""Hand-ordered lists (categories, option templates, collections and their
products, images, banners): each row has a ``position``."""

from __future__ import annotations

from app.extensions import db


def swap_with_neighbour(rows: list, index: int, direction: str) -> bool:
    """Swap ``rows[index]`` with the row before it (``up``) or after it
    (``down``), number every row's ``position`` from 0 in the new order and
    flush. False, and nothing changed, at either end or for another direction."""
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(rows):
        return False
    rows[index], rows[other] = rows[other], rows[index]
    for position, row in enumerate(rows):
        row.position = position
    db.session.flush()
    return True
