"""Building frozen dataclass values cheaply, for the engine's fold (issue 18).

A frozen dataclass's `__init__` sets each field through `object.__setattr__`, a call per field;
the engine builds a state, a decision and often a pain trend every session. `settable_twin`
gives a frozen, slotted dataclass a subclass that adds no slots and keeps object's own
`__setattr__` and `__delattr__`, so the interpreter stores into its slots directly, and object's
`__init__`, so `Twin()` makes an empty one. A builder makes the twin, sets every field and
switches the object's class back: the caller gets the frozen value, equal in every way to the
one its `__init__` makes, and never sees the twin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def settable_twin(cls: type) -> Callable[[], Any]:
    """A subclass of the frozen, slotted dataclass `cls` whose slots can be set, for builders
    that switch the object's class back to `cls` once every field is set (both `__setattr__`
    and `__delattr__` must be object's: with either one `cls`'s own, every store goes through a
    Python call). `Twin()` is cheaper than `object.__new__(Twin)`, which checks its argument."""
    namespace = {
        "__slots__": (),
        "__init__": object.__init__,
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
    }
    return type(f"_Settable{cls.__name__}", (cls,), namespace)
