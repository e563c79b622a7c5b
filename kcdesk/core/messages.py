"""Plain English sentences for error and warning codes (the CLI's language; the GUI translates codes)."""

from __future__ import annotations

# One line per code. Parameters are filled with str.format_map; missing ones print as "?".
ENGLISH: dict[str, str] = {
    # reading
    "file_missing": "{file}: no such file",
    "file_is_folder": "{file}: is a folder, not a file",
    "file_empty": "{file}: the file is empty",
    "file_unreadable": "{file}: cannot be read ({reason}); close it in other programs or check the permissions",
    "unknown_format": "{file}: not a spreadsheet or CSV file kcdesk can read ({reason})",
    "corrupt_workbook": "{file}: the workbook is damaged or truncated ({reason})",
    "encrypted_workbook": "{file}: the workbook is password-protected; save it without a password and import again",
    "not_a_workbook": "{file}: this is a {reason}, not a spreadsheet",
    "workbook_too_large": "{file}: sheet {sheet} would take too much memory to read ({reason})",
    "unsafe_workbook": "{file}: the workbook contains constructs kcdesk refuses to read ({reason})",
    "reader_crashed": "{file}: the spreadsheet reader failed on this file ({reason})",
    "no_sheets": "{file}: the workbook has no sheets with data",
    "sheet_empty": "{file}, sheet {sheet}: the sheet is empty",
    "sheet_missing": "{file}: there is no sheet named {sheet}",
    "no_header": "{file}, sheet {sheet}: no header row with recognisable column names in the first {row} rows",
    "no_data_rows": "{file}, sheet {sheet}: the header is on row {row} but there are no data rows under it",
    "bad_encoding": "{file}: the text encoding could not be recognised",
    "corrupt_table": "{file}: the table cannot be read from record {row} on ({reason}); check the export",
    "lost_kazakh_letters": "{file}: this cp1251 file has '?' where Kazakh letters should be ({count} cells, e.g. row {row}); re-export it as UTF-8",
    "already_imported": "{file}, sheet {sheet}: this file was imported before; its rows are not counted again",
    "no_date_column": "{file}, sheet {sheet}: no registration or processing date column found",
    "request_id_personal": "{file}, sheet {sheet}: column {column} holds IINs or phone numbers, so it is not used as the request number",
    "request_id_counter": "{file}, sheet {sheet}: the column '{value}' only counts the rows (1, 2, 3 ...), so it is not used as the request number",
    "request_ids_masked": "{file}, sheet {sheet}: {count} request numbers were IINs or phone numbers; they are not stored and those requests are kept without a number",
    "column_by_values": "{file}, sheet {sheet}: the column '{value}' is read as {field} because {count} % of its values are {field} values",
    "column_looks_like": "{file}, sheet {sheet}: the unused column '{value}' looks like {field} ({count} % of its values); choose that field for it if it is (--map in the command line)",
    "unknown_field": "--map {value}: unknown field '{field}'",
    "bad_option": "{field} {value}: expected the form the option's help shows",
    "unknown_code": "'{value}' is not a {field} kcdesk knows",
    "bad_map_option": "--map {value}: expected \"Header text=field\"",
    "map_header_missing": "{file}, sheet {sheet}: --map names a header '{value}' that the sheet does not have",
    # project
    "project_missing": "{file}: no such project",
    "not_a_project": "{file}: not a kcdesk project file ({reason})",
    "project_too_new": "{file}: made by a newer kcdesk (schema {value}); update kcdesk to open it",
    "project_locked": "{file}: the project is being written by another kcdesk; try again in a moment",
    "project_altered": "{file}: the project file was changed outside kcdesk ({reason}); kcdesk does not open it; restore a backup copy",
    "project_damaged": "{file}: the project file is damaged ({reason}); kcdesk does not open it; restore a backup copy",
    "stray_journal": "{file}: an unfinished change from an earlier run did not belong to this file ({reason}); it was not applied and was moved aside as {value}",
    "disk_full": "{file}: the disk is full (or a file size limit was reached); nothing was changed; free some space and try again",
    "project_io_error": "{file}: the disk refused a write (full, a file size limit, or a disk error); nothing was changed; free some space or check the disk and try again",
    "project_readonly": "{file}: the project file cannot be written ({reason})",
    "bad_quarter_rule": "'{value}' is not a quarter rule; use registered or processed",
    "bad_comparison_basis": "'{value}' is not a comparison basis; use previous or year-ago",
    "bad_report_state": "'{value}' is not a state of the справка; use draft, submitted, approved or posted",
    # analysis
    "bad_quarter": "'{value}' is not a quarter; write it as 2026-Q3",
    "bad_date": "'{value}' is not a date; write it as 2026-10-02",
    "map_bad_by": "'{value}' is not a map measure; use count, change or rate",
    "map_no_population": "the project has no population figures for the map's rate per 10,000 residents",
    "unknown_topic": "'{value}' is not a topic of this project",
    "no_data_for_quarter": "the project has no requests in {value}",
    "no_data": "the project holds no requests yet; import an export first",
    # report
    "template_missing": "{file}: no such template",
    "bad_template": "{file}: the template cannot be used ({reason})",
    "template_refused": "{file}: the template's tag {value} is not allowed ('{field}' is not one of the placeholders kcdesk documents); nothing was written",
    "template_too_large": "{file}: the template's tag {value} would write too much; nothing was written",
    "pdf_unavailable": "cannot make a PDF: neither LibreOffice nor Word is installed",
    "pdf_failed": "{file}: the PDF conversion failed ({reason})",
    "write_failed": "{file}: cannot write ({reason})",
    "output_is_project": "{file}: is a kcdesk project (or another database); an output never replaces it; choose another name",
    "output_is_input": "{file}: this command reads that file; choose another name for the output",
    "output_is_import": "{file}: this file was imported into the project; kcdesk never writes over an export; choose another name",
    "output_not_a_file": "{file}: is not a regular file (a device, folder or pipe); choose another name",
    "output_symlink": "{file}: is a symbolic link; kcdesk does not write through links; choose another name",
    "output_no_folder": "{file}: the folder {value} does not exist; create it first or choose another folder",
    "output_twice": "{file}: named for two outputs of one command; give each output its own name",
    "bad_language": "'{value}' is not a language of the справка; use kk or ru",
    "bad_chart_option": "--chart {value}: expected KEY=FILE.png naming an existing image",
    "bad_content_file": "{file}: not a JSON file kcdesk can use ({reason})",
    "bad_text_option": "{value}: expected KEY=VALUE",
    "unknown_text_key": "'{value}' is not a text key the справка reads (reason:<topic>, para:<key>, conclusions, proposals, publish, workplan:<topic>)",
    "unknown_setting": "'{value}' is not a справка setting; use one of: {reason}",
    "bad_text_value": "{field}: give text (in quotes), not {reason}; nothing was saved",
    "text_too_long": "{field}: longer than {count} characters; nothing was saved",
    "bad_phone_setting": "{field}: not a phone number (digits, spaces, +, brackets and dashes; an IIN is not accepted); nothing was saved",
    "unknown_paragraph": "{value}: not a paragraph of the справка for {field}; list them with --keys; nothing was saved",
    "quarter_required": "give --quarter for the texts of a quarter",
    "cancelled": "cancelled; nothing was changed",
    # demo
    "demo_exists": "{file}: already exists; choose another name or pass --force to replace it",
    "demo_quarters": "--quarters {value}: the demo has 1 to {count} quarters",
    # content analysis and search
    "bad_confidence": "--accept {value}: give a confidence between 0 and 1, e.g. 0.8",
    "bad_faq_group": "no FAQ entry of group {value} in this analysis; give group ids as the summary lists them (g1,g3) or 'all'",
    "search_empty": "'{value}': give at least one word to search for",
}


class _Missing(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def english(code: str, **params: object) -> str:
    """The English sentence for a code (unknown codes print as the code and its parameters)."""
    template = ENGLISH.get(code)
    if template is None:
        details = ", ".join(f"{k}={v}" for k, v in params.items())
        return f"{code} ({details})" if details else code
    if not params.get("sheet"):  # a CSV has no sheets: say nothing rather than "sheet ?"
        template = template.replace(", sheet {sheet}", "").replace(" [{sheet}]", "")
    return template.format_map(_Missing({k: v for k, v in params.items() if v is not None}))
