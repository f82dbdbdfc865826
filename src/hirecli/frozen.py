"""Immutable value classes that cost little to define: what ``@dataclass(frozen=True, slots=True)``
gives, written once instead of once a class.

A frozen dataclass has its ``__init__``, ``__eq__``, ``__hash__``, ``__repr__``, ``__setattr__``
and ``__delattr__`` written out as source and compiled when its module is imported, about half
a millisecond a class; the document tree alone has fifteen classes, and every command builds
one. A :class:`Frozen` class declares its ``__slots__`` and writes its own ``__init__`` (with
:data:`init`); equality, hashing, ``repr``, immutability and pickling come from the base class,
all as a frozen dataclass has them. :func:`frozen` registers the fields with :mod:`dataclasses`,
so that ``dataclasses.fields`` and ``dataclasses.replace`` work as on any dataclass.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, TypeVar

T = TypeVar("T")

init = object.__setattr__
"""Sets a field in ``__init__`` (a frozen instance refuses plain assignment)."""


class Frozen:
    """Fields compared, hashed and shown in order, like a frozen dataclass's; never changed."""

    __slots__ = ()
    __match_args__: ClassVar[tuple[str, ...]] = ()
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self.__match_args__])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
        return f"{self.__class__.__qualname__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self) -> tuple[Any, ...]:
        return self._values()

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(self.__match_args__, state, strict=True):
            init(self, name, value)


def frozen(cls: type[T]) -> type[T]:
    """Register the fields of a :class:`Frozen` class with :mod:`dataclasses`, writing no methods."""
    return dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
