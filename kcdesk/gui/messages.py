"""Every core error/warning code as a translatable sentence with named parameters (the GUI's messages)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from kcdesk.core.errors import KcError

# lupdate finds QCoreApplication.translate("context", "literal") calls by their full name; the lambdas
# translate at call time, in the current language.
TEMPLATES: dict[str, Callable[[], str]] = {
    'file_missing': lambda: QCoreApplication.translate("messages", '{file}: no such file'),
    'file_is_folder': lambda: QCoreApplication.translate("messages", '{file}: is a folder, not a file'),
    'file_empty': lambda: QCoreApplication.translate("messages", '{file}: the file is empty'),
    'file_unreadable': lambda: QCoreApplication.translate("messages", '{file}: cannot be read ({reason}); close it in other programs or check the permissions'),
    'unknown_format': lambda: QCoreApplication.translate("messages", '{file}: not a spreadsheet or CSV file kcdesk can read ({reason})'),
    'corrupt_workbook': lambda: QCoreApplication.translate("messages", '{file}: the workbook is damaged or truncated ({reason})'),
    'encrypted_workbook': lambda: QCoreApplication.translate("messages", '{file}: the workbook is password-protected; save it without a password and import again'),
    'not_a_workbook': lambda: QCoreApplication.translate("messages", '{file}: this is a {reason}, not a spreadsheet'),
    'workbook_too_large': lambda: QCoreApplication.translate("messages", '{file}: sheet {sheet} would take too much memory to read ({reason})'),
    'unsafe_workbook': lambda: QCoreApplication.translate("messages", '{file}: the workbook contains constructs kcdesk refuses to read ({reason})'),
    'reader_crashed': lambda: QCoreApplication.translate("messages", '{file}: the spreadsheet reader failed on this file ({reason})'),
    'no_sheets': lambda: QCoreApplication.translate("messages", '{file}: the workbook has no sheets with data'),
    'sheet_empty': lambda: QCoreApplication.translate("messages", '{file}, sheet {sheet}: the sheet is empty'),
    'sheet_missing': lambda: QCoreApplication.translate("messages", '{file}: there is no sheet named {sheet}'),
    'no_header': lambda: QCoreApplication.translate("messages", '{file}, sheet {sheet}: no header row with recognisable column names in the first {row} rows'),
    'no_data_rows': lambda: QCoreApplication.translate("messages", '{file}, sheet {sheet}: the header is on row {row} but there are no data rows under it'),
    'bad_encoding': lambda: QCoreApplication.translate("messages", '{file}: the text encoding could not be recognised'),
    'corrupt_table': lambda: QCoreApplication.translate("messages", '{file}: the table cannot be read from record {row} on ({reason}); check the export'),
    'lost_kazakh_letters': lambda: QCoreApplication.translate("messages", "{file}: this cp1251 file has '?' where Kazakh letters should be ({count} cells, e.g. row {row}); re-export it as UTF-8"),
    'already_imported': lambda: QCoreApplication.translate("messages", '{file}, sheet {sheet}: this file was imported before; its rows are not counted again'),
    'no_date_column': lambda: QCoreApplication.translate("messages", '{file}, sheet {sheet}: no registration or processing date column found'),
    'request_id_personal': lambda: QCoreApplication.translate("messages", '{file}, sheet {sheet}: column {column} holds IINs or phone numbers, so it is not used as the request number'),
    'request_id_counter': lambda: QCoreApplication.translate("messages", "{file}, sheet {sheet}: the column '{value}' only counts the rows (1, 2, 3 ...), so it is not used as the request number"),
    'request_ids_masked': lambda: QCoreApplication.translate("messages", '{file}, sheet {sheet}: {count} request numbers were IINs or phone numbers; they are not stored and those requests are kept without a number'),
    'column_by_values': lambda: QCoreApplication.translate("messages", "{file}, sheet {sheet}: the column '{value}' is read as {field} because {count} % of its values are {field} values"),
    'column_looks_like': lambda: QCoreApplication.translate("messages", "{file}, sheet {sheet}: the unused column '{value}' looks like {field} ({count} % of its values); choose that field for it if it is (--map in the command line)"),
    'unknown_field': lambda: QCoreApplication.translate("messages", "--map {value}: unknown field '{field}'"),
    'bad_option': lambda: QCoreApplication.translate("messages", "{field} {value}: expected the form the option's help shows"),
    'unknown_code': lambda: QCoreApplication.translate("messages", "'{value}' is not a {field} kcdesk knows"),
    'bad_map_option': lambda: QCoreApplication.translate("messages", '--map {value}: expected "Header text=field"'),
    'map_header_missing': lambda: QCoreApplication.translate("messages", "{file}, sheet {sheet}: --map names a header '{value}' that the sheet does not have"),
    'project_missing': lambda: QCoreApplication.translate("messages", '{file}: no such project'),
    'not_a_project': lambda: QCoreApplication.translate("messages", '{file}: not a kcdesk project file ({reason})'),
    'project_too_new': lambda: QCoreApplication.translate("messages", '{file}: made by a newer kcdesk (schema {value}); update kcdesk to open it'),
    'project_locked': lambda: QCoreApplication.translate("messages", '{file}: the project is being written by another kcdesk; try again in a moment'),
    'project_altered': lambda: QCoreApplication.translate("messages", '{file}: the project file was changed outside kcdesk ({reason}); kcdesk does not open it; restore a backup copy'),
    'project_damaged': lambda: QCoreApplication.translate("messages", '{file}: the project file is damaged ({reason}); kcdesk does not open it; restore a backup copy'),
    'stray_journal': lambda: QCoreApplication.translate("messages", '{file}: an unfinished change from an earlier run did not belong to this file ({reason}); it was not applied and was moved aside as {value}'),
    'disk_full': lambda: QCoreApplication.translate("messages", '{file}: the disk is full (or a file size limit was reached); nothing was changed; free some space and try again'),
    'project_io_error': lambda: QCoreApplication.translate("messages", '{file}: the disk refused a write (full, a file size limit, or a disk error); nothing was changed; free some space or check the disk and try again'),
    'project_readonly': lambda: QCoreApplication.translate("messages", '{file}: the project file cannot be written ({reason})'),
    'bad_quarter_rule': lambda: QCoreApplication.translate("messages", "'{value}' is not a quarter rule; use registered or processed"),
    'bad_comparison_basis': lambda: QCoreApplication.translate("messages", "'{value}' is not a comparison basis; use previous or year-ago"),
    'bad_report_state': lambda: QCoreApplication.translate("messages", "'{value}' is not a state of the справка; use draft, submitted, approved or posted"),
    'bad_quarter': lambda: QCoreApplication.translate("messages", "'{value}' is not a quarter; write it as 2026-Q3"),
    'bad_date': lambda: QCoreApplication.translate("messages", "'{value}' is not a date; write it as 2026-10-02"),
    'map_bad_by': lambda: QCoreApplication.translate("messages", "'{value}' is not a map measure; use count, change or rate"),
    'map_no_population': lambda: QCoreApplication.translate("messages", "the project has no population figures for the map's rate per 10,000 residents"),
    'unknown_topic': lambda: QCoreApplication.translate("messages", "'{value}' is not a topic of this project"),
    'no_data_for_quarter': lambda: QCoreApplication.translate("messages", 'the project has no requests in {value}'),
    'no_data': lambda: QCoreApplication.translate("messages", 'the project holds no requests yet; import an export first'),
    'template_missing': lambda: QCoreApplication.translate("messages", '{file}: no such template'),
    'bad_template': lambda: QCoreApplication.translate("messages", '{file}: the template cannot be used ({reason})'),
    'template_refused': lambda: QCoreApplication.translate("messages", "{file}: the template's tag {value} is not allowed ('{field}' is not one of the placeholders kcdesk documents); nothing was written"),
    'template_too_large': lambda: QCoreApplication.translate("messages", "{file}: the template's tag {value} would write too much; nothing was written"),
    'pdf_unavailable': lambda: QCoreApplication.translate("messages", 'cannot make a PDF: neither LibreOffice nor Word is installed'),
    'pdf_failed': lambda: QCoreApplication.translate("messages", '{file}: the PDF conversion failed ({reason})'),
    'write_failed': lambda: QCoreApplication.translate("messages", '{file}: cannot write ({reason})'),
    'output_is_project': lambda: QCoreApplication.translate("messages", '{file}: is a kcdesk project (or another database); an output never replaces it; choose another name'),
    'output_is_input': lambda: QCoreApplication.translate("messages", '{file}: this command reads that file; choose another name for the output'),
    'output_is_import': lambda: QCoreApplication.translate("messages", '{file}: this file was imported into the project; kcdesk never writes over an export; choose another name'),
    'output_not_a_file': lambda: QCoreApplication.translate("messages", '{file}: is not a regular file (a device, folder or pipe); choose another name'),
    'output_symlink': lambda: QCoreApplication.translate("messages", '{file}: is a symbolic link; kcdesk does not write through links; choose another name'),
    'output_no_folder': lambda: QCoreApplication.translate("messages", '{file}: the folder {value} does not exist; create it first or choose another folder'),
    'output_twice': lambda: QCoreApplication.translate("messages", '{file}: named for two outputs of one command; give each output its own name'),
    'bad_language': lambda: QCoreApplication.translate("messages", "'{value}' is not a language of the справка; use kk or ru"),
    'bad_chart_option': lambda: QCoreApplication.translate("messages", '--chart {value}: expected KEY=FILE.png naming an existing image'),
    'bad_content_file': lambda: QCoreApplication.translate("messages", '{file}: not a JSON file kcdesk can use ({reason})'),
    'bad_text_option': lambda: QCoreApplication.translate("messages", '{value}: expected KEY=VALUE'),
    'unknown_text_key': lambda: QCoreApplication.translate("messages", "'{value}' is not a text key the справка reads (reason:<topic>, para:<key>, conclusions, proposals, publish, workplan:<topic>)"),
    'unknown_setting': lambda: QCoreApplication.translate("messages", "'{value}' is not a справка setting; use one of: {reason}"),
    'bad_text_value': lambda: QCoreApplication.translate("messages", '{field}: give text (in quotes), not {reason}; nothing was saved'),
    'text_too_long': lambda: QCoreApplication.translate("messages", '{field}: longer than {count} characters; nothing was saved'),
    'bad_phone_setting': lambda: QCoreApplication.translate("messages", '{field}: not a phone number (digits, spaces, +, brackets and dashes; an IIN is not accepted); nothing was saved'),
    'unknown_paragraph': lambda: QCoreApplication.translate("messages", '{value}: not a paragraph of the справка for {field}; list them with --keys; nothing was saved'),
    'quarter_required': lambda: QCoreApplication.translate("messages", 'give --quarter for the texts of a quarter'),
    'cancelled': lambda: QCoreApplication.translate("messages", 'cancelled; nothing was changed'),
    'demo_exists': lambda: QCoreApplication.translate("messages", '{file}: already exists; choose another name or pass --force to replace it'),
    'demo_quarters': lambda: QCoreApplication.translate("messages", '--quarters {value}: the demo has 1 to {count} quarters'),
    'bad_confidence': lambda: QCoreApplication.translate("messages", '--accept {value}: give a confidence between 0 and 1, e.g. 0.8'),
    'bad_faq_group': lambda: QCoreApplication.translate("messages", "no FAQ entry of group {value} in this analysis; give group ids as the summary lists them (g1,g3) or 'all'"),
    'search_empty': lambda: QCoreApplication.translate("messages", "'{value}': give at least one word to search for"),
}


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def text(code: str, **params: object) -> str:
    """The sentence for a code in the UI language (unknown codes: a generic sentence and the code)."""
    template = TEMPLATES.get(code)
    if template is None:
        return QCoreApplication.translate("messages", "Something went wrong ({code}).").format(code=code)
    values = {k: v for k, v in params.items() if v is not None}
    try:
        return template().format_map(_Missing(values))
    except (ValueError, IndexError):  # a translator broke a placeholder: fall back to the English
        from kcdesk.core.messages import english

        return english(code, **params)


def translate(error: KcError) -> str:
    params = dict(error.params)
    if error.code in ("column_by_values", "column_looks_like") and params.get("field"):
        from kcdesk.core.fields import FIELDS
        from kcdesk.gui.field_names import field_name

        if params["field"] in FIELDS:  # the field as the officer knows it, in the UI language
            params["field"] = field_name(str(params["field"]))
    return text(error.code, **params)


def cancelled() -> str:
    return QCoreApplication.translate("messages", "Cancelled; nothing was changed.")


def unexpected() -> str:
    return QCoreApplication.translate(
        "messages", "Something unexpected went wrong; nothing was changed. Details are in the log file.")
