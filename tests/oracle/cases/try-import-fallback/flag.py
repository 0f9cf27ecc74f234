try:
    import json

    HAVE_JSON = True
except ImportError:
    HAVE_JSON = False
