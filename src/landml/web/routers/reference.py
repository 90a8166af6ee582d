"""/docs: the JSON API described from its own OpenAPI schema, as a plain page.

FastAPI's interactive docs load their scripts from a CDN; landml serves nothing
from other sites, so the reference is rendered here from /openapi.json instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from landml.web.rendering import render

router = APIRouter(include_in_schema=False)

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str
    required: bool
    description: str = ""


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[FieldDoc]
    body: str | None
    responses: list[tuple[str, str]]


@dataclass(frozen=True)
class Model:
    name: str
    description: str
    fields: list[FieldDoc] = field(default_factory=list)


def type_name(schema: dict[str, Any] | bool) -> str:
    """A short, readable type for a JSON schema: "list[ApplicationSummary]", "string | null"."""
    if not isinstance(schema, dict):
        # JSON Schema allows `true` (anything) and `false` (nothing) as whole schemas.
        return "any" if schema else "nothing"
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(type_name(s) for s in schema["anyOf"])
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list[{type_name(schema.get('items', {}))}]"
    if kind == "object" and "additionalProperties" in schema:
        return f"dict[string, {type_name(schema['additionalProperties'])}]"
    fmt = schema.get("format")
    return f"{kind} ({fmt})" if fmt else str(kind)


def _body_type(spec: dict[str, Any]) -> str | None:
    content = spec.get("content", {})
    for media in content.values():
        return type_name(media.get("schema", {}))
    return None


def operations(openapi: dict[str, Any]) -> list[Operation]:
    result = []
    for path, item in openapi.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            op = item[method]
            params = [
                FieldDoc(
                    f"{p['name']} ({p['in']})",
                    type_name(p.get("schema", {})),
                    bool(p.get("required")),
                    p.get("description", ""),
                )
                for p in op.get("parameters", [])
            ]
            responses = [
                (code, _body_type(spec) or spec.get("description", ""))
                for code, spec in op.get("responses", {}).items()
            ]
            result.append(
                Operation(
                    method=method.upper(),
                    path=path,
                    summary=op.get("summary", ""),
                    description=op.get("description", ""),
                    parameters=params,
                    body=_body_type(op.get("requestBody", {})),
                    responses=responses,
                )
            )
    return result


def models(openapi: dict[str, Any]) -> list[Model]:
    result = []
    for name, schema in sorted(openapi.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        fields = [
            FieldDoc(prop, type_name(spec), prop in required, spec.get("description", ""))
            for prop, spec in schema.get("properties", {}).items()
        ]
        if "enum" in schema:
            fields = [FieldDoc("value", type_name(schema), True)]
        result.append(Model(name, schema.get("description", ""), fields))
    return result


@router.get("/docs", response_class=HTMLResponse)
def api_reference(request: Request) -> Response:
    openapi = request.app.openapi()
    context = {
        "title": openapi["info"]["title"],
        "operations": operations(openapi),
        "models": models(openapi),
    }
    return render(request, "docs.html", context, api_url="/openapi.json")
