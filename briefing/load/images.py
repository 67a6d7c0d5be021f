"""Pictures a project names (the logo) are checked before anything decodes them: file size, then the pixel size
read from the header, then a full decode, so a 20000 x 20000 picture or a damaged file is a located message."""

from __future__ import annotations

import warnings
from pathlib import Path

from briefing.danish import fmt

MAX_IMAGE_BYTES = 20_000_000
MAX_PIXELS = 25_000_000
FORMATS = ("PNG", "JPEG", "GIF")


def image_problem(path: Path) -> str | None:
    """Why the picture at `path` cannot be used, in Danish with the limit; None when it can."""
    from PIL import Image

    try:
        size = path.stat().st_size
    except OSError:
        return "billedet kan ikke læses"
    if size > MAX_IMAGE_BYTES:
        return (f"billedet fylder {fmt.number(size // 1_000_000)} MB; højst "
                f"{fmt.number(MAX_IMAGE_BYTES // 1_000_000)} MB er tilladt")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        guard, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None  # the size is checked here, with a clearer message
        try:
            with Image.open(path) as image:  # reads the header only
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return (f"billedet er {fmt.number(width)} x {fmt.number(height)} punkter; højst "
                            f"{fmt.number(MAX_PIXELS // 1_000_000)} megapixel er tilladt (fx 5000 x 5000)")
                if image.format not in FORMATS:
                    return f"billedet er ikke PNG eller JPG (men {image.format or 'ukendt'})"
                Image.MAX_IMAGE_PIXELS = guard
                image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return f"billedet er for stort; højst {fmt.number(MAX_PIXELS // 1_000_000)} megapixel er tilladt"
        except Exception:  # Pillow raises many kinds for a file that is no picture or is cut off
            return "filen kan ikke læses som billede (PNG eller JPG); den er beskadiget eller ikke et billede"
        finally:
            Image.MAX_IMAGE_PIXELS = guard
    return None
