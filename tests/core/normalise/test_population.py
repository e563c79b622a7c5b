"""Population pasted from Excel: by region name in any spelling, or one column in the table's order."""

from kcdesk.core.normalise.population import parse_population

ORDER = ["astana", "almaty", "shymkent"]


def test_two_columns_matched_by_name():
    text = "г. Астана\t1 423 726\r\nАлматы қаласы\t2 228 675\nТүркістан облысы\t2 116 000\nМарс\t5\n"
    assert parse_population(text, ORDER) == {"astana": 1423726, "almaty": 2228675, "turkistan": 2116000}


def test_one_column_in_order_and_excel_number_forms():
    assert parse_population("1423726\n2,228,675\n1239000.0\n", ORDER) == {
        "astana": 1423726, "almaty": 2228675, "shymkent": 1239000}


def test_nothing_usable_gives_nothing():
    assert parse_population("Регион\tНаселение\n\n", ORDER) == {}
