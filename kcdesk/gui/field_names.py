"""The import fields' names as the officer reads them (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# lupdate finds QCoreApplication.translate("context", "literal") calls by their full name.


NAMES = {
    "request_id": lambda: QCoreApplication.translate("fields", "Request number"),
    "registered_at": lambda: QCoreApplication.translate("fields", "Registration date"),
    "processed_at": lambda: QCoreApplication.translate("fields", "Processing date"),
    "channel": lambda: QCoreApplication.translate("fields", "Channel"),
    "region": lambda: QCoreApplication.translate("fields", "Region"),
    "topic": lambda: QCoreApplication.translate("fields", "Topic"),
    "subtopic": lambda: QCoreApplication.translate("fields", "Subtopic"),
    "question": lambda: QCoreApplication.translate("fields", "Question text"),
    "gender": lambda: QCoreApplication.translate("fields", "Gender"),
    "birth_date": lambda: QCoreApplication.translate("fields", "Date of birth"),
    "age": lambda: QCoreApplication.translate("fields", "Age"),
    "iin": lambda: QCoreApplication.translate("fields", "IIN"),
    "marital_status": lambda: QCoreApplication.translate("fields", "Marital status"),
    "education": lambda: QCoreApplication.translate("fields", "Education"),
    "occupation": lambda: QCoreApplication.translate("fields", "Occupation"),
    "social_status": lambda: QCoreApplication.translate("fields", "Social status"),
    "contact_centre": lambda: QCoreApplication.translate("fields", "Contact centre"),
    "contact_phone": lambda: QCoreApplication.translate("fields", "Contact centre phone"),
    "applicant_name": lambda: QCoreApplication.translate("fields", "Applicant's name"),
    "applicant_phone": lambda: QCoreApplication.translate("fields", "Applicant's phone"),
}


def field_name(field: str) -> str:
    make = NAMES.get(field)
    return make() if make else str(field)
