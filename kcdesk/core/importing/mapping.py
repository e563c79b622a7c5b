"""Which column of a table goes to which field: automatic, then the source's preset, then the user's choices."""

from __future__ import annotations

from kcdesk.core.errors import KcError
from kcdesk.core.fields import fold_header
from kcdesk.core.normalise.columns import LOOKS_SHARE, guess_columns
from kcdesk.core.read.tables import RawTable

IGNORE = ("ignore", "-", "none", "")  # field names that leave a column out


def column_mapping(table: RawTable, preset: dict[str, str] | None,
                   overrides: dict[str, str] | None) -> dict[int, str]:
    """Column index → field: by header, then by values, then the source's preset, then the user's
    overrides. A column of IINs or phone numbers is never the request id, whoever chose it."""
    guess = guess_columns(table.headers, getattr(table, "sample", None))
    mapping = dict(guess.mapping)
    by_header = {fold_header(h): i for i, h in enumerate(table.headers) if str(h).strip()}
    for layer, strict in ((preset or {}, False), (overrides or {}, True)):
        for header, name in layer.items():
            index = by_header.get(fold_header(header))
            if index is None:
                if strict:
                    raise KcError("map_header_missing", file=table.file, sheet=table.sheet, value=header)
                continue
            for other, taken in list(mapping.items()):  # one column per field
                if taken == name:
                    del mapping[other]
            if name in IGNORE:
                mapping.pop(index, None)
            else:
                mapping[index] = name
    refused = list(guess.refused_ids)
    for index, name in list(mapping.items()):
        kind = guess.personal.get(index)
        if name == "request_id" and kind:
            del mapping[index]
            if kind not in mapping.values():
                mapping[index] = kind  # still read for age and gender, then dropped
            refused.append(index)
    for index in guess.counters:
        if mapping.get(index) is None and not any(w.code == "request_id_counter" for w in table.warnings):
            table.warnings.append(KcError("request_id_counter", file=table.file, sheet=table.sheet,
                                          value=_header_label(table, index)))
    for index in refused:
        if not any(w.code == "request_id_personal" and w.params.get("column") == index + 1
                   for w in table.warnings):
            table.warnings.append(KcError("request_id_personal", file=table.file, sheet=table.sheet,
                                          column=index + 1))
    for index, match in guess.matches.items():
        if mapping.get(index) == guess.by_values.get(index, ""):
            code = "column_by_values"  # proposed by its values and kept
        elif index not in mapping and match.field not in mapping.values() and match.share >= LOOKS_SHARE:
            code = "column_looks_like"
        else:
            continue
        if not any(w.code == code and w.params.get("column") == index + 1 for w in table.warnings):
            table.warnings.append(KcError(code, file=table.file, sheet=table.sheet, column=index + 1,
                                          value=_header_label(table, index), field=match.field,
                                          count=round(100 * match.share)))
    if not {"registered_at", "processed_at"} & set(mapping.values()):
        raise KcError("no_date_column", file=table.file, sheet=table.sheet, row=table.header_row)
    return mapping


def _header_label(table: RawTable, index: int) -> str:
    header = table.headers[index] if index < len(table.headers) else ""
    return str(header) if str(header).strip() else f"#{index + 1}"


def header_mapping(table: RawTable, mapping: dict[int, str]) -> dict[str, str | None]:
    """Header text → field (None: not used), as the project records and the user sees it."""
    return {_header_label(table, i): mapping.get(i) for i in range(len(table.headers))}
