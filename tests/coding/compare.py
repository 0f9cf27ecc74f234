#!/usr/bin/env python3
"""The tool's reading of PEP 263 coding declarations against CPython's.

CPython refuses a file for its encoding when compile(bytes) raises a
SyntaxError about an encoding or a codec ("unknown encoding: klingon",
"'rot13' is not a text encoding", "'utf-8' codec can't decode byte ...",
"encoding problem: latin-1 with BOM"). The tool refuses it when the scan
reports a diagnostic for it of kind not-utf8, or a syntax error that says
"unknown encoding" or "encoding problem". Files with NUL bytes (refused by
both for other reasons) and files the scan does not list are left out.

    compare.py BINARY                every encoding name Python knows (its
                                     aliases and codec modules) spelled
                                     several ways, and names it does not know,
                                     each in a file of its own
    compare.py BINARY DIR...         every *.py under each directory (one scan
                                     per directory)

Prints each disagreement and the counts; exits 1 on a disagreement, except
the one kind the tool does not claim to handle: a file declaring an
encoding Python reads that is neither UTF-8 nor Latin-1 (cp1252, euc-jp...)
whose bytes are not valid UTF-8 (Python decodes it; the tool reports that it
reads only UTF-8 and Latin-1), counted as "other-encoding".
"""
import encodings
import encodings.aliases
import json
import os
import pkgutil
import re
import subprocess
import sys
import tempfile
import warnings

ENCODING_ERROR = re.compile(r"encoding|codec")


def cpython_refuses(data, any_error=False):
    """CPython's message when it refuses data for its encoding; any_error:
    for any reason (crafted files hold valid Python: a refusal is the
    encoding's, as for utf-16's "invalid character")."""
    try:
        compile(data, "f", "exec")
        return None
    except SyntaxError as e:
        return e.msg if any_error or ENCODING_ERROR.search(e.msg or "") else None
    except (ValueError, MemoryError, RecursionError):
        return None


def tool_verdicts(binary, root):
    p = subprocess.run([binary, "scan", "--no-cache", "--fail-on", "none", "--format", "json",
                        root], capture_output=True, timeout=3600)
    report = json.loads(p.stdout)
    seen = {m["path"] for m in report["modules"]}
    refused = {}
    for d in report["diagnostics"]:
        seen.add(d["path"])
        m = d["message"]
        if d["kind"] == "not-utf8" or (d["kind"] == "syntax-error" and
                                        ("unknown encoding" in m or "encoding problem" in m)):
            refused[d["path"]] = m
    return seen, refused


def spellings(name):
    """The name as written, and odd spellings CPython reads the same way."""
    out = {name, name.upper(), name.replace("_", "-"), name.title().replace("_", " ").replace(" ", "_"),
           "-" + name, name.replace("_", "--"), name + "-", name.replace("_", ".")}
    return sorted(n for n in out if n and re.fullmatch(r"[-\w.]+", n))


def crafted(dirpath):
    names = set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values())
    names |= {m.name for m in pkgutil.iter_modules([os.path.dirname(encodings.__file__)])}
    names |= {"klingon", "utf-8x", "utf8-foo", "utf.8", "utf..8", "UTF-8-SIG", "utf-8-anything",
              "latin-1-x", "iso-8859-1-foo", "iso-latin-1-1", "LATIN_1", "Latin-1",
              "euc-jp.x", "cp-1252", "cp1252x", "x-mac-roman", "unicode", "ansi", "mbcs",
              "oem", "646", "us", "u8", "U8", "u-8", "iso8859_15", "iso-8859-15",
              "iso_8859_15", "iso 8859 15", "8859", "sjis", "shift-jis", "SHIFT_JIS",
              "latin", "latin9", "latin10", "latin11", "l1", "l11", "cp65001", "utf8_ucs2",
              "__utf_8__", "_", "-", ".", "..", "x.y"}
    files = {}
    n = 0
    for name in sorted(names):
        for spelled in spellings(name) if name != "klingon" else [name]:
            n += 1
            path = os.path.join(dirpath, f"c{n:05d}.py")
            data = f"# -*- coding: {spelled} -*-\nx = 1\n".encode()
            with open(path, "wb") as f:
                f.write(data)
            files[os.path.basename(path)] = spelled
    return files


def compare(binary, root, label=None, any_error=False):
    seen, refused = tool_verdicts(binary, root)
    counts = dict(files=0, both_accept=0, both_refuse=0, cpython_only_refuses=0,
                  tool_only_refuses=0, other_encoding=0, left_out=0)
    problems = []
    for dirpath, dirs, names in os.walk(root):
        dirs.sort()
        for n in sorted(names):
            if not n.endswith(".py"):
                continue
            full = os.path.join(dirpath, n)
            rel = os.path.relpath(full, root)
            try:
                data = open(full, "rb").read()
            except OSError:
                continue
            if rel not in seen or b"\0" in data:
                counts["left_out"] += 1
                continue
            counts["files"] += 1
            py = cpython_refuses(data, any_error)
            us = refused.get(rel)
            what = label(n) if label else full
            if py and us:
                counts["both_refuse"] += 1
            elif not py and not us:
                counts["both_accept"] += 1
            elif us and "reads UTF-8 and Latin-1" in us:
                counts["other_encoding"] += 1
            elif py:
                counts["cpython_only_refuses"] += 1
                problems.append(f"ACCEPTED {what}: CPython: {py}")
            else:
                counts["tool_only_refuses"] += 1
                problems.append(f"REFUSED  {what}: tool: {us}")
    return counts, problems


def main():
    warnings.simplefilter("ignore")  # compile()'s SyntaxWarnings
    binary = os.path.realpath(sys.argv[1])
    roots = sys.argv[2:]
    total_problems = 0
    if not roots:
        with tempfile.TemporaryDirectory(prefix="scout-coding-") as tmp:
            files = crafted(tmp)
            counts, problems = compare(binary, tmp, lambda n: f"'{files[n]}' ({n})", True)
            for p in problems:
                print(p)
            print(f"crafted ({len(files)} declarations): " +
                  ", ".join(f"{k} {v}" for k, v in counts.items()))
            total_problems += len(problems)
    for root in roots:
        counts, problems = compare(binary, root)
        for p in problems:
            print(p)
        print(f"{root}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        total_problems += len(problems)
    return 1 if total_problems else 0


if __name__ == "__main__":
    sys.exit(main())
