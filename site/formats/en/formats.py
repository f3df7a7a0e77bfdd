DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
MONTH_YEAR_FORMAT = "F Y"
# The admin's date fields show German dates in every admin language (WAGTAIL_DATE_FORMAT);
# English admin users may still type ISO dates.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y",
    "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d",
]
