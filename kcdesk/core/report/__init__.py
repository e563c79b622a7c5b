"""The справка: figures -> wording (kk/ru) -> .docx/.xlsx/PDF and work plans."""
