"""charset_normalizer: detect the encodings of a corpus of files, as users
do with from_bytes/from_path: the checkout's data/ samples (many languages
and encodings) and 150 of the standard library's sources (every 4th by
sorted path), the first 64 KiB of each.

usage: python3 charset_normalizer.py CHECKOUT
"""

import glob
import os
import sys
import sysconfig

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import profile_truth  # noqa: E402

STDLIB_FILES = 150


def corpus(checkout):
    paths = sorted(glob.glob(os.path.join(checkout, "data", "*")))
    stdlib = sorted(glob.glob(os.path.join(sysconfig.get_paths()["stdlib"], "*.py")))
    paths += stdlib[::4][:STDLIB_FILES]
    blobs = []
    for p in paths:
        if os.path.isfile(p):
            with open(p, "rb") as f:
                blobs.append(f.read(65536))
    return blobs


def workload(checkout):
    from charset_normalizer import from_bytes, detect

    for blob in corpus(checkout):
        best = from_bytes(blob).best()
        if best is not None:
            str(best)
        detect(blob[:4096])


if __name__ == "__main__":
    profile_truth.run("charset_normalizer", sys.argv[1], ["src/charset_normalizer"], workload,
                      "from_bytes(...).best() and detect() on data/* and 150 stdlib *.py "
                      "(first 64 KiB each)", sys_path=["src"])
