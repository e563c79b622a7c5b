"""Exports (xlsx/xls/ods/csv/txt) → raw tables: open_tables() and RawTable.chunks() in tables.py."""
