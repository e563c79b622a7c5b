"""The import fields' names as the officer reads them (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("fields", text)


NAMES = {
    "request_id": lambda: _t("Request number"),
    "registered_at": lambda: _t("Registration date"),
    "processed_at": lambda: _t("Processing date"),
    "channel": lambda: _t("Channel"),
    "region": lambda: _t("Region"),
    "topic": lambda: _t("Topic"),
    "subtopic": lambda: _t("Subtopic"),
    "question": lambda: _t("Question text"),
    "gender": lambda: _t("Gender"),
    "birth_date": lambda: _t("Date of birth"),
    "age": lambda: _t("Age"),
    "iin": lambda: _t("IIN"),
    "marital_status": lambda: _t("Marital status"),
    "education": lambda: _t("Education"),
    "occupation": lambda: _t("Occupation"),
    "social_status": lambda: _t("Social status"),
    "contact_centre": lambda: _t("Contact centre"),
    "contact_phone": lambda: _t("Contact centre phone"),
    "applicant_name": lambda: _t("Applicant's name"),
    "applicant_phone": lambda: _t("Applicant's phone"),
}


def field_name(field: str) -> str:
    make = NAMES.get(field)
    return make() if make else str(field)
