"""Reading the YAML files shipped in `prep/data/`.

Each file is parsed strictly (a duplicate key is an error, where PyYAML would silently keep
the last one) and validated by a pydantic model that rejects unknown fields, so a typo in a
shipped file fails loudly in the test suite instead of dropping data.
"""

from __future__ import annotations

from collections.abc import Hashable
from importlib import resources
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from landml.errors import InvalidInput

M = TypeVar("M", bound=BaseModel)


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys."""


def _mapping_without_duplicates(
    loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False
) -> dict[Hashable, Any]:
    seen: set[Hashable] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates
)


def parse_data(text: str, name: str, model: type[M]) -> M:
    """Parse YAML `text` (from the file called `name`) into `model`, or raise InvalidInput."""
    try:
        raw = yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError as exc:
        raise InvalidInput(
            f"{name} is not valid YAML: {' '.join(str(exc).split())}",
            hint="Fix the file's syntax.",
        ) from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or 'file'}: {error['msg']}"
            for error in exc.errors()
        )
        raise InvalidInput(
            f"{name} does not follow its schema: {problems}",
            hint="Fix the file; its schema is the pydantic model that reads it.",
        ) from exc


def read_data_file(name: str, model: type[M]) -> M:
    """Read and validate the shipped file `prep/data/<name>`."""
    text = resources.files("landml.prep").joinpath("data", name).read_text(encoding="utf-8")
    return parse_data(text, f"prep/data/{name}", model)
