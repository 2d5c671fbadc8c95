"""What marks a number as an amount or a quantity, not a code (pure data, used by ``codes``):
a currency sign or code before or after it (``$482``, ``482 EUR``, ``1500 руб``), or a unit
glued to it (``30GB``, ``5min``, ``2nd``, ``100USD``).
"""

from __future__ import annotations

import re

_CURRENCY_CODES = (
    "USD|EUR|GBP|JPY|CNY|RMB|TWD|NTD|HKD|RUB|RUR|UAH|PLN|TRY|VND|IDR|INR|IRR|IRT|AED|SAR|CHF|"
    "SEK|NOK|DKK|BRL|MXN|ARS|COP|CLP|KRW|ILS|THB|MYR|SGD|PHP|AUD|CAD|NZD|ZAR|EGP|NGN|KES|CZK|"
    'HUF|RON|Rp|Rs|rs|TL|zł|zl|руб|грн|тг|ريال|ریال|تومان|درهم|دينار|جنيه|ش"ח|元|円|원|đ'
)
CURRENCY_BEFORE = re.compile(rf"(?:[$€£¥₹₽₺₩₫₪₴₦฿]|(?<![A-Za-z])(?:{_CURRENCY_CODES})\.?)\s?$")
CURRENCY_AFTER = re.compile(
    rf"^\s?(?:[$€£¥₹₽₺₩₫₪₴₦฿%]|(?:{_CURRENCY_CODES})(?![A-Za-z])|руб|грн|тенге|ریال|تومان)"
)
UNIT_SUFFIX = re.compile(
    rf"^\d+(?:[KMGT]B|[kmgµ]?[gmlsWV]|mAh|GHz|MHz|Mbps|px|pt|min|mins|sec|hrs?|x|"
    rf"st|nd|rd|th|am|pm|AM|PM|p|ppm|ppw|{_CURRENCY_CODES})$"
)
