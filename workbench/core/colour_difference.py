"""How different two colours look: sRGB to CIE L*a*b* (D65) and the CIEDE2000 colour difference.

CIEDE2000 follows G. Sharma, W. Wu and E. N. Dalal, "The CIEDE2000 color-difference formula:
implementation notes, supplementary test data, and mathematical observations", Color Research and
Application 30(1), 2005, equations (1)-(22), with kL = kC = kH = 1. A difference of about 1 is just
noticeable; 20 and more reads as another colour at a glance.
"""

from __future__ import annotations

import math

Lab = tuple[float, float, float]

_D65_WHITE = (0.95047, 1.0, 1.08883)
_POW25_7 = 25.0**7


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    """``"#rrggbb"`` as three 0-255 channels."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def rgb_to_hex(red: float, green: float, blue: float) -> str:
    channels = (max(0, min(255, round(channel))) for channel in (red, green, blue))
    return "#" + "".join(f"{channel:02x}" for channel in channels)


def hex_to_lab(colour: str) -> Lab:
    """CIE L*a*b* (D65 white) of an sRGB ``"#rrggbb"`` colour."""
    red, green, blue = (_linear(channel / 255) for channel in hex_to_rgb(colour))
    x = 0.4124564 * red + 0.3575761 * green + 0.1804375 * blue
    y = 0.2126729 * red + 0.7151522 * green + 0.0721750 * blue
    z = 0.0193339 * red + 0.1191920 * green + 0.9503041 * blue
    fx, fy, fz = (_lab_f(value / white) for value, white in zip((x, y, z), _D65_WHITE, strict=True))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(first: Lab, second: Lab) -> float:
    """The CIEDE2000 difference of two L*a*b* colours (Sharma et al. 2005)."""
    l1, a1, b1 = first
    l2, a2, b2 = second
    mean_c = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(mean_c**7 / (mean_c**7 + _POW25_7)))
    c1, h1 = _chroma_hue(a1 * (1 + g), b1)
    c2, h2 = _chroma_hue(a2 * (1 + g), b2)
    delta_l = l2 - l1
    delta_c = c2 - c1
    delta_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(_hue_difference(c1, c2, h1, h2) / 2))
    mean_l = (l1 + l2) / 2
    mean_c_prime = (c1 + c2) / 2
    mean_h = _mean_hue(c1, c2, h1, h2)
    t = (
        1
        - 0.17 * math.cos(math.radians(mean_h - 30))
        + 0.24 * math.cos(math.radians(2 * mean_h))
        + 0.32 * math.cos(math.radians(3 * mean_h + 6))
        - 0.20 * math.cos(math.radians(4 * mean_h - 63))
    )
    delta_theta = 30 * math.exp(-(((mean_h - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(mean_c_prime**7 / (mean_c_prime**7 + _POW25_7))
    s_l = 1 + 0.015 * (mean_l - 50) ** 2 / math.sqrt(20 + (mean_l - 50) ** 2)
    s_c = 1 + 0.045 * mean_c_prime
    s_h = 1 + 0.015 * mean_c_prime * t
    r_t = -math.sin(math.radians(2 * delta_theta)) * r_c
    lightness, chroma, hue = delta_l / s_l, delta_c / s_c, delta_h / s_h
    return math.sqrt(lightness**2 + chroma**2 + hue**2 + r_t * chroma * hue)


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of an sRGB ``"#rrggbb"`` colour (0 black, 1 white)."""
    red, green, blue = (_linear(channel / 255) for channel in hex_to_rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def colour_difference(first: str, second: str) -> float:
    """CIEDE2000 between two ``"#rrggbb"`` colours."""
    return ciede2000(hex_to_lab(first), hex_to_lab(second))


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _lab_f(ratio: float) -> float:
    return ratio ** (1 / 3) if ratio > (6 / 29) ** 3 else ratio / (3 * (6 / 29) ** 2) + 4 / 29


def _chroma_hue(a: float, b: float) -> tuple[float, float]:
    """C' and h' in degrees [0, 360); the hue of a grey is 0 (equation 4)."""
    chroma = math.hypot(a, b)
    hue = 0.0 if a == 0 and b == 0 else math.degrees(math.atan2(b, a)) % 360
    return chroma, hue


def _hue_difference(c1: float, c2: float, h1: float, h2: float) -> float:
    """Δh' (equation 10)."""
    if c1 * c2 == 0:
        return 0.0
    difference = h2 - h1
    if difference > 180:
        return difference - 360
    if difference < -180:
        return difference + 360
    return difference


def _mean_hue(c1: float, c2: float, h1: float, h2: float) -> float:
    """h̄' (equation 14): the sum of the hues where one colour is grey."""
    if c1 * c2 == 0:
        return h1 + h2
    if abs(h1 - h2) <= 180:
        return (h1 + h2) / 2
    if h1 + h2 < 360:
        return (h1 + h2 + 360) / 2
    return (h1 + h2 - 360) / 2
