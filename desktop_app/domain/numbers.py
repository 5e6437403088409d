"""Numbers written the Vietnamese way: 10.007 people."""


def vn_int(value: int) -> str:
    return f"{value:,}".replace(",", ".")
