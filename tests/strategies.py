"""Hypothesis strategies shared by the extraction tests."""

from __future__ import annotations

from hypothesis import strategies as st

# Text made of pieces that look like codes and like the numbers that are not codes.
CODE_LIKE = st.lists(
    st.sampled_from(
        [
            "code ",
            "OTP ",
            "Order ",
            "call ",
            "+44 20 7946 0958",
            "12/05/2024",
            "Jan 5 2024",
            "https://x.example/a1b2c3d4 ",
            "user4820@example.com",
            "DE89 3704 0044 0532 0130 00",
            "WA 98052",
            "SW1A 1AA",
            "$4999",
            "30GB",
            "•••• 1234",
            " ",
            "\n",
            ".",
            ":",
            "123 456",
            "4821 9034",
            "551920",
            "K7PX2Q",
            "12",
            "x" * 40,
        ]
    )
    | st.text(alphabet="0123456789 -.:/", max_size=6),
    max_size=40,
).map("".join)
