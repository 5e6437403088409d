"""Numbers written the Vietnamese way: 10.007 people, 12,5%."""


def vn_int(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def vn_percent(value: float, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", ",") + "%"
