"""The Permissions-Policy header: every powerful browser feature is off, except what the
video players need once a reader has chosen to load one (static/js/site.js gives their
frame `allow="fullscreen; picture-in-picture; encrypted-media"`; a frame can only be given
what the page itself may delegate). The admin uses none of the features either.
"""

from .csp import VIDEO_FRAME_SOURCES

DENIED = [
    "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "geolocation",
    "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi", "payment",
    "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
]
# For the page itself and the video players' frames.
FOR_VIDEOS = ["encrypted-media", "fullscreen", "picture-in-picture"]


def header_value():
    players = " ".join(f'"{origin}"' for origin in VIDEO_FRAME_SOURCES)
    parts = [f"{feature}=()" for feature in DENIED]
    parts += [f"{feature}=(self {players})" for feature in FOR_VIDEOS]
    return ", ".join(sorted(parts))


PERMISSIONS_POLICY = header_value()
