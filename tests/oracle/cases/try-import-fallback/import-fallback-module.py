try:
    import json
except ImportError:
    import pickle
