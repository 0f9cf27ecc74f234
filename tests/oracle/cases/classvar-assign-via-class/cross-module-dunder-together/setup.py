from mypyc.build import mypycify
from setuptools import setup

setup(ext_modules=mypycify(["tomli/_parser.py", "tomli/__init__.py"]))
