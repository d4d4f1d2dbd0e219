"""Uploaded media: a storage interface (local disk by default), image
processing (checked by content, re-encoded to WebP, thumbnails) and the URL
helpers templates use.

- ``app.media.storage``: ``Storage``, ``LocalStorage``, ``get_storage()``.
- ``app.media.images``: ``process_upload()``, ``store_image()``, ``discard_image()``,
  ``image_url()``, ``srcset()``.
- ``app.media.demo``: generated pictures for the demo data.
"""
