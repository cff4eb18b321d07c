"""mypy plugin: a PySide6 class takes the Qt properties of its base classes as keywords too.

PySide6 sets any Qt property given as a keyword to a constructor, the inherited ones included:
`QComboBox(objectName="exportFormat")`, `QToolButton(text="+")`. Its shipped stubs list only
the class's own properties on each `__init__` (QComboBox's `editable`..., not QObject's
`objectName` nor QWidget's `toolTip`), so mypy would refuse a call that works. This plugin adds
the keyword-only parameters of every base class's `__init__` to a PySide6 constructor's
signature, with their stub types: a misspelt property or a value of the wrong type is still an
error. Configured in pyproject.toml (`[tool.mypy] plugins`).
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import ARG_NAMED_OPT, ARG_STAR2, TypeInfo
from mypy.plugin import FunctionSigContext, Plugin
from mypy.types import CallableType, FunctionLike, Instance, Overloaded, Type, get_proper_type


def _property_keywords(init: Type | None) -> list[tuple[str, Type]]:
    """The optional keyword-only parameters (PySide6's Qt properties) of an `__init__`."""
    init = get_proper_type(init)
    items = (init.items if isinstance(init, Overloaded)
             else [init] if isinstance(init, CallableType) else [])
    return [(name, typ) for item in items
            for name, kind, typ in zip(item.arg_names, item.arg_kinds, item.arg_types, strict=True)
            if kind == ARG_NAMED_OPT and name is not None]


def _with_inherited_properties(ctx: FunctionSigContext) -> FunctionLike:
    sig = ctx.default_signature
    made = get_proper_type(sig.ret_type)
    if not isinstance(made, Instance):
        return sig
    names, kinds, types = list(sig.arg_names), list(sig.arg_kinds), list(sig.arg_types)
    at = kinds.index(ARG_STAR2) if ARG_STAR2 in kinds else len(kinds)
    for base in made.type.mro[1:]:
        init = base.names.get("__init__")
        for name, typ in _property_keywords(init.type if init else None):
            if name not in names:
                names.insert(at, name)
                kinds.insert(at, ARG_NAMED_OPT)
                types.insert(at, typ)
                at += 1
    return sig.copy_modified(arg_names=names, arg_kinds=kinds, arg_types=types)


class PySidePropertiesPlugin(Plugin):
    def get_function_signature_hook(
            self, fullname: str) -> Callable[[FunctionSigContext], FunctionLike] | None:
        """The hook for a call of a PySide6 class (its constructor), not of a function."""
        if not fullname.startswith("PySide6."):
            return None
        found = self.lookup_fully_qualified(fullname)
        return _with_inherited_properties if found and isinstance(found.node, TypeInfo) else None


def plugin(version: str) -> type[Plugin]:
    return PySidePropertiesPlugin
