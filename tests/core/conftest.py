"""Small criteria sets for the core tests, built through the real codec and checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from parapp.core.criteria import CriteriaSet
from parapp.core.criteria_codec import from_dict
from tests.core.core_samples import base_data, mini_data

SetFactory = Callable[..., CriteriaSet]


DataFactory = Callable[..., dict[str, Any]]


@pytest.fixture
def mini_dict() -> dict[str, Any]:
    """A fresh copy of the Cà Mau-like set's JSON data, to modify in a test."""
    return mini_data()


@pytest.fixture
def mini_set() -> CriteriaSet:
    """The Cà Mau-like set, checked by the codec and ``assemble``."""
    return from_dict(mini_data(), "mini.json")


@pytest.fixture
def base_dict() -> DataFactory:
    """JSON data of a valid one-leaf set, with top-level keys replaced by keyword arguments."""
    return base_data


@pytest.fixture
def make_set() -> SetFactory:
    """Build a checked set from one-leaf set data with top-level keys replaced."""

    def build(**overrides: Any) -> CriteriaSet:
        return from_dict(base_data(**overrides), "test.json")

    return build
